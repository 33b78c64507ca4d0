import type { Kysely } from 'kysely';
import type { Visibility } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/types.ts';
import { caseVisible } from './cases.access.ts';

type Db = Kysely<Database>;

/** Of `ids`, the cases (grievances included) the actor may read: the same rule as the case page. */
export async function visibleCaseIds(db: Db, actor: Actor, visibility: Visibility, ids: readonly string[]) {
  if (!ids.length) {
    return new Set<string>();
  }
  const rows = await db
    .selectFrom('service_case as c')
    .leftJoin('party as p', (j) => j.onRef('p.org_id', '=', 'c.org_id').onRef('p.id', '=', 'c.party_id'))
    .select('c.id')
    .where('c.org_id', '=', actor.orgId)
    .where('c.id', 'in', [...ids])
    .where(() => caseVisible(actor, visibility, 'read'))
    .execute();
  return new Set(rows.map((r) => r.id));
}
