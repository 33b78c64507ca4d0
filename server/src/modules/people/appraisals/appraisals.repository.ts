import { sql, type Insertable, type Updateable } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/database.ts';
import { employmentSource } from '../../parties/index.ts';
import { employeeRecordVisible, relationSql, type Relation } from '../people.access.ts';
import type {
  AppraisalCycleTable,
  AppraisalRow,
  AppraisalTable,
  CycleRow,
  ImprovementPlanTable,
  PlanRow,
} from '../people.tables.ts';

export type AppraisalView = AppraisalRow & {
  display_name: string;
  cycle: CycleRow;
  relation: Relation | null;
};

const view = (db: Db, actor: Actor) =>
  db
    .selectFrom('appraisal as a')
    .innerJoin('appraisal_cycle as c', (j) => j.onRef('c.org_id', '=', 'a.org_id').onRef('c.id', '=', 'a.cycle_id'))
    .innerJoin('party as p', (j) => j.onRef('p.org_id', '=', 'a.org_id').onRef('p.id', '=', 'a.party_id'))
    .selectAll('a')
    .select([
      'p.display_name',
      sql<CycleRow>`to_jsonb(c)`.as('cycle'),
      sql<Relation | null>`${relationSql(actor)}`.as('relation'),
    ])
    .where('a.org_id', '=', actor.orgId)
    .where('p.deleted_at', 'is', null);

export const cyclesRepository = {
  insert: (db: Db, row: Insertable<AppraisalCycleTable>) =>
    db.insertInto('appraisal_cycle').values(row).returningAll().executeTakeFirstOrThrow(),

  find: (db: Db, orgId: string, id: string, lock = false) => {
    const q = db.selectFrom('appraisal_cycle').selectAll().where('org_id', '=', orgId).where('id', '=', id);
    return (lock ? q.forUpdate() : q).executeTakeFirst();
  },

  list: (db: Db, orgId: string) =>
    db
      .selectFrom('appraisal_cycle')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('period_start', 'desc')
      .orderBy('id')
      .limit(500)
      .execute(),

  update: (db: Db, orgId: string, id: string, version: number, values: Updateable<AppraisalCycleTable>) =>
    db
      .updateTable('appraisal_cycle')
      .set((eb) => ({ ...values, updated_at: new Date(), version: eb('version', '+', 1) }))
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst(),

  counts: async (db: Db, orgId: string, ids: string[]) => {
    if (!ids.length) {
      return new Map<string, number>();
    }
    const rows = await db
      .selectFrom('appraisal')
      .select(['cycle_id', sql<number>`count(*)::int`.as('n')])
      .where('org_id', '=', orgId)
      .where('cycle_id', 'in', ids)
      .groupBy('cycle_id')
      .execute();
    return new Map(rows.map((r) => [r.cycle_id, r.n]));
  },

  /** Current employees (not alumni) in the units (and every unit below them) or named, as of now. */
  async participants(db: Db, orgId: string, unitIds: string[], partyIds: string[]): Promise<string[]> {
    const units = unitIds.length ? sql`array[${sql.join(unitIds)}]::uuid[]` : sql`array[]::uuid[]`;
    const parties = partyIds.length ? sql`array[${sql.join(partyIds)}]::uuid[]` : sql`array[]::uuid[]`;
    const r = await sql<{ party_id: string }>`
      with recursive below(id) as (
        select u.id from org_unit u where u.org_id = ${orgId} and u.id = any(${units})
        union
        select u.id from org_unit u join below b on u.parent_id = b.id where u.org_id = ${orgId}
      )
      select distinct e.party_id from ${employmentSource(orgId)} e
      where e.ended_at is null and e.stage <> 'alumni'
        and (e.org_unit_id in (select id from below) or e.party_id = any(${parties}))
      order by e.party_id
    `.execute(db);
    return r.rows.map((x) => x.party_id);
  },

  /** Period starts of the participants' other published cycles within 12 months either side of `start`. */
  otherStarts: async (db: Db, orgId: string, cycleId: string, partyIds: string[], start: string) => {
    if (!partyIds.length) {
      return [];
    }
    return db
      .selectFrom('appraisal as a')
      .innerJoin('appraisal_cycle as c', (j) => j.onRef('c.org_id', '=', 'a.org_id').onRef('c.id', '=', 'a.cycle_id'))
      .select(['a.party_id', 'c.period_start'])
      .where('a.org_id', '=', orgId)
      .where('c.id', '<>', cycleId)
      .where('c.status', '<>', 'draft')
      .where('a.party_id', 'in', partyIds)
      .where(sql<boolean>`c.period_start > ${start}::date - interval '12 months'`)
      .where(sql<boolean>`c.period_start < ${start}::date + interval '12 months'`)
      .execute();
  },

  insertAppraisals: (db: Db, rows: Insertable<AppraisalTable>[]) =>
    rows.length ? db.insertInto('appraisal').values(rows).execute() : Promise.resolve([]),

  /** What stands in the way of closing: unscored or unbanded appraisals, bottom-band ones without a plan. */
  closeCheck: (db: Db, orgId: string, cycleId: string) =>
    db
      .selectFrom('appraisal as a')
      .leftJoin('improvement_plan as ip', (j) =>
        j.onRef('ip.org_id', '=', 'a.org_id').onRef('ip.appraisal_id', '=', 'a.id'),
      )
      .select([
        sql<number>`count(*)::int`.as('total'),
        sql<number>`count(*) filter (where a.scores is null or a.band is null)::int`.as('incomplete'),
        sql<number>`count(*) filter (where a.band = 'bottom')::int`.as('bottom'),
        sql<string[]>`coalesce(array_agg(a.party_id) filter (where a.band = 'bottom' and ip.id is null), '{}')`.as(
          'without_plan',
        ),
      ])
      .where('a.org_id', '=', orgId)
      .where('a.cycle_id', '=', cycleId)
      .executeTakeFirstOrThrow(),
};

export const appraisalsRepository = {
  find: (db: Db, actor: Actor, id: string): Promise<AppraisalView | undefined> =>
    view(db, actor).where('a.id', '=', id).executeTakeFirst(),

  /** Appraisals the actor may read (HR all, the chain their reports', the employee their own). */
  list: (db: Db, actor: Actor, cycleId: string | undefined, onlyOwn: boolean): Promise<AppraisalView[]> => {
    let q = view(db, actor).where(employeeRecordVisible(actor, 'appraisal'));
    if (cycleId) {
      q = q.where('a.cycle_id', '=', cycleId);
    }
    if (onlyOwn) {
      q = q.where('a.party_id', '=', actor.partyId ?? '00000000-0000-0000-0000-000000000000');
    }
    return q.orderBy('c.period_start', 'desc').orderBy('p.display_name').limit(2000).execute();
  },

  update: (db: Db, orgId: string, id: string, version: number, values: Updateable<AppraisalTable>) =>
    db
      .updateTable('appraisal')
      .set((eb) => ({ ...values, updated_at: new Date(), version: eb('version', '+', 1) }))
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst(),

  plansOf: (db: Db, orgId: string, appraisalIds: string[]): Promise<PlanRow[]> =>
    appraisalIds.length
      ? db
          .selectFrom('improvement_plan')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('appraisal_id', 'in', appraisalIds)
          .execute()
      : Promise.resolve([]),

  insertPlan: (db: Db, row: Insertable<ImprovementPlanTable>) =>
    db.insertInto('improvement_plan').values(row).returningAll().executeTakeFirstOrThrow(),

  findPlan: (db: Db, orgId: string, id: string) =>
    db.selectFrom('improvement_plan').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst(),

  updatePlan: (db: Db, orgId: string, id: string, version: number, values: Updateable<ImprovementPlanTable>) =>
    db
      .updateTable('improvement_plan')
      .set((eb) => ({ ...values, updated_at: new Date(), version: eb('version', '+', 1) }))
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst(),

  /** A plan of the employee whose reassessment was completed and found them still below the bar. */
  completedBelowPlan: (db: Db, orgId: string, partyId: string) =>
    db
      .selectFrom('improvement_plan')
      .select('id')
      .where('org_id', '=', orgId)
      .where('party_id', '=', partyId)
      .where('reassessed_on', 'is not', null)
      .where('outcome', '=', 'below')
      .executeTakeFirst(),

  userExists: (db: Db, orgId: string, id: string) =>
    db.selectFrom('app_user').select('id').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst(),
};
