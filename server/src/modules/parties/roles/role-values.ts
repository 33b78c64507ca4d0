import type { PartyRoleName } from '../constants.ts';
import type { RoleInput } from '../parties.schema.ts';
import type { PartyRoleUpdate } from '../parties.tables.ts';

/** The stakeholder group a new role falls into when the caller names none. */
export const defaultGroup: Partial<Record<PartyRoleName, string>> = {
  customer: 'company_clients',
  employee: 'employees',
  candidate: 'potential_employees',
  government: 'government_community',
  community: 'government_community',
};

export function roleValues(input: RoleInput): PartyRoleUpdate {
  const v: PartyRoleUpdate = {};
  if (input.stakeholderGroup !== undefined) {
    v.stakeholder_group = input.stakeholderGroup;
  }
  if (input.stage !== undefined) {
    v.stage = input.stage;
  }
  if (input.level !== undefined) {
    v.level = input.level;
  }
  if (input.targetLevel !== undefined) {
    v.target_level = input.targetLevel;
  }
  if (input.initiativeScore !== undefined) {
    v.initiative_score = input.initiativeScore;
  }
  if (input.participationScore !== undefined) {
    v.participation_score = input.participationScore;
  }
  if (input.phase !== undefined) {
    v.phase = input.phase;
  }
  const e = input.employment;
  if (e) {
    if (e.employeeNo !== undefined) {
      v.employee_no = e.employeeNo;
    }
    if (e.hireDate !== undefined) {
      v.hire_date = e.hireDate;
    }
    if (e.orgUnitId !== undefined) {
      v.org_unit_id = e.orgUnitId;
    }
    if (e.managerId !== undefined) {
      v.manager_id = e.managerId;
    }
    if (e.jobTitle !== undefined) {
      v.job_title = e.jobTitle;
    }
    if (e.careerTrack !== undefined) {
      v.career_track = e.careerTrack;
    }
    if (e.grade !== undefined) {
      v.grade = e.grade;
    }
    if (e.salary !== undefined) {
      v.salary = e.salary === null ? null : String(e.salary);
    }
    if (e.exitDate !== undefined) {
      v.exit_date = e.exitDate;
    }
    if (e.exitReason !== undefined) {
      v.exit_reason = e.exitReason;
    }
  }
  return v;
}
