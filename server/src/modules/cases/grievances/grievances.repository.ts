import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/types.ts';

type Db = Kysely<Database>;

export const grievancesRepository = {
  /** Whether the party has a current employee role (through the parties module's published `party_membership`). */
  isEmployee: async (db: Db, orgId: string, partyId: string): Promise<boolean> =>
    (await db
      .selectFrom('party_membership')
      .select('id')
      .where('org_id', '=', orgId)
      .where('party_id', '=', partyId)
      .where('role', '=', 'employee')
      .executeTakeFirst()) !== undefined,
};
