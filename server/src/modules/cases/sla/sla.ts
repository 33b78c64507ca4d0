import { addBusinessMinutes, businessMinutesBetween, type Calendar, type Pause } from './business-time.ts';
import { AT_RISK_SHARE, type CasePriority, type CaseStatus, type SlaState } from '../constants.ts';
import type { CaseRow, SlaPolicyRow } from '../cases.tables.ts';
import type { SlaTargets } from './sla.schema.ts';

export const calendarOf = (p: SlaPolicyRow): Calendar => ({
  timeZone: p.time_zone,
  hours: p.hours,
  holidays: p.holidays,
  workdays: p.workdays,
});

/** Statuses during which the clocks stop: waiting on the customer, and resolved/closed until a reopen. */
const stopped = new Set<CaseStatus>(['pending', 'resolved', 'closed']);

/** The intervals a case spent with its clocks stopped, from its status changes in time order. */
export function pausesOf(changes: { to_status: CaseStatus | null; at: Date }[]): Pause[] {
  const out: Pause[] = [];
  let open: number | null = null;
  for (const c of changes) {
    if (!c.to_status) {
      continue;
    }
    if (stopped.has(c.to_status)) {
      open ??= c.at.getTime();
    } else if (open !== null) {
      out.push({ from: open, to: c.at.getTime() });
      open = null;
    }
  }
  if (open !== null) {
    out.push({ from: open, to: null });
  }
  return out;
}

export interface SlaInput {
  priority: CasePriority;
  status: CaseStatus;
  created_at: Date;
  first_responded_at: Date | null;
  first_response_minutes: number | null;
  resolved_at: Date | null;
  resolution_minutes: number | null;
  first_response_due_at: Date | null;
  resolve_due_at: Date | null;
}

export interface SlaOutput {
  first_response_due_at: Date;
  resolve_due_at: Date;
  first_response_breached: boolean;
  resolve_breached: boolean;
  sla_state: SlaState;
}

/**
 * Due times and SLA state of a case at `now`:
 * - a clock that stopped (first public reply, resolution) is breached when its business minutes
 *   exceeded the target;
 * - a running clock is breached once its due time has passed, at risk when less than 25 % of the
 *   target remains; while the case is pending the due times move later with the clock stopped.
 */
export function computeSla(c: SlaInput, cal: Calendar, targets: SlaTargets, pauses: Pause[], now: Date): SlaOutput {
  const t = targets[c.priority];
  const done = c.status === 'resolved' || c.status === 'closed';
  const elapsed = done ? 0 : businessMinutesBetween(cal, c.created_at, now, pauses);
  const risky = (target: number) => !done && c.status !== 'pending' && target - elapsed < AT_RISK_SHARE * target;
  // A stopped clock keeps the due time it had; a running one is recomputed (pauses move it later).
  const frDue =
    c.first_responded_at && c.first_response_due_at
      ? c.first_response_due_at
      : addBusinessMinutes(cal, c.created_at, t.firstResponseMinutes, pauses, now);
  const resDue =
    done && c.resolve_due_at ? c.resolve_due_at : addBusinessMinutes(cal, c.created_at, t.resolveMinutes, pauses, now);
  let frBreached: boolean;
  let atRisk = false;
  if (c.first_responded_at) {
    frBreached = (c.first_response_minutes ?? 0) > t.firstResponseMinutes;
  } else {
    frBreached = !done && now.getTime() > frDue.getTime();
    atRisk ||= !frBreached && risky(t.firstResponseMinutes);
  }
  let resBreached: boolean;
  if (done && c.resolution_minutes !== null) {
    resBreached = c.resolution_minutes > t.resolveMinutes;
  } else {
    resBreached = !done && now.getTime() > resDue.getTime();
    atRisk ||= !resBreached && risky(t.resolveMinutes);
  }
  return {
    first_response_due_at: frDue,
    resolve_due_at: resDue,
    first_response_breached: frBreached,
    resolve_breached: resBreached,
    sla_state: frBreached || resBreached ? 'breached' : atRisk ? 'at_risk' : 'on_track',
  };
}

/** The next due time of a running clock (new, open, pending): the unanswered first response or the resolution. */
export function nextDueAt(
  r: Pick<CaseRow, 'status' | 'first_responded_at' | 'first_response_due_at' | 'resolve_due_at'>,
): Date | null {
  if (r.status === 'resolved' || r.status === 'closed') {
    return null;
  }
  const due = [r.first_responded_at ? null : r.first_response_due_at, r.resolve_due_at].filter(
    (d): d is Date => d !== null,
  );
  return due.length ? new Date(Math.min(...due.map((d) => d.getTime()))) : null;
}

/** Due times and SLA state of a new case: its clocks start at `createdAt`, read at `now`, nothing paused yet. */
export function initialSla(policy: SlaPolicyRow, priority: CasePriority, createdAt: Date, now: Date): SlaOutput {
  const fresh: SlaInput = {
    priority,
    status: 'new',
    created_at: createdAt,
    first_responded_at: null,
    first_response_minutes: null,
    resolved_at: null,
    resolution_minutes: null,
    first_response_due_at: null,
    resolve_due_at: null,
  };
  return computeSla(fresh, calendarOf(policy), policy.targets, [], now);
}
