import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/types.ts';
import type { BallotAnswer } from './surveys.tables.ts';

type Db = Kysely<Database>;

export interface BallotInput {
  org_id: string;
  survey_id: string;
  respondent_role: string | null;
  org_unit_id: string | null;
  stakeholder_group: string | null;
  segment_id: string | null;
  answers: BallotAnswer[];
}

/** A held anonymous answer, as the release reads it. */
export interface HeldBallot extends BallotInput {
  id: string;
  submitted_on: string;
}

// Anonymous answers: spent nullifiers and held ballots (see migration 0008 for why they exist).
export const ballotsRepository = {
  /** Records that the invitee behind `nullifier` answered; false when they already had. */
  async spend(db: Db, orgId: string, surveyId: string, nullifier: string): Promise<boolean> {
    const r = await db
      .insertInto('survey_spent')
      .values({ org_id: orgId, survey_id: surveyId, nullifier })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  },

  async isSpent(db: Db, orgId: string, surveyId: string, nullifier: string): Promise<boolean> {
    const r = await db
      .selectFrom('survey_spent')
      .select('nullifier')
      .where('org_id', '=', orgId)
      .where('survey_id', '=', surveyId)
      .where('nullifier', '=', nullifier)
      .executeTakeFirst();
    return Boolean(r);
  },

  /** Every spent nullifier of a survey (reminders compare them in memory; nothing is written). */
  async spentSet(db: Db, orgId: string, surveyId: string): Promise<Set<string>> {
    const rows = await db
      .selectFrom('survey_spent')
      .select('nullifier')
      .where('org_id', '=', orgId)
      .where('survey_id', '=', surveyId)
      .execute();
    return new Set(rows.map((r) => r.nullifier));
  },

  /** Holds an answer; the day only (the time is the transaction's own, which ties it to nothing). */
  hold(db: Db, b: BallotInput): Promise<unknown> {
    return db
      .insertInto('survey_ballot')
      .values({ ...b, answers: JSON.stringify(b.answers), submitted_on: sql<string>`current_date` })
      .execute();
  },

  /** Surveys with held ballots that may be released: at least the minimum held, or the survey closed. */
  // org-scope: the release job's work list across organisations; each survey is then released with its own org_id.
  async releasable(db: Db, now: Date): Promise<{ org_id: string; survey_id: string; minimum: number }[]> {
    const res = await sql<{ org_id: string; survey_id: string; minimum: number }>`
      select b.org_id, b.survey_id,
        case when s.status = 'closed' or s.closes_at <= ${now} then 0 else s.min_group_size end as minimum
      from survey_ballot b
      join survey s on s.org_id = b.org_id and s.id = b.survey_id
      group by b.org_id, b.survey_id, s.min_group_size, s.status, s.closes_at
      having count(*) >= s.min_group_size or s.status = 'closed' or s.closes_at <= ${now}`.execute(db);
    return res.rows;
  },

  /** Locks and reads every held ballot of a survey (another releaser skips them). */
  take(db: Db, orgId: string, surveyId: string): Promise<HeldBallot[]> {
    return db
      .selectFrom('survey_ballot')
      .select([
        'id',
        'org_id',
        'survey_id',
        'submitted_on',
        'respondent_role',
        'org_unit_id',
        'stakeholder_group',
        'segment_id',
        'answers',
      ])
      .where('org_id', '=', orgId)
      .where('survey_id', '=', surveyId)
      .forUpdate()
      .skipLocked()
      .execute();
  },

  /**
   * Writes held ballots as responses in the given (shuffled) order with the given random ids, and removes the
   * ballots; every row of the batch shares the caller's transaction.
   */
  async release(db: Db, orgId: string, surveyId: string, ballots: (HeldBallot & { responseId: string })[]) {
    if (!ballots.length) {
      return;
    }
    await db
      .insertInto('survey_response')
      .values(
        ballots.map((b) => ({
          org_id: orgId,
          id: b.responseId,
          survey_id: surveyId,
          party_id: null,
          anonymous: true,
          respondent_role: b.respondent_role,
          org_unit_id: b.org_unit_id,
          stakeholder_group: b.stakeholder_group,
          segment_id: b.segment_id,
          submitted_at: sql<Date>`${b.submitted_on}::date::timestamptz`,
        })),
      )
      .execute();
    const answers = ballots.flatMap((b) =>
      b.answers.map((a) => ({ ...a, org_id: orgId, survey_id: surveyId, response_id: b.responseId })),
    );
    for (let i = 0; i < answers.length; i += 2000) {
      await db
        .insertInto('survey_answer')
        .values(answers.slice(i, i + 2000))
        .execute();
    }
    await db
      .deleteFrom('survey_ballot')
      .where('org_id', '=', orgId)
      .where(
        'id',
        'in',
        ballots.map((b) => b.id),
      )
      .execute();
  },
};
