import { sql, type RawBuilder } from 'kysely';

/** One employment stint: an employee role (current or ended) of a live party, with its employment fields. */
export interface EmploymentSourceRow {
  org_id: string;
  party_id: string;
  role_id: string;
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
  started_at: Date;
  ended_at: Date | null;
}

/**
 * The employment record as an SQL source other modules' repositories select from (people's headcount, turnover and
 * attrition analytics, the employee file). It carries salary: the caller applies the employee circle
 * (`inEmployeeCircle` over the party aliased `p`) before anything leaves the database.
 */
export function employmentSource(orgId: string): RawBuilder<EmploymentSourceRow> {
  return sql<EmploymentSourceRow>`(
    select r.org_id, r.party_id, r.id as role_id, r.stage, r.phase, r.employee_no, r.hire_date, r.exit_date,
      r.exit_reason, r.org_unit_id, r.manager_id, r.job_title, r.career_track, r.grade, r.salary, r.started_at,
      r.ended_at
    from party_role r
    join party ep on ep.org_id = r.org_id and ep.id = r.party_id
    where r.org_id = ${orgId} and r.role = 'employee' and ep.deleted_at is null and ep.merged_into_id is null
  )`;
}
