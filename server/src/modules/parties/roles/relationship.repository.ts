import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../platform/db/types.ts';
import type { PartyRoleRelationshipTable } from '../links/links.tables.ts';

type Db = Kysely<Database>;

export const relationshipRepository = {
  async add(db: Db, row: Insertable<PartyRoleRelationshipTable>): Promise<void> {
    await db.insertInto('party_role_relationship').values(row).execute();
  },

  /** Every change of the role's two scales, newest first, with the actor's name. */
  history(db: Db, orgId: string, roleId: string) {
    return db
      .selectFrom('party_role_relationship as h')
      .leftJoin('app_user as u', (j) => j.onRef('u.org_id', '=', 'h.org_id').onRef('u.id', '=', 'h.actor_id'))
      .selectAll('h')
      .select('u.display_name as actor_name')
      .where('h.org_id', '=', orgId)
      .where('h.role_id', '=', roleId)
      .orderBy('h.at', 'desc')
      .orderBy('h.id', 'desc')
      .limit(1000)
      .execute();
  },
};
