import { describe, expect, it } from 'vitest';
import { occasionDate } from './calendar.ts';

// Gregorian dates of the lunar festivals, Qingming, Mother's and Father's Day, checked against published holiday
// tables (whatdateis.today/holidays/china-2026, publicholidays.cn/2026-dates, holidayssky.com "Public Holidays in
// China for 2027") and, for the Sundays, a plain calendar; docs/care.md "Occasions" lists the sources.
const published: Record<number, Record<string, string>> = {
  2026: {
    spring_festival: '2026-02-17',
    lantern: '2026-03-03',
    qingming: '2026-04-05',
    dragon_boat: '2026-06-19',
    mid_autumn: '2026-09-25',
    mothers_day: '2026-05-10',
    fathers_day: '2026-06-21',
  },
  2027: {
    spring_festival: '2027-02-06',
    lantern: '2027-02-20',
    qingming: '2027-04-05',
    dragon_boat: '2027-06-09',
    mid_autumn: '2027-09-15',
    mothers_day: '2027-05-09',
    fathers_day: '2027-06-20',
  },
};

describe('occasion calendar', () => {
  for (const [year, dates] of Object.entries(published)) {
    for (const [key, date] of Object.entries(dates)) {
      it(`${key} ${year} falls on ${date}`, () => {
        expect(occasionDate(key as Parameters<typeof occasionDate>[0], Number(year))).toBe(date);
      });
    }
  }

  it('fixed dates, and no date for a per-party occasion', () => {
    expect(occasionDate('national_day', 2026)).toBe('2026-10-01');
    expect(occasionDate('double_11', 2027)).toBe('2027-11-11');
    expect(occasionDate('teachers_day', 2026)).toBe('2026-09-10');
    expect(occasionDate('christmas', 2026)).toBe('2026-12-25');
    expect(occasionDate('birthday', 2026)).toBeNull();
  });

  it('a Spring Festival in late January (2028-01-26) and a Mother’s Day on 14 May (2023)', () => {
    expect(occasionDate('spring_festival', 2028)).toBe('2028-01-26');
    expect(occasionDate('mothers_day', 2023)).toBe('2023-05-14');
  });
});
