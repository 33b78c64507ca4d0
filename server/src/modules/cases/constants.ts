// Zod-free constants of the cases module (the web imports them through api.ts).
import type { Role } from '../../platform/identity/constants-types.ts';

export const caseTypes = ['complaint', 'inquiry', 'request', 'praise', 'grievance'] as const;
export const casePriorities = ['low', 'normal', 'high', 'urgent'] as const;
export const caseStatuses = ['new', 'open', 'pending', 'resolved', 'closed'] as const;
export const caseChannels = [
  'phone',
  'email',
  'web',
  'chat',
  'wechat',
  'visit',
  'social',
  'letter',
  'self_service',
  'other',
] as const;
export const slaStates = ['on_track', 'at_risk', 'breached'] as const;
export const replyVisibilities = ['public', 'internal'] as const;
/** Why a customer was lost or unhappy: competition, the customer's own situation, the company's error; or other. */
export const rootCauses = ['competition', 'customer', 'company_error', 'other'] as const;
export const remedies = ['material', 'psychological', 'both', 'none'] as const;
export const caseEventKinds = [
  'created',
  'status',
  'reply',
  'assignment',
  'priority',
  'resolution',
  'csat',
  'follow_up',
] as const;
export const metricsGroupings = ['none', 'type', 'rootCause', 'assignee', 'orgUnit'] as const;
/** Sort fields of the case list (`sort=-slaDueAt`): slaDueAt is the next due time of a running clock. */
export const caseSortFields = ['createdAt', 'updatedAt', 'priority', 'status', 'slaDueAt'] as const;
/** Periods of the metrics time series (`date_trunc` units). */
export const metricsIntervals = ['day', 'week', 'month'] as const;
export const alertRuleKinds = ['complaints_in_window', 'breached_complaint', 'low_csat'] as const;
export const alertStatuses = ['open', 'acknowledged'] as const;

export type CaseType = (typeof caseTypes)[number];
export type CasePriority = (typeof casePriorities)[number];
export type CaseStatus = (typeof caseStatuses)[number];
export type SlaState = (typeof slaStates)[number];
export type RootCause = (typeof rootCauses)[number];
export type Remedy = (typeof remedies)[number];
export type CaseEventKind = (typeof caseEventKinds)[number];
export type AlertRuleKind = (typeof alertRuleKinds)[number];
export type MetricsInterval = (typeof metricsIntervals)[number];

/**
 * Legal status moves. `resolved` is reached only through POST /api/cases/:id/resolve (it needs a root
 * cause); a resolved or closed case reopens to `open`.
 */
export const caseStatusMoves: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['open', 'pending', 'resolved'],
  open: ['pending', 'resolved'],
  pending: ['open', 'resolved'],
  resolved: ['closed', 'open'],
  closed: ['open'],
};

/** A clock is `at_risk` when less than this share of its target remains (business minutes). */
export const AT_RISK_SHARE = 0.25;
/** Days a post-resolution satisfaction link stays valid. */
export const CSAT_LINK_DAYS = 14;
/** Roles that see every grievance (besides the assigned handler and a named submitter). */
export const GRIEVANCE_ROLES = ['hr', 'admin'] as const;
/** Roles that work cases and see metrics and alerts; plain employees only file grievances and follow up on their own. */
export const caseStaffRoles: readonly Role[] = ['admin', 'executive', 'manager', 'hr', 'agent', 'marketing'];
/** Roles that create and change SLA policies and alert rules. */
export const caseConfigurerRoles: readonly Role[] = ['admin', 'manager'];
