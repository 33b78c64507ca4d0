import type { AuditDailyCount } from '../../../api/types.ts';

/** The anonymous actions the server counts per day; always shown as columns, others after them as they appear. */
export const countedActions = ['grievance.create', 'grievance.follow_up'] as const;

const iso = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The last `days` days up to today (local calendar), as the `from` and `to` the endpoint takes. */
export function lastDays(days: number, now = new Date()): { from: string; to: string } {
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (days - 1));
  return { from: iso(from), to: iso(now) };
}

export interface DailyRow {
  day: string;
  counts: Record<string, number>;
  total: number;
}

/** One row per day that has counts (newest first), one column per action, and the totals of each column. */
export function pivotDaily(items: AuditDailyCount[]): { actions: string[]; rows: DailyRow[]; totals: DailyRow } {
  const seen = [...new Set(items.map((i) => i.action))].filter(
    (a) => !(countedActions as readonly string[]).includes(a),
  );
  const actions = [...countedActions, ...seen.sort()];
  const byDay = new Map<string, DailyRow>();
  const totals: DailyRow = { day: '', counts: {}, total: 0 };
  for (const i of items) {
    const row = byDay.get(i.day) ?? { day: i.day, counts: {}, total: 0 };
    row.counts[i.action] = (row.counts[i.action] ?? 0) + i.count;
    row.total += i.count;
    byDay.set(i.day, row);
    totals.counts[i.action] = (totals.counts[i.action] ?? 0) + i.count;
    totals.total += i.count;
  }
  const rows = [...byDay.values()].sort((a, b) => b.day.localeCompare(a.day));
  return { actions, rows, totals };
}
