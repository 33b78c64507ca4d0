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

  /** The named grievances a user filed, newest first (anonymous ones carry no submitter, so never appear). */
  mine: (db: Db, orgId: string, userId: string) =>
    db
      .selectFrom('service_case')
      .select(['id', 'subject', 'status', 'created_at'])
      // The latest public event (a reply, a follow-up, a status change): internal notes are HR's, not activity the
      // submitter can see.
      .select((eb) =>
        eb.fn
          .coalesce(
            eb
              .selectFrom('case_event as e')
              .select((e) => e.fn.max('e.at').as('at'))
              .whereRef('e.org_id', '=', 'service_case.org_id')
              .whereRef('e.case_id', '=', 'service_case.id')
              .where((e) => e.or([e('e.visibility', 'is', null), e('e.visibility', '=', 'public')])),
            eb.ref('created_at'),
          )
          .as('last_activity_at'),
      )
      .where('org_id', '=', orgId)
      .where('type', '=', 'grievance')
      .where('submitter_id', '=', userId)
      .where('anonymous', '=', false)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(500)
      .execute(),
};
