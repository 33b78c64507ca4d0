import type { HistoryEntry, Party, PartyRole } from './parties.schema.ts';
import type { PartyHistoryRow, PartyRoleRow, PartyRow } from './parties.tables.ts';
import { legalNextStages, levelGap, quadrantOf } from './roles/stages.ts';

/** Rows → API types. Sensitive employment fields only for the employee's circle; directory readers get names, contacts, title and unit. */
export function toRole(r: PartyRoleRow, sensitive: boolean): PartyRole {
  const employment =
    r.role === 'employee' || r.role === 'candidate'
      ? {
          orgUnitId: r.org_unit_id,
          managerId: r.manager_id,
          jobTitle: r.job_title,
          ...(sensitive
            ? {
                employeeNo: r.employee_no,
                hireDate: r.hire_date,
                careerTrack: r.career_track,
                grade: r.grade,
                salary: r.salary,
                exitDate: r.exit_date,
                exitReason: r.exit_reason,
              }
            : {}),
        }
      : undefined;
  return {
    id: r.id,
    role: r.role,
    stakeholderGroup: r.stakeholder_group,
    stage: r.stage,
    legalNextStages: r.ended_at ? [] : [...legalNextStages(r.role, r.stage)],
    level: r.level,
    targetLevel: r.target_level,
    levelGap: levelGap(r.level, r.target_level),
    targetLevelBy: r.target_level_by,
    initiativeScore: r.initiative_score,
    participationScore: r.participation_score,
    quadrant: quadrantOf(r.initiative_score, r.participation_score),
    targetQuadrant: r.target_quadrant,
    targetQuadrantBy: r.target_quadrant_by,
    phase: r.phase,
    ...(employment ? { employment } : {}),
    startedAt: r.started_at.toISOString(),
    endedAt: r.ended_at?.toISOString() ?? null,
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

export function toParty(p: PartyRow, roles: PartyRoleRow[], access: { full: boolean; sensitive: boolean }): Party {
  const base = {
    id: p.id,
    kind: p.kind,
    displayName: p.display_name,
    givenName: p.given_name,
    familyName: p.family_name,
    emails: p.emails,
    phones: p.phones,
    mergedIntoId: p.merged_into_id,
    deletedAt: p.deleted_at?.toISOString() ?? null,
    createdAt: p.created_at.toISOString(),
    updatedAt: p.updated_at.toISOString(),
    version: p.version,
  };
  if (!access.full) {
    const job = roles.find((r) => r.role === 'employee');
    return {
      ...base,
      access: 'directory',
      roles: [],
      directory: {
        jobTitle: job?.job_title ?? null,
        orgUnitId: job?.org_unit_id ?? null,
        managerId: job?.manager_id ?? null,
      },
    };
  }
  return {
    ...base,
    access: 'full',
    externalId: p.external_id,
    birthday: p.birthday,
    gender: p.gender,
    address: p.address,
    locale: p.locale,
    tags: p.tags,
    custom: p.custom,
    ownerId: p.owner_id,
    backupOwnerId: p.backup_owner_id,
    profile: p.profile,
    roles: roles.map((r) => toRole(r, access.sensitive)),
  };
}

export function toHistory(h: PartyHistoryRow & { actor_name: string | null }): HistoryEntry {
  return {
    id: h.id,
    role: h.role,
    field: h.field,
    from: h.from_value,
    to: h.to_value,
    reason: h.reason,
    actorId: h.actor_id,
    actorName: h.actor_name,
    at: h.at.toISOString(),
  };
}
