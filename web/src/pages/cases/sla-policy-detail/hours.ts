import type { BusinessHours, SlaTargets } from '../../../api/types.ts';
import { casePriorities } from '@tandem/server/api';

/** ISO weekdays in display order: Monday (1) … Sunday (7). */
export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

export interface TimeRange {
  start: string;
  end: string;
}
/** The editor's weekly grid: one list of ranges per ISO weekday (an empty list is a day off). */
export type WeekGrid = Record<number, TimeRange[]>;

/** API `hours` (one entry per range) → the weekly grid, ranges of a day in start order. */
export function gridFromHours(hours: BusinessHours[]): WeekGrid {
  const grid: WeekGrid = Object.fromEntries(weekdays.map((d) => [d, [] as TimeRange[]]));
  for (const h of hours) {
    grid[h.weekday]?.push({ start: h.start, end: h.end });
  }
  for (const d of weekdays) {
    grid[d]?.sort((a, b) => a.start.localeCompare(b.start));
  }
  return grid;
}

/** The weekly grid → API `hours`, Monday first; incomplete rows (no start or end) are dropped. */
export function hoursFromGrid(grid: WeekGrid): BusinessHours[] {
  return weekdays.flatMap((weekday) =>
    (grid[weekday] ?? [])
      .filter((r) => r.start && r.end)
      .slice()
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((r) => ({ weekday, start: r.start, end: r.end })),
  );
}

/** Monday–Friday 09:00–18:00, the server's default policy. */
export function defaultGrid(): WeekGrid {
  return Object.fromEntries(weekdays.map((d) => [d, d <= 5 ? [{ start: '09:00', end: '18:00' }] : []]));
}

export type TimeUnit = 'h' | 'min';
export interface TargetValue {
  value: number | null;
  unit: TimeUnit;
}
export type TargetsForm = Record<(typeof casePriorities)[number], { firstResponse: TargetValue; resolve: TargetValue }>;

/** Minutes → the editor's value: whole hours in hours, anything else in minutes. */
export function targetValue(minutes: number): TargetValue {
  return minutes % 60 === 0 ? { value: minutes / 60, unit: 'h' } : { value: minutes, unit: 'min' };
}

/** The editor's value → minutes (null when empty, for the form to flag). */
export function targetMinutes(v: TargetValue | undefined): number | null {
  if (!v || v.value === null || v.value === undefined || Number.isNaN(v.value)) {
    return null;
  }
  return Math.round(v.unit === 'h' ? v.value * 60 : v.value);
}

export function targetsToForm(targets: SlaTargets): TargetsForm {
  return Object.fromEntries(
    casePriorities.map((p) => [
      p,
      { firstResponse: targetValue(targets[p].firstResponseMinutes), resolve: targetValue(targets[p].resolveMinutes) },
    ]),
  ) as TargetsForm;
}

/** Form targets → API targets; an empty value becomes 0 so the server names the field that is wrong. */
export function targetsFromForm(form: TargetsForm): SlaTargets {
  return Object.fromEntries(
    casePriorities.map((p) => [
      p,
      {
        firstResponseMinutes: targetMinutes(form[p]?.firstResponse) ?? 0,
        resolveMinutes: targetMinutes(form[p]?.resolve) ?? 0,
      },
    ]),
  ) as SlaTargets;
}

/** Default targets (as the server seeds them) for a new policy. */
export const defaultTargets: SlaTargets = {
  low: { firstResponseMinutes: 1080, resolveMinutes: 5400 },
  normal: { firstResponseMinutes: 480, resolveMinutes: 2700 },
  high: { firstResponseMinutes: 120, resolveMinutes: 1080 },
  urgent: { firstResponseMinutes: 30, resolveMinutes: 480 },
};
