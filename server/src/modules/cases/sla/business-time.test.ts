import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  calendarProblems,
  isTimeZone,
  type Calendar,
} from './business-time.ts';

const weekdays = (start: string, end: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end }));
// China: Mon–Fri 09:00–18:00; Dragon Boat Festival 2024-06-10 (a Monday); National Day 2024-10-01…07 with
// make-up working days Sunday 2024-09-29 and Saturday 2024-10-12.
const shanghai: Calendar = {
  timeZone: 'Asia/Shanghai',
  hours: weekdays('09:00', '18:00'),
  holidays: [
    '2024-06-10',
    '2024-10-01',
    '2024-10-02',
    '2024-10-03',
    '2024-10-04',
    '2024-10-05',
    '2024-10-06',
    '2024-10-07',
  ],
  workdays: ['2024-09-29', '2024-10-12'],
};
const newYork: Calendar = {
  timeZone: 'America/New_York',
  hours: weekdays('09:00', '17:00'),
  holidays: [],
  workdays: [],
};
const at = (s: string) => new Date(s);
const between = (cal: Calendar, a: string, b: string, pauses: { from: string; to: string | null }[] = []) =>
  businessMinutesBetween(
    cal,
    at(a),
    at(b),
    pauses.map((p) => ({ from: Date.parse(p.from), to: p.to ? Date.parse(p.to) : null })),
  );

describe('businessMinutesBetween', () => {
  it('counts minutes inside one working day', () => {
    expect(between(shanghai, '2024-06-03T10:00:00+08:00', '2024-06-03T11:30:00+08:00')).toBe(90);
  });

  it('Friday evening to Tuesday over a Monday holiday: 30 min Friday + 75 min Tuesday', () => {
    expect(between(shanghai, '2024-06-07T17:30:00+08:00', '2024-06-11T10:15:00+08:00')).toBe(105);
  });

  it('a weekend start counts from Monday opening', () => {
    expect(between(shanghai, '2024-06-01T12:00:00+08:00', '2024-06-03T09:45:00+08:00')).toBe(45);
  });

  it('a make-up Saturday is worked with the standard weekday hours', () => {
    // Fri 17:00–18:00 (60) + Sat 2024-10-12 09:00–18:00 (540) + Mon 09:00–10:00 (60)
    expect(between(shanghai, '2024-10-11T17:00:00+08:00', '2024-10-14T10:00:00+08:00')).toBe(660);
  });

  it('a week of public holidays counts nothing', () => {
    // Mon 2024-09-30 16:00–18:00 (120), 1–7 October off, Tue 2024-10-08 09:00–09:30 (30)
    expect(between(shanghai, '2024-09-30T16:00:00+08:00', '2024-10-08T09:30:00+08:00')).toBe(150);
  });

  it('is zero when the end is not after the start, or both lie outside hours', () => {
    expect(between(shanghai, '2024-06-03T11:00:00+08:00', '2024-06-03T10:00:00+08:00')).toBe(0);
    expect(between(shanghai, '2024-06-03T19:00:00+08:00', '2024-06-04T08:59:00+08:00')).toBe(0);
  });

  it('follows the wall clock across the spring DST change in New York', () => {
    // Fri 2024-03-08 16:00 EST → Mon 2024-03-11 10:00 EDT: 60 + 60 (Monday opens at 13:00Z, not 14:00Z)
    expect(between(newYork, '2024-03-08T21:00:00Z', '2024-03-11T14:00:00Z')).toBe(120);
  });

  it('follows the wall clock across the autumn DST change in New York', () => {
    // Fri 2024-11-01 16:30 EDT (20:30Z) → Mon 2024-11-04 09:30 EST (14:30Z): 30 + 30
    expect(between(newYork, '2024-11-01T20:30:00Z', '2024-11-04T14:30:00Z')).toBe(60);
  });

  it('a 24-hour working day on the spring DST Sunday lasts 23 hours', () => {
    const allSunday: Calendar = {
      timeZone: 'America/New_York',
      hours: [{ weekday: 7, start: '00:00', end: '24:00' }],
      holidays: [],
      workdays: [],
    };
    expect(between(allSunday, '2024-03-10T05:00:00Z', '2024-03-11T04:00:00Z')).toBe(23 * 60);
  });

  it('counts across midnight with hours up to 24:00 and from 00:00 the next weekday', () => {
    const night: Calendar = {
      timeZone: 'Asia/Shanghai',
      hours: [
        { weekday: 1, start: '18:00', end: '24:00' },
        { weekday: 2, start: '00:00', end: '02:00' },
      ],
      holidays: [],
      workdays: [],
    };
    expect(between(night, '2024-06-03T23:00:00+08:00', '2024-06-04T01:00:00+08:00')).toBe(120);
  });

  it('skips a lunch break between two intervals of a day', () => {
    const lunch: Calendar = { ...shanghai, hours: [...weekdays('09:00', '12:00'), ...weekdays('13:00', '18:00')] };
    expect(between(lunch, '2024-06-03T11:30:00+08:00', '2024-06-03T13:30:00+08:00')).toBe(60);
  });

  it('leaves pauses (pending) out, an open pause running to the end', () => {
    expect(
      between(shanghai, '2024-06-03T09:00:00+08:00', '2024-06-03T17:00:00+08:00', [
        { from: '2024-06-03T10:00:00+08:00', to: '2024-06-03T12:00:00+08:00' },
      ]),
    ).toBe(360);
    expect(
      between(shanghai, '2024-06-03T09:00:00+08:00', '2024-06-03T17:00:00+08:00', [
        { from: '2024-06-03T16:00:00+08:00', to: null },
      ]),
    ).toBe(420);
    // A pause over a weekend removes nothing extra
    expect(
      between(shanghai, '2024-06-07T17:00:00+08:00', '2024-06-11T10:00:00+08:00', [
        { from: '2024-06-08T10:00:00+08:00', to: '2024-06-09T10:00:00+08:00' },
      ]),
    ).toBe(120);
  });
});

describe('addBusinessMinutes', () => {
  it('Friday evening plus an hour lands on Tuesday after a Monday holiday', () => {
    expect(addBusinessMinutes(shanghai, at('2024-06-07T17:30:00+08:00'), 60).toISOString()).toBe(
      '2024-06-11T01:30:00.000Z',
    );
  });

  it('lands exactly on closing time rather than next morning', () => {
    expect(addBusinessMinutes(shanghai, at('2024-06-03T09:00:00+08:00'), 540).toISOString()).toBe(
      '2024-06-03T10:00:00.000Z',
    );
  });

  it('starts at the next opening when created outside hours', () => {
    expect(addBusinessMinutes(shanghai, at('2024-06-01T12:00:00+08:00'), 30).toISOString()).toBe(
      '2024-06-03T01:30:00.000Z',
    );
  });

  it('works the make-up Saturday and skips the National Day week', () => {
    // Mon 2024-09-30 17:00 + 120: 60 that evening, Sun 2024-09-29 is before; next working time is Tue 10-08 → 10:00
    expect(addBusinessMinutes(shanghai, at('2024-09-30T17:00:00+08:00'), 120).toISOString()).toBe(
      '2024-10-08T02:00:00.000Z',
    );
    // Fri 2024-10-11 17:00 + 120 → Sat 2024-10-12 10:00 (make-up day)
    expect(addBusinessMinutes(shanghai, at('2024-10-11T17:00:00+08:00'), 120).toISOString()).toBe(
      '2024-10-12T02:00:00.000Z',
    );
  });

  it('is right across the spring DST change', () => {
    // Fri 2024-03-08 16:00 EST + 120 → Mon 2024-03-11 10:00 EDT = 14:00Z
    expect(addBusinessMinutes(newYork, at('2024-03-08T21:00:00Z'), 120).toISOString()).toBe('2024-03-11T14:00:00.000Z');
  });

  it('is the inverse of businessMinutesBetween', () => {
    const from = at('2024-10-10T15:20:00+08:00');
    for (const m of [1, 59, 160, 161, 700, 2000, 9000]) {
      expect(businessMinutesBetween(shanghai, from, addBusinessMinutes(shanghai, from, m))).toBe(m);
    }
  });

  it('moves the due time later by the paused business time; an open pause resumes now', () => {
    const pause = [{ from: Date.parse('2024-06-03T10:00:00+08:00'), to: Date.parse('2024-06-03T12:00:00+08:00') }];
    expect(addBusinessMinutes(shanghai, at('2024-06-03T09:00:00+08:00'), 120, pause).toISOString()).toBe(
      '2024-06-03T05:00:00.000Z',
    );
    const open = [{ from: Date.parse('2024-06-03T10:00:00+08:00'), to: null }];
    expect(
      addBusinessMinutes(
        shanghai,
        at('2024-06-03T09:00:00+08:00'),
        120,
        open,
        at('2024-06-03T14:00:00+08:00'),
      ).toISOString(),
    ).toBe('2024-06-03T07:00:00.000Z');
  });

  it('fails clearly on a calendar without working time', () => {
    const never: Calendar = {
      timeZone: 'UTC',
      hours: [{ weekday: 1, start: '09:00', end: '10:00' }],
      holidays: [],
      workdays: [],
    };
    const allMondaysOff = {
      ...never,
      holidays: Array.from({ length: 600 }, (_, i) =>
        new Date(Date.UTC(2024, 0, 1 + i * 7)).toISOString().slice(0, 10),
      ),
    };
    expect(() => addBusinessMinutes(allMondaysOff, at('2024-01-01T00:00:00Z'), 60)).toThrow(/No working time/);
  });
});

describe('calendar checks', () => {
  it('rejects hours crossing midnight, overlapping hours and a day both holiday and workday', () => {
    expect(calendarProblems({ hours: [{ weekday: 1, start: '22:00', end: '06:00' }] })[0]?.message).toMatch(
      /cross midnight/,
    );
    expect(
      calendarProblems({
        hours: [
          { weekday: 2, start: '09:00', end: '12:00' },
          { weekday: 2, start: '11:00', end: '14:00' },
        ],
      })[0],
    ).toMatchObject({ path: ['hours', 1] });
    expect(
      calendarProblems({ hours: weekdays('09:00', '12:00'), holidays: ['2024-10-12'], workdays: ['2024-10-12'] })[0],
    ).toMatchObject({ path: ['workdays', 0] });
    expect(calendarProblems({ hours: [...weekdays('09:00', '12:00'), ...weekdays('12:00', '18:00')] })).toEqual([]);
  });

  it('knows IANA time zones', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('+08:00')).toBe(false);
  });
});
