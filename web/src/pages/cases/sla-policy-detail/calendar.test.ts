import { describe, expect, it } from 'vitest';
import { isoWeekday, markOf, monthWeeks, toggleDay } from './calendar.ts';

describe('year calendar editing', () => {
  it('marks a usual working day as a holiday and back', () => {
    const once = toggleDay('2025-10-01', true, [], []);
    expect(once).toEqual({ holidays: ['2025-10-01'], workdays: [] });
    expect(toggleDay('2025-10-01', true, once.holidays, once.workdays)).toEqual({ holidays: [], workdays: [] });
  });
  it('marks a usual day off as a make-up workday, keeping lists sorted', () => {
    expect(toggleDay('2025-09-28', false, ['2025-10-01'], ['2025-10-11'])).toEqual({
      holidays: ['2025-10-01'],
      workdays: ['2025-09-28', '2025-10-11'],
    });
    expect(markOf('2025-09-28', [], ['2025-09-28'])).toBe('workday');
  });
  it('lays a month out Monday first', () => {
    const weeks = monthWeeks(2025, 9); // October 2025 starts on a Wednesday
    expect(weeks[0]).toEqual([null, null, '2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05']);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
    expect(isoWeekday('2025-10-05')).toBe(7);
    expect(isoWeekday('2025-10-06')).toBe(1);
  });
});
