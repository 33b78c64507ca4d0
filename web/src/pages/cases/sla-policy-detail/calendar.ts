/** Days of the calendar year editor: what a click on a day does to the two lists. */
export type DayMark = 'holiday' | 'workday' | null;

export function markOf(day: string, holidays: readonly string[], workdays: readonly string[]): DayMark {
  return holidays.includes(day) ? 'holiday' : workdays.includes(day) ? 'workday' : null;
}

/**
 * Cycles a day: a usual working day becomes a holiday; a usual day off becomes a make-up workday (调休);
 * a marked day goes back to normal. Lists stay sorted and never hold the same day twice.
 */
export function toggleDay(
  day: string,
  usuallyWorked: boolean,
  holidays: readonly string[],
  workdays: readonly string[],
): { holidays: string[]; workdays: string[] } {
  const h = holidays.filter((d) => d !== day);
  const w = workdays.filter((d) => d !== day);
  const mark = markOf(day, holidays, workdays);
  if (mark === null) {
    (usuallyWorked ? h : w).push(day);
  }
  return { holidays: h.sort(), workdays: w.sort() };
}

/** The weeks of a month as ISO dates (null pads), Monday first. */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = new Date(Date.UTC(year, month, 1));
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= days; d++) {
    cells.push(`${year}-${String(month + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  }
  while (cells.length % 7) {
    cells.push(null);
  }
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) {
    weeks.push(cells.slice(i, i + 7));
  }
  return weeks;
}

/** ISO weekday (1 Monday … 7 Sunday) of a YYYY-MM-DD date. */
export function isoWeekday(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}
