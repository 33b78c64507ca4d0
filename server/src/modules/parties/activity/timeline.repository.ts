import { sql, type Kysely } from 'kysely';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Database } from '../../../platform/db/types.ts';
import { paginate } from '../../../platform/db/pagination.ts';
import type { TimelineSource } from '../../../platform/timeline/sources.ts';
import type { TimelineItem } from './activity.schema.ts';

type Db = Kysely<Database>;
export type Builtin = Exclude<TimelineItem['type'], 'event'>;
export const builtins: Builtin[] = ['interaction', 'task', 'history', 'care'];

/** One keyset-paged stream of (type, id, at) over everything that happened to a party, newest first; then hydrated per type. */
export function timelineKeys(
  db: Db,
  ctx: RequestContext,
  partyId: string,
  kinds: Builtin[],
  sources: TimelineSource[],
  page: { limit: number; cursor: string | undefined },
) {
  const orgId = ctx.actor.orgId;
  const parts = {
    interaction: sql`select 'interaction' as type, i.id, i.occurred_at as at from interaction i where i.org_id = ${orgId} and i.party_id = ${partyId}`,
    task: sql`select 'task' as type, t.id, t.due_at as at from task t where t.org_id = ${orgId} and t.party_id = ${partyId}`,
    history: sql`select 'history' as type, h.id, h.at from party_history h where h.org_id = ${orgId} and h.party_id = ${partyId}`,
    care: sql`select 'care' as type, (c->>'id')::uuid as id, (c->>'at')::timestamptz(3) as at
              from party pc, jsonb_array_elements(pc.profile->'care') c where pc.org_id = ${orgId} and pc.id = ${partyId}`,
  };
  const arms = [
    ...kinds.map((k) => parts[k]),
    ...sources.map(
      (s) =>
        sql`select x.type::text as type, x.id::uuid as id, x.at::timestamptz(3) as at from (${s.keys(ctx, partyId)}) x`,
    ),
  ];
  const union = sql.join(arms, sql` union all `);
  const q = db.selectFrom(sql<{ type: string; id: string; at: Date }>`(${union})`.as('tl')).selectAll();
  return paginate(q, {
    ...page,
    sort: { column: 'tl.at', desc: true, type: 'timestamptz' },
    idColumn: 'tl.id',
    sortValue: (r) => r.at,
  });
}

/** History entries by id, with the name of who made each change. */
export function historyByIds(db: Db, orgId: string, ids: string[]) {
  return ids.length
    ? db
        .selectFrom('party_history as h')
        .leftJoin('app_user as u', (j) => j.onRef('u.org_id', '=', 'h.org_id').onRef('u.id', '=', 'h.actor_id'))
        .selectAll('h')
        .select('u.display_name as actor_name')
        .where('h.org_id', '=', orgId)
        .where('h.id', 'in', ids)
        .execute()
    : Promise.resolve([]);
}
