// Periods and comparisons of the value pages: days are ISO dates (YYYY-MM-DD), a period is [from, to).

const DAY = 86_400_000;

const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (day: string) => Date.parse(`${day}T00:00:00Z`);

export interface Period {
  from: string;
  /** Exclusive. */
  to: string;
}

/** The last `days` days up to and including `today`. */
export function lastDays(today: string, days: number): Period {
  const end = msOf(today) + DAY;
  return { from: toDay(end - days * DAY), to: toDay(end) };
}

/** The period of the same length just before `p` (what the KPI tiles compare with). */
export function previousPeriod(p: Period): Period {
  const from = msOf(p.from);
  const length = msOf(p.to) - from;
  return { from: toDay(from - length), to: p.from };
}

/** Days in [from, to). */
export function periodDays(p: Period): number {
  return Math.round((msOf(p.to) - msOf(p.from)) / DAY);
}

export interface Change {
  /** current − previous (null when either is unknown). */
  diff: number | null;
  /** The change relative to the previous value (null when that is 0 or unknown). */
  relative: number | null;
  direction: 'up' | 'down' | 'flat' | null;
}

/** How a KPI moved from the previous period to this one. */
export function change(current: number | null, previous: number | null): Change {
  if (current === null || previous === null || !Number.isFinite(current) || !Number.isFinite(previous)) {
    return { diff: null, relative: null, direction: null };
  }
  const diff = current - previous;
  const relative = previous === 0 ? null : diff / Math.abs(previous);
  const direction = Math.abs(diff) < 1e-9 ? 'flat' : diff > 0 ? 'up' : 'down';
  return { diff, relative, direction };
}

/** Whether a move is good news: churn going up is not. */
export function isGood(direction: Change['direction'], higherIsBetter: boolean): boolean | null {
  if (direction === null || direction === 'flat') {
    return null;
  }
  return (direction === 'up') === higherIsBetter;
}

/** From the first day of the month `months − 1` months before the one holding the last day of `[…, to)`, to `to`. */
export function monthsBefore(to: string, months: number): Period {
  const last = new Date(msOf(to) - DAY);
  const start = Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - (months - 1), 1);
  return { from: toDay(start), to };
}
