import { validation } from '../../platform/errors.ts';

const DAY_MS = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A period `[from, to)` of UTC days (docs/metrics.md conventions): `to` defaults to tomorrow (so today counts),
 * `from` to 365 days before `to`. `from` on or after `to` is a 400 on `from`.
 */
export function periodOf(q: { from?: string | undefined; to?: string | undefined }, now = new Date()) {
  const to = q.to ? new Date(`${q.to}T00:00:00.000Z`) : new Date(Date.parse(`${day(now)}T00:00:00.000Z`) + DAY_MS);
  const from = q.from ? new Date(`${q.from}T00:00:00.000Z`) : new Date(to.getTime() - 365 * DAY_MS);
  if (from.getTime() >= to.getTime()) {
    throw validation('The period is empty', [
      { path: ['querystring', 'from'], message: 'Must be before `to`', code: 'empty_period' },
    ]);
  }
  return { from, to, fromDay: day(from), toDay: day(to), future: from.getTime() > now.getTime() };
}
