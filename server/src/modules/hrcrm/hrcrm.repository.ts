import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database } from '../../platform/db/types.ts';
import type {
  HrActivityTable,
  HrContributionTable,
  HrGroupAssessmentTable,
  HrProcessStepTable,
} from './hrcrm.tables.ts';

type Db = Kysely<Database>;

const withActor = (db: Db, orgId: string) =>
  db
    .selectFrom('hr_group_assessment as a')
    .leftJoin('app_user as u', (j) => j.onRef('u.org_id', '=', 'a.org_id').onRef('u.id', '=', 'a.actor_id'))
    .where('a.org_id', '=', orgId)
    .selectAll('a')
    .select('u.display_name as actor_name');

export type AssessmentRow = Awaited<ReturnType<typeof hrcrmRepository.assessmentHistory>>[number];

export const hrcrmRepository = {
  /** The newest assessment of every group (the current one). */
  latestAssessments(db: Db, orgId: string) {
    return withActor(db, orgId)
      .distinctOn('a.group_key')
      .orderBy('a.group_key')
      .orderBy('a.at', 'desc')
      .orderBy('a.id', 'desc')
      .execute();
  },

  assessmentHistory(db: Db, orgId: string, groupKey: string) {
    return withActor(db, orgId)
      .where('a.group_key', '=', groupKey)
      .orderBy('a.at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(1000)
      .execute();
  },

  insertAssessment(db: Db, row: Insertable<HrGroupAssessmentTable>) {
    return db.insertInto('hr_group_assessment').values(row).returning('id').executeTakeFirstOrThrow();
  },

  /** Stored steps (a step never written is not_started, with no owner). */
  steps(db: Db, orgId: string, groupKey: string) {
    return db
      .selectFrom('hr_process_step as s')
      .leftJoin('app_user as u', (j) => j.onRef('u.org_id', '=', 's.org_id').onRef('u.id', '=', 's.owner_user_id'))
      .selectAll('s')
      .select('u.display_name as owner_name')
      .where('s.org_id', '=', orgId)
      .where('s.group_key', '=', groupKey)
      .execute();
  },

  doneSteps(db: Db, orgId: string) {
    return db
      .selectFrom('hr_process_step')
      .select(['group_key', (eb) => eb.fn.countAll<number>().as('done')])
      .where('org_id', '=', orgId)
      .where('state', '=', 'done')
      .groupBy('group_key')
      .execute();
  },

  upsertStep(db: Db, row: Insertable<HrProcessStepTable>, set: Updateable<HrProcessStepTable>) {
    return db
      .insertInto('hr_process_step')
      .values(row)
      .onConflict((c) => c.columns(['org_id', 'group_key', 'step']).doUpdateSet({ ...set, updated_at: new Date() }))
      .execute();
  },

  activities(db: Db, orgId: string, groupKey: string) {
    return db
      .selectFrom('hr_activity')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('group_key', '=', groupKey)
      .orderBy(sql`planned_on nulls last`)
      .orderBy('created_at')
      .orderBy('id')
      .limit(1000)
      .execute();
  },

  findActivity(db: Db, orgId: string, id: string) {
    return db.selectFrom('hr_activity').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  },

  insertActivity(db: Db, row: Insertable<HrActivityTable>) {
    return db.insertInto('hr_activity').values(row).returningAll().executeTakeFirstOrThrow();
  },

  updateActivity(db: Db, orgId: string, id: string, set: Updateable<HrActivityTable>) {
    return db
      .updateTable('hr_activity')
      .set({ ...set, updated_at: new Date() })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async activityCounts(db: Db, orgId: string, groupKey: string) {
    const row = await db
      .selectFrom('hr_activity')
      .select([
        sql<number>`count(*) filter (where status <> 'cancelled')::int`.as('planned'),
        sql<number>`count(*) filter (where status = 'done')::int`.as('done'),
      ])
      .where('org_id', '=', orgId)
      .where('group_key', '=', groupKey)
      .executeTakeFirst();
    return { planned: row?.planned ?? 0, done: row?.done ?? 0 };
  },

  contributions(db: Db, orgId: string, groupKey: string, from: string, to: string) {
    return db
      .selectFrom('hr_contribution as c')
      .leftJoin('app_user as u', (j) => j.onRef('u.org_id', '=', 'c.org_id').onRef('u.id', '=', 'c.recorded_by'))
      .selectAll('c')
      .select('u.display_name as recorder_name')
      .where('c.org_id', '=', orgId)
      .where('c.group_key', '=', groupKey)
      .where('c.recorded_on', '>=', from)
      .where('c.recorded_on', '<=', to)
      .orderBy('c.recorded_on', 'desc')
      .orderBy('c.id')
      .limit(500)
      .execute();
  },

  insertContribution(db: Db, row: Insertable<HrContributionTable>) {
    return db.insertInto('hr_contribution').values(row).returning('id').executeTakeFirstOrThrow();
  },

  findContribution(db: Db, orgId: string, id: string) {
    return db
      .selectFrom('hr_contribution as c')
      .leftJoin('app_user as u', (j) => j.onRef('u.org_id', '=', 'c.org_id').onRef('u.id', '=', 'c.recorded_by'))
      .selectAll('c')
      .select('u.display_name as recorder_name')
      .where('c.org_id', '=', orgId)
      .where('c.id', '=', id)
      .executeTakeFirstOrThrow();
  },
};
