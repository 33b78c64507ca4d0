import { validation } from '../../platform/errors.ts';
import type { CurrencyCount } from './core.schema.ts';

// Small helpers shared by the value analytics services (no SQL here).

/** Today's calendar date in an IANA zone, `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** `YYYY-MM-DD` plus n days (calendar arithmetic in UTC, so no zone can shift it), kept within the years 0001–9999. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + n);
  const out = d.toISOString().slice(0, 10);
  if (d.getUTCFullYear() < 1) {
    return '0001-01-01';
  }
  return d.getUTCFullYear() > 9999 ? '9999-12-31' : out;
}

/** A share as a percentage rounded to one decimal (docs/metrics.md conventions); null when the base is zero. */
export const pct = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;

/**
 * The currency of the money metrics: the one asked for, else the one with the most transactions (docs/metrics.md
 * "Currencies"); and how many transactions of the window are left out because they are in another currency.
 */
export function pickCurrency(
  asked: string | undefined,
  counts: CurrencyCount[],
): { currency: string | null; excluded: number } {
  const total = counts.reduce((s, c) => s + c.transactions, 0);
  const chosen = asked ?? counts[0]?.currency ?? null;
  const used = counts.find((c) => c.currency === chosen)?.transactions ?? 0;
  return { currency: chosen, excluded: total - used };
}

/** 400 on the field when a period is empty or reversed. */
export function checkPeriod(from: string, to: string): void {
  if (from >= to) {
    throw validation('`from` must be before `to`', [
      { path: ['query', 'to'], message: 'Must be after from', code: 'invalid_period' },
    ]);
  }
}
