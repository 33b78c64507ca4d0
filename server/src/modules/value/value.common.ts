import { validation } from '../../platform/errors.ts';
import type { CurrencyCount } from './value.repository.ts';

// Periods, dates and currencies as the value analytics read them (docs/metrics.md "Customers and value"): dates
// are UTC calendar days, a period is half-open [from, to), and money is analysed in one currency at a time.

export const DAY_MS = 86_400_000;

const FIRST_INSTANT = Date.parse('0001-01-01T00:00:00.000Z');
/** An instant no earlier than the first the database stores (a default `from` a year before 0001-06-01 is not one). */
export const storable = (d: Date): Date => (d.getTime() < FIRST_INSTANT ? new Date(FIRST_INSTANT) : d);

/** `2026-03-01` or an ISO date-time: the instant it starts (a date is its UTC midnight). */
export const startOf = (v: string): Date => new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00.000Z` : v);

/** Today's UTC date. */
export const todayUtc = (now = new Date()): string => now.toISOString().slice(0, 10);

/** The UTC date of an instant. */
export const dateOf = (d: Date): string => d.toISOString().slice(0, 10);

export interface Period {
  from: Date;
  to: Date;
  /** The period starts after now: nothing can have happened in it. */
  future: boolean;
}

/**
 * [from, to) from the query (`to` defaults to now, `from` to a year before `to`); `to` must be after `from`.
 * A period running past now is cut at now; one starting after now is answered with zeros (the caller notes it).
 */
export function period(q: { from?: string | undefined; to?: string | undefined }, now = new Date()): Period {
  const to = q.to ? startOf(q.to) : now;
  const from = q.from ? startOf(q.from) : storable(new Date(to.getTime() - 365 * DAY_MS));
  if (to.getTime() <= from.getTime()) {
    throw validation('`to` must be after `from`', [
      { path: ['querystring', 'to'], message: 'Must be after from', code: 'invalid_range' },
    ]);
  }
  return { from, to: to.getTime() > now.getTime() ? now : to, future: from.getTime() > now.getTime() };
}

export interface CurrencyChoice {
  /** The currency analysed: the one asked for, else the one with the most transactions in scope; null when none. */
  currency: string | null;
  /** Transactions in scope in other currencies, left out of the money figures. */
  excludedTransactions: number;
  currencies: CurrencyCount[];
}

export function chooseCurrency(requested: string | undefined, counts: CurrencyCount[]): CurrencyChoice {
  const currency = requested ?? counts[0]?.currency ?? null;
  const excludedTransactions = counts.filter((c) => c.currency !== currency).reduce((s, c) => s + c.transactions, 0);
  return { currency, excludedTransactions, currencies: counts };
}

/** The note of an answer with nothing to measure: 200 with zeros, never NaN (docs/metrics.md). */
export const NOT_ENOUGH_DATA = 'not_enough_data' as const;
