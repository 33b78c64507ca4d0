import { validation } from '../../../platform/errors.ts';

const DAY = 86_400_000;
/** The last instant PostgreSQL and the driver exchange as a date-time (the end of the year 9999). */
const LAST = Date.parse('9999-12-31T23:59:59.999Z');
const dayStart = (d: string) => Date.parse(`${d}T00:00:00.000Z`);
const iso = (ms: number) => new Date(Math.min(ms, LAST)).toISOString().slice(0, 10);

/**
 * A half-open period of UTC days [from, to) from optional query dates: `to` defaults to tomorrow (today counts),
 * `from` to 365 days before `to`. `from` after `to` is refused on the field; instants are kept within the years
 * the database reads.
 */
export function periodOf(q: { from?: string | undefined; to?: string | undefined }) {
  const to = q.to ? dayStart(q.to) : Math.floor(Date.now() / DAY) * DAY + DAY;
  return periodBetween(q.from ? dayStart(q.from) : to - 365 * DAY, to);
}

/** The 365 days up to and including a UTC day (default today). */
export function yearTo(asOf: string | undefined) {
  const end = (asOf ? dayStart(asOf) : Math.floor(Date.now() / DAY) * DAY) + DAY;
  return periodBetween(end - 365 * DAY, end);
}

function periodBetween(from: number, to: number) {
  if (from > to) {
    throw validation('`from` is after `to`', [
      { path: ['querystring', 'from'], message: 'After to', code: 'bad_period' },
    ]);
  }
  return {
    from: new Date(Math.min(from, LAST)),
    to: new Date(Math.min(to, LAST)),
    label: { from: iso(from), to: iso(to) },
  };
}
