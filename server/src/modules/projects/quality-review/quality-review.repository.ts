import { sql, type Expression, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { QualityReviewActionTable, QualityReviewInterviewTable, QualityReviewTable } from '../projects.tables.ts';

// Quality review cycles (docs/projects.md "Quality review"). `visible` is the reader's condition over the party
// aliased `p` (projects.access.ts `reviewCustomerVisible`).

export type ReviewRow = NonNullable<Awaited<ReturnType<typeof reviewsRepository.find>>>;

export const reviewsRepository = {
  insert(db: Db, row: Insertable<QualityReviewTable>) {
    return db.insertInto('quality_review').values(row).returning('id').executeTakeFirstOrThrow();
  },

  find(db: Db, orgId: string, id: string) {
    return db
      .selectFrom('quality_review')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  lock(db: Db, orgId: string, id: string) {
    return db
      .selectFrom('quality_review')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  },

  list(db: Db, orgId: string) {
    return db
      .selectFrom('quality_review')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(500)
      .execute();
  },

  update(db: Db, orgId: string, id: string, set: Updateable<QualityReviewTable>) {
    return db
      .updateTable('quality_review')
      .set({ ...set, updated_at: new Date(), version: sql`version + 1` })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute();
  },

  /** Key customers (all of them, for writes and counts). */
  allCustomers(db: Db, orgId: string, reviewId: string) {
    return db
      .selectFrom('quality_review_customer')
      .select(['id', 'party_id', 'interviewer_id'])
      .where('org_id', '=', orgId)
      .where('review_id', '=', reviewId)
      .execute();
  },

  /** Key customers the reader may see, with their interviewer and whether they were interviewed. */
  customers(db: Db, orgId: string, reviewId: string, visible: Expression<SqlBool>) {
    return db
      .selectFrom('quality_review_customer as c')
      .innerJoin('party as p', (j) => j.onRef('p.org_id', '=', 'c.org_id').onRef('p.id', '=', 'c.party_id'))
      .leftJoin('app_user as u', (j) => j.onRef('u.org_id', '=', 'c.org_id').onRef('u.id', '=', 'c.interviewer_id'))
      .select(['c.party_id', 'p.display_name', 'c.interviewer_id', 'u.display_name as interviewer_name'])
      .select(
        sql<boolean>`exists (select 1 from quality_review_interview i where i.org_id = c.org_id and i.review_id = c.review_id and i.party_id = c.party_id)`.as(
          'interviewed',
        ),
      )
      .where('c.org_id', '=', orgId)
      .where('c.review_id', '=', reviewId)
      .where(visible)
      .orderBy('p.display_name')
      .orderBy('p.id')
      .execute();
  },

  async addCustomers(
    db: Db,
    orgId: string,
    reviewId: string,
    rows: { partyId: string; interviewerId: string | null }[],
  ) {
    if (rows.length > 0) {
      await db
        .insertInto('quality_review_customer')
        .values(
          rows.map((r) => ({
            org_id: orgId,
            review_id: reviewId,
            party_id: r.partyId,
            interviewer_id: r.interviewerId,
          })),
        )
        .execute();
    }
  },

  assign(db: Db, orgId: string, customerRowId: string, interviewerId: string | null) {
    return db
      .updateTable('quality_review_customer')
      .set({ interviewer_id: interviewerId })
      .where('org_id', '=', orgId)
      .where('id', '=', customerRowId)
      .execute();
  },

  /** Counts behind each step (customers, interviews, responses, actions by kind). */
  async counts(db: Db, orgId: string, reviewId: string) {
    const { rows } = await sql<{
      customers: number;
      interviews: number;
      responses: number;
      improvements: number;
      communications: number;
    }>`
      select
        (select count(*) from quality_review_customer where org_id = ${orgId} and review_id = ${reviewId})::int as customers,
        (select count(*) from quality_review_interview where org_id = ${orgId} and review_id = ${reviewId})::int as interviews,
        (select count(*) from quality_review_interview where org_id = ${orgId} and review_id = ${reviewId} and response_id is not null)::int as responses,
        (select count(*) from quality_review_action where org_id = ${orgId} and review_id = ${reviewId} and kind = 'improvement')::int as improvements,
        (select count(*) from quality_review_action where org_id = ${orgId} and review_id = ${reviewId} and kind = 'communication')::int as communications`.execute(
      db,
    );
    return rows[0] ?? { customers: 0, interviews: 0, responses: 0, improvements: 0, communications: 0 };
  },

  interviewOf(db: Db, orgId: string, reviewId: string, partyId: string) {
    return db
      .selectFrom('quality_review_interview')
      .select('id')
      .where('org_id', '=', orgId)
      .where('review_id', '=', reviewId)
      .where('party_id', '=', partyId)
      .executeTakeFirst();
  },

  insertInterview(db: Db, row: Insertable<QualityReviewInterviewTable>) {
    return db.insertInto('quality_review_interview').values(row).returningAll().executeTakeFirstOrThrow();
  },

  /** Interviews of customers the reader may see: interviewers (for staff messages) and customers (for theirs). */
  interviews(db: Db, orgId: string, reviewId: string) {
    return db
      .selectFrom('quality_review_interview')
      .select(['party_id', 'interviewer_id'])
      .where('org_id', '=', orgId)
      .where('review_id', '=', reviewId)
      .execute();
  },

  actions(db: Db, orgId: string, reviewId: string) {
    return db
      .selectFrom('quality_review_action')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('review_id', '=', reviewId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  },

  insertAction(db: Db, row: Insertable<QualityReviewActionTable>) {
    return db.insertInto('quality_review_action').values(row).returning('id').executeTakeFirstOrThrow();
  },
};
