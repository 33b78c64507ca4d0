import { sql, type Insertable, type Updateable } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/database.ts';
import { employmentSource } from '../../parties/index.ts';
import { relationSql, type Relation } from '../people.access.ts';
import type {
  EmployeeContractTable,
  EmployeeEventTable,
  EmployeePayChangeTable,
  EmployeePromotionTable,
  EmployeeTrainingTable,
} from '../people.tables.ts';

/** The current employment of one employee and the actor's relation to them (null: outside the circle). */
export interface EmploymentRow {
  party_id: string;
  display_name: string;
  role_version: number;
  stage: string;
  phase: string | null;
  employee_no: string | null;
  hire_date: string | null;
  exit_date: string | null;
  exit_reason: string | null;
  org_unit_id: string | null;
  manager_id: string | null;
  job_title: string | null;
  career_track: string | null;
  grade: string | null;
  salary: string | null;
  relation: Relation | null;
}

export const fileRepository = {
  /**
   * The employee's current employment (a live party with a current employee role) and the actor's relation, or
   * undefined. Salary is selected here; the service sends nothing unless the relation allows it.
   */
  async employment(db: Db, actor: Actor, partyId: string): Promise<EmploymentRow | undefined> {
    const r = await sql<EmploymentRow>`
      select e.party_id, p.display_name, rl.version as role_version, e.stage, e.phase, e.employee_no,
        e.hire_date::text as hire_date, e.exit_date::text as exit_date, e.exit_reason, e.org_unit_id, e.manager_id,
        e.job_title, e.career_track, e.grade, e.salary::text as salary, ${relationSql(actor)} as relation
      from ${employmentSource(actor.orgId)} e
      join party p on p.org_id = e.org_id and p.id = e.party_id
      join party_role rl on rl.org_id = e.org_id and rl.id = e.role_id
      where e.party_id = ${partyId} and e.ended_at is null
    `.execute(db);
    return r.rows[0];
  },

  /** The pay band of a grade and the compa-ratio of a salary against its midpoint (docs/metrics.md "Compa-ratio"). */
  async band(db: Db, orgId: string, grade: string | null, salary: string | null) {
    if (!grade) {
      return undefined;
    }
    return db
      .selectFrom('pay_band')
      .select([
        'grade',
        'min_pay',
        'mid_pay',
        'max_pay',
        sql<string | null>`case when ${salary}::numeric is null then null
          else round(${salary}::numeric / mid_pay, 3)::text end`.as('compa_ratio'),
      ])
      .where('org_id', '=', orgId)
      .where('grade', '=', grade)
      .executeTakeFirst();
  },

  contracts: (db: Db, orgId: string, partyId: string) =>
    db
      .selectFrom('employee_contract')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('party_id', '=', partyId)
      .orderBy('start_on', 'desc')
      .orderBy('id')
      .execute(),

  findContract: (db: Db, orgId: string, partyId: string, id: string) =>
    db
      .selectFrom('employee_contract')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('party_id', '=', partyId)
      .where('id', '=', id)
      .executeTakeFirst(),

  payHistory: (db: Db, orgId: string, partyId: string) =>
    db
      .selectFrom('employee_pay_change')
      .select(['id', 'effective_on', 'salary', 'previous_salary', 'kind', 'note', 'recorded_by'])
      .where('org_id', '=', orgId)
      .where('party_id', '=', partyId)
      .orderBy('effective_on', 'desc')
      .orderBy('created_at', 'desc')
      .execute(),

  promotions: (db: Db, orgId: string, partyId: string) =>
    db
      .selectFrom('employee_promotion')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('party_id', '=', partyId)
      .orderBy('effective_on', 'desc')
      .execute(),

  training: (db: Db, orgId: string, partyId: string) =>
    db
      .selectFrom('employee_training')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('party_id', '=', partyId)
      .orderBy('created_at', 'desc')
      .execute(),

  events: (db: Db, orgId: string, partyId: string) =>
    db
      .selectFrom('employee_event')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('party_id', '=', partyId)
      .orderBy('effective_on', 'desc')
      .orderBy('created_at', 'desc')
      .execute(),

  lastSeparation: (db: Db, orgId: string, partyId: string) =>
    db
      .selectFrom('employee_separation')
      .select(['id', 'exit_on', 'exit_type', 'reason', 'note'])
      .where('org_id', '=', orgId)
      .where('party_id', '=', partyId)
      .orderBy('exit_on', 'desc')
      .executeTakeFirst(),

  insertPayChange: (db: Db, row: Insertable<EmployeePayChangeTable>) =>
    db.insertInto('employee_pay_change').values(row).execute(),
  insertEvents: (db: Db, rows: Insertable<EmployeeEventTable>[]) =>
    rows.length ? db.insertInto('employee_event').values(rows).execute() : Promise.resolve([]),
  insertPromotion: (db: Db, row: Insertable<EmployeePromotionTable>) =>
    db.insertInto('employee_promotion').values(row).execute(),
  insertTraining: (db: Db, row: Insertable<EmployeeTrainingTable>) =>
    db.insertInto('employee_training').values(row).execute(),
  insertContract: (db: Db, row: Insertable<EmployeeContractTable>) =>
    db.insertInto('employee_contract').values(row).returningAll().executeTakeFirstOrThrow(),
  updateContract: (db: Db, orgId: string, id: string, version: number, values: Updateable<EmployeeContractTable>) =>
    db
      .updateTable('employee_contract')
      .set((eb) => ({ ...values, updated_at: new Date(), version: eb('version', '+', 1) }))
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst(),
};
