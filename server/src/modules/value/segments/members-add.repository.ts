import type { Visibility } from '../../../platform/access/access.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/database.ts';
import { livePartyVisible } from '../../parties/index.ts';
import type { SegmentRow } from './value-segments.tables.ts';

export const membersAddRepository = {
  /** Which of `ids` are live parties the actor reads in full (the rest are "not found" to them). */
  async visibleIds(db: Db, actor: Actor, vis: Visibility, ids: readonly string[]): Promise<Set<string>> {
    const rows = await db
      .selectFrom('party as p')
      .select('p.id')
      .where('p.org_id', '=', actor.orgId)
      .where('p.id', 'in', [...ids])
      .where(() => livePartyVisible(actor, vis, 'read'))
      .execute();
    return new Set(rows.map((r) => r.id));
  },

  /** The segment, locked until the transaction ends (two additions at once both land). */
  findForUpdate: (db: Db, orgId: string, id: string): Promise<SegmentRow | undefined> =>
    db
      .selectFrom('segment')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst(),
};
