import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/types.ts';

type Db = Kysely<Database>;

export const feedbackRepository = {
  insert: (db: Db, row: { org_id: string; case_id: string; token_hash: string; expires_at: Date }) =>
    db.insertInto('case_feedback_token').values(row).execute(),
  // org-scope: a feedback link's token hash is unique across organisations, and the respondent's organisation is not known before it.
  find: (db: Db, hash: string) =>
    db
      .selectFrom('case_feedback_token as t')
      .innerJoin('service_case as c', (j) => j.onRef('c.org_id', '=', 't.org_id').onRef('c.id', '=', 't.case_id'))
      .select([
        't.org_id',
        't.id as token_id',
        't.case_id',
        't.expires_at',
        't.used',
        'c.subject',
        'c.resolved_at',
        'c.party_id',
        'c.type',
        'c.assignee_id',
      ])
      .where('t.token_hash', '=', hash)
      .executeTakeFirst(),
  markUsed: async (db: Db, orgId: string, id: string) =>
    (
      await db
        .updateTable('case_feedback_token')
        .set({ used: true })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .where('used', '=', false)
        .executeTakeFirst()
    ).numUpdatedRows > 0n,
};
