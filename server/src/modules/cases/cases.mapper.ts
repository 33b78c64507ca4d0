import type { Case, CaseEvent } from './cases.schema.ts';
import { caseStatusMoves } from './constants.ts';
import type { CaseListRow, CaseView } from './cases.repository.ts';
import type { CaseEventRow, SlaPolicyRow } from './cases.tables.ts';
import type { SlaPolicy } from './sla/sla.schema.ts';

export const toPolicy = (r: SlaPolicyRow): SlaPolicy => ({
  id: r.id,
  name: r.name,
  timeZone: r.time_zone,
  hours: r.hours,
  holidays: r.holidays,
  workdays: r.workdays,
  targets: r.targets,
  isDefault: r.is_default,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  version: r.version,
});

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toCase(r: CaseView): Case {
  return {
    id: r.id,
    type: r.type,
    partyId: r.party_id,
    partyName: r.party_name,
    subject: r.subject,
    description: r.description,
    channel: r.channel as Case['channel'],
    priority: r.priority,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    status: r.status,
    legalNextStatuses: caseStatusMoves[r.status].filter((s) => s !== 'resolved'),
    anonymous: r.anonymous,
    submitterId: r.anonymous ? null : r.submitter_id,
    slaPolicyId: r.sla_policy_id,
    firstResponseDueAt: iso(r.first_response_due_at),
    resolveDueAt: iso(r.resolve_due_at),
    firstRespondedAt: iso(r.first_responded_at),
    resolvedAt: iso(r.resolved_at),
    closedAt: iso(r.closed_at),
    firstResponseMinutes: r.first_response_minutes,
    resolutionMinutes: r.resolution_minutes,
    slaState: r.sla_state,
    firstResponseBreached: r.first_response_breached,
    resolveBreached: r.resolve_breached,
    rootCause: r.root_cause,
    rootCauseDetail: r.root_cause_detail,
    remedy: r.remedy,
    remedyDetail: r.remedy_detail,
    remedyCost: r.remedy_cost === null ? null : Number(r.remedy_cost),
    csatScore: r.csat_score,
    csatComment: r.csat_comment,
    reopenCount: r.reopen_count,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

/** A queue row as its reader sees it: a running clock past its due time is breached, marked or not. */
export function withOverdue(r: CaseListRow): CaseView {
  const { fr_overdue, res_overdue, ...row } = r;
  return {
    ...row,
    first_response_breached: row.first_response_breached || fr_overdue,
    resolve_breached: row.resolve_breached || res_overdue,
    sla_state: fr_overdue || res_overdue ? 'breached' : row.sla_state,
  };
}

export const toEvent = (e: CaseEventRow & { actor_name: string | null }): CaseEvent => ({
  id: e.id,
  kind: e.kind,
  fromStatus: e.from_status,
  toStatus: e.to_status,
  body: e.body,
  visibility: e.visibility,
  data: e.data,
  actorId: e.actor_id,
  actorName: e.actor_name,
  at: e.at.toISOString(),
});
