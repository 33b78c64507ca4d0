import { TZDate } from '@date-fns/tz';

/**
 * Business-minute math on an SLA calendar (pure functions; no database).
 *
 * Calendar rules (documented in the API):
 * - `hours`: working intervals per ISO weekday (1 Monday … 7 Sunday) in the calendar's IANA time
 *   zone. An interval must end after it starts on the same day: intervals that cross midnight are
 *   rejected (enter 22:00–24:00 and 00:00–06:00 on the next weekday instead; `24:00` ends a day).
 *   Intervals of one weekday must not overlap.
 * - `holidays`: whole local days off, whatever the weekday.
 * - `workdays`: make-up working days (调休): a date that is worked although its weekday has no hours
 *   (typically a Saturday or Sunday). It is worked with the standard hours of the first weekday
 *   Monday–Friday that has hours (normally Monday). A date may not be both a holiday and a workday.
 * - Wall-clock times are turned into instants in the zone for each date, so a working day on a DST
 *   change is as long as the clock says (09:00–18:00 is 9 h whatever the offset); a wall time that
 *   does not exist (skipped by DST) moves forward with the clock.
 * - Pauses (time a case waits on the customer) are instants [from, to) that never count.
 * Minutes are whole: elapsed business time is floored to the minute.
 */

export interface Calendar {
  timeZone: string;
  hours: { weekday: number; start: string; end: string }[];
  holidays: string[];
  workdays: string[];
}

/** [from, to) in epoch milliseconds; `to` null = still running. */
export interface Pause {
  from: number;
  to: number | null;
}

const MINUTE = 60_000;
/** How far the due-date search goes before declaring a calendar without working time. */
const MAX_DAYS = 3660;

let zones: Set<string> | null = null;

/** True for an IANA zone this runtime knows (aliases such as Asia/Calcutta and UTC included). */
export function isTimeZone(tz: string): boolean {
  zones ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (zones.has(tz) || tz === 'UTC') {
    return true;
  }
  try {
    // Known aliases (e.g. Asia/Calcutta) are accepted by the formatter but not listed.
    return /\//.test(tz) && new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone.length > 0;
  } catch {
    return false;
  }
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** What is wrong with a calendar's hours, holidays and workdays (paths relative to the body). */
export function calendarProblems(c: {
  hours?: Calendar['hours'] | undefined;
  holidays?: string[] | undefined;
  workdays?: string[] | undefined;
}): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  const hours = c.hours ?? [];
  hours.forEach((h, i) => {
    if (minutesOf(h.end) <= minutesOf(h.start)) {
      out.push({
        path: ['hours', i],
        message: `Ends (${h.end}) before or when it starts (${h.start}); hours may not cross midnight — split them over two weekdays`,
      });
    }
  });
  for (let i = 0; i < hours.length; i++) {
    for (let j = i + 1; j < hours.length; j++) {
      const a = hours[i];
      const b = hours[j];
      if (
        a &&
        b &&
        a.weekday === b.weekday &&
        minutesOf(a.start) < minutesOf(b.end) &&
        minutesOf(b.start) < minutesOf(a.end)
      ) {
        out.push({ path: ['hours', j], message: `Overlaps ${a.start}–${a.end} on weekday ${a.weekday}` });
      }
    }
  }
  if (c.workdays?.length && !hours.some((h) => h.weekday <= 5)) {
    out.push({
      path: ['workdays'],
      message: 'Make-up workdays use the Monday–Friday hours, but no weekday Monday–Friday has hours',
    });
  }
  const holidays = new Set(c.holidays ?? []);
  (c.workdays ?? []).forEach((d, i) => {
    if (holidays.has(d)) {
      out.push({ path: ['workdays', i], message: `${d} is also a holiday` });
    }
  });
  return out;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local calendar date of an instant in the zone: [year, month 1–12, day]. */
function localDate(ms: number, tz: string): [number, number, number] {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, year: 'numeric', month: 'numeric', day: 'numeric' });
    formatters.set(tz, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return [Number(p.year), Number(p.month), Number(p.day)];
}

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The instant of a wall-clock time on a local date (`24:00` = next day's midnight). */
function instant(y: number, m: number, d: number, hhmm: string, tz: string): number {
  const mins = minutesOf(hhmm);
  return new TZDate(y, m - 1, d, Math.floor(mins / 60), mins % 60, tz).getTime();
}

/** Working intervals of one local date, as instants, in time order. */
function dayIntervals(
  cal: Calendar,
  y: number,
  m: number,
  d: number,
  holidays: Set<string>,
  workdays: Set<string>,
): [number, number][] {
  const date = iso(y, m, d);
  if (holidays.has(date)) {
    return [];
  }
  const weekday = ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
  let hours = cal.hours.filter((h) => h.weekday === weekday);
  if (workdays.has(date) && !hours.length) {
    const standard = [1, 2, 3, 4, 5].find((w) => cal.hours.some((h) => h.weekday === w));
    hours = cal.hours.filter((h) => h.weekday === standard);
  }
  return hours
    .map((h): [number, number] => [instant(y, m, d, h.start, cal.timeZone), instant(y, m, d, h.end, cal.timeZone)])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
}

/** Working intervals from the local day of `fromMs` on, day by day (at most MAX_DAYS days). */
function* workIntervals(cal: Calendar, fromMs: number): Generator<[number, number]> {
  const holidays = new Set(cal.holidays);
  const workdays = new Set(cal.workdays);
  const [y, m, d] = localDate(fromMs, cal.timeZone);
  for (let i = 0; i < MAX_DAYS; i++) {
    // Walk civil dates in UTC arithmetic (no DST there), then place each in the zone.
    const day = new Date(Date.UTC(y, m - 1, d + i));
    yield* dayIntervals(cal, day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), holidays, workdays);
  }
}

/** Sorted, merged pauses with open ones running to `now`. */
function normalise(pauses: Pause[], now: number): [number, number][] {
  const list = pauses
    .map((p): [number, number] => [p.from, p.to ?? Math.max(now, p.from)])
    .filter(([a, b]) => b > a)
    .sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const p of list) {
    const last = out[out.length - 1];
    if (last && p[0] <= last[1]) {
      last[1] = Math.max(last[1], p[1]);
    } else {
      out.push([p[0], p[1]]);
    }
  }
  return out;
}

/** Pieces of [s, e) outside every pause. */
function minusPauses(s: number, e: number, pauses: [number, number][]): [number, number][] {
  let pieces: [number, number][] = [[s, e]];
  for (const [ps, pe] of pauses) {
    if (pe <= s || ps >= e) {
      continue;
    }
    pieces = pieces.flatMap(([a, b]): [number, number][] => {
      if (pe <= a || ps >= b) {
        return [[a, b]];
      }
      const keep: [number, number][] = [];
      if (ps > a) {
        keep.push([a, ps]);
      }
      if (pe < b) {
        keep.push([pe, b]);
      }
      return keep;
    });
  }
  return pieces;
}

/** Whole business minutes between two instants on the calendar, pauses excluded (0 if `to` ≤ `from`). */
export function businessMinutesBetween(cal: Calendar, from: Date, to: Date, pauses: Pause[] = []): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) {
    return 0;
  }
  const ps = normalise(pauses, b);
  let ms = 0;
  for (const [s, e] of workIntervals(cal, a)) {
    if (s >= b) {
      break;
    }
    const lo = Math.max(s, a);
    const hi = Math.min(e, b);
    if (hi > lo) {
      ms += minusPauses(lo, hi, ps).reduce((sum, [x, y]) => sum + (y - x), 0);
    }
  }
  return Math.floor(ms / MINUTE);
}

/**
 * Targets (business minutes) this calendar cannot schedule: more than it has working time in half the
 * due-time search horizon from `from`. Due times are then always found; the other half leaves room for
 * pauses, and holidays ahead only ever get fewer.
 */
export function unreachableTargets(
  cal: Calendar,
  targets: Record<string, Record<string, number>>,
  from: Date = new Date(),
): { path: (string | number)[]; message: string }[] {
  const horizon = new Date(from.getTime() + (MAX_DAYS / 2) * 86_400_000);
  const available = businessMinutesBetween(cal, from, horizon);
  return Object.entries(targets).flatMap(([priority, t]) =>
    Object.entries(t)
      .filter(([, minutes]) => minutes > available)
      .map(([key, minutes]) => ({
        path: ['targets', priority, key],
        message: `${minutes} business minutes is more working time than these hours give in ${MAX_DAYS / 2} days (${available})`,
      })),
  );
}

/**
 * The instant at which `minutes` business minutes have passed since `from`, pauses excluded (an
 * open pause runs to `now` and the clock then resumes). Landing exactly on the end of a working
 * interval gives that end (e.g. 18:00), not the next morning.
 */
export function addBusinessMinutes(
  cal: Calendar,
  from: Date,
  minutes: number,
  pauses: Pause[] = [],
  now: Date = new Date(),
): Date {
  const a = from.getTime();
  let left = Math.max(0, minutes) * MINUTE;
  const ps = normalise(pauses, now.getTime());
  for (const [s, e] of workIntervals(cal, a)) {
    if (e <= a) {
      continue;
    }
    for (const [x, y] of minusPauses(Math.max(s, a), e, ps)) {
      if (y - x >= left) {
        return new Date(x + left);
      }
      left -= y - x;
    }
  }
  throw new Error(`No working time within ${MAX_DAYS} days on this calendar`);
}
