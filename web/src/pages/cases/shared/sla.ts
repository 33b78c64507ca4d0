import type { Case, SlaState } from '../../../api/types.ts';

/** What the SLA badge of a case shows. */
export interface SlaBadge {
  /** The server's state while a clock runs; `paused` while pending; `met`/`breached` once resolved. */
  state: SlaState | 'paused' | 'met' | 'none';
  /** The clock the time refers to (the earliest running due time). */
  clock: 'firstResponse' | 'resolve' | null;
  /** Wall-clock minutes until that due time; negative when overdue. Null without a running clock. */
  minutesLeft: number | null;
}

type SlaFields = Pick<
  Case,
  | 'status'
  | 'slaState'
  | 'firstResponseDueAt'
  | 'resolveDueAt'
  | 'firstRespondedAt'
  | 'firstResponseBreached'
  | 'resolveBreached'
>;

/**
 * The SLA badge of a case at `now`. Due times come from the server (business hours already applied, and moved
 * later while a case is pending), so the time left is plain wall-clock arithmetic and can refresh every minute
 * in the browser; a due time that passed since the server last looked turns the badge to breached.
 */
export function slaBadge(c: SlaFields, now: Date = new Date()): SlaBadge {
  if (c.status === 'resolved' || c.status === 'closed') {
    return {
      state:
        c.firstResponseBreached || c.resolveBreached
          ? 'breached'
          : c.firstResponseDueAt || c.resolveDueAt
            ? 'met'
            : 'none',
      clock: null,
      minutesLeft: null,
    };
  }
  const running: { clock: 'firstResponse' | 'resolve'; due: number }[] = [];
  if (!c.firstRespondedAt && c.firstResponseDueAt) {
    running.push({ clock: 'firstResponse', due: Date.parse(c.firstResponseDueAt) });
  }
  if (c.resolveDueAt) {
    running.push({ clock: 'resolve', due: Date.parse(c.resolveDueAt) });
  }
  running.sort((a, b) => a.due - b.due);
  const next = running[0];
  if (!next) {
    return { state: c.status === 'pending' ? 'paused' : 'none', clock: null, minutesLeft: null };
  }
  const minutesLeft = Math.floor((next.due - now.getTime()) / 60_000);
  if (c.status === 'pending') {
    return { state: c.slaState === 'breached' ? 'breached' : 'paused', clock: next.clock, minutesLeft };
  }
  const state: SlaState = c.slaState === 'breached' || next.due <= now.getTime() ? 'breached' : c.slaState;
  return { state, clock: next.clock, minutesLeft };
}

/** Days, hours and minutes of a (non-negative) number of minutes. */
export function durationParts(minutes: number): { d: number; h: number; m: number } {
  const total = Math.max(0, Math.round(Math.abs(minutes)));
  return { d: Math.floor(total / 1440), h: Math.floor((total % 1440) / 60), m: total % 60 };
}

export interface DurationUnits {
  d: (n: number) => string;
  h: (n: number) => string;
  m: (n: number) => string;
}

/**
 * "2 d 3 h", "3 h 5 min", "12 min": the two largest non-zero units (never seconds). `withDays: false` counts
 * hours past 24 (business durations, where a "day" is ambiguous).
 */
export function formatDuration(minutes: number, units: DurationUnits, withDays = true): string {
  const { d, h, m } = durationParts(minutes);
  const hours = withDays ? h : h + d * 24;
  const parts: string[] = [];
  if (withDays && d > 0) {
    parts.push(units.d(d));
    if (hours > 0) {
      parts.push(units.h(hours));
    }
    return parts.join(' ');
  }
  if (hours > 0) {
    parts.push(units.h(hours));
  }
  if (m > 0 || parts.length === 0) {
    parts.push(units.m(m));
  }
  return parts.join(' ');
}
