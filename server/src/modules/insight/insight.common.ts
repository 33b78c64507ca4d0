// Windows and notes shared by the insight analytics (docs/metrics.md "Customers and value" conventions: UTC days).

export const DAY_MS = 86_400_000;
export const NOT_ENOUGH_DATA = 'not_enough_data' as const;

/** Today's UTC date. */
export const todayUtc = (now = new Date()): string => now.toISOString().slice(0, 10);

/** The trailing 365 days ending with the as-of day (included): [asOf + 1 − 365 days, asOf + 1 day). */
export function trailingWindow(asOf: string | undefined, now = new Date()) {
  const day = asOf ?? todayUtc(now);
  const to = new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS);
  return { asOf: day, from: new Date(to.getTime() - 365 * DAY_MS), to };
}
