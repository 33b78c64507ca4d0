import { describe, expect, it } from 'vitest';
import { change, isGood, lastDays, monthsBefore, periodDays, previousPeriod } from './period.ts';

describe('value periods', () => {
  it('takes the last n days up to and including today', () => {
    expect(lastDays('2026-12-01', 30)).toEqual({ from: '2026-11-02', to: '2026-12-02' });
    expect(periodDays(lastDays('2026-12-01', 30))).toBe(30);
  });

  it('compares with the period of the same length just before', () => {
    expect(previousPeriod({ from: '2026-11-02', to: '2026-12-02' })).toEqual({ from: '2026-10-03', to: '2026-11-02' });
    // Across a leap day and a year end.
    expect(previousPeriod({ from: '2024-03-01', to: '2025-03-01' })).toEqual({ from: '2023-03-02', to: '2024-03-01' });
  });

  it('describes the change of a KPI, never dividing by zero', () => {
    expect(change(120, 100)).toEqual({ diff: 20, relative: 0.2, direction: 'up' });
    expect(change(80, 100)).toEqual({ diff: -20, relative: -0.2, direction: 'down' });
    expect(change(5, 0)).toEqual({ diff: 5, relative: null, direction: 'up' });
    expect(change(3, 3).direction).toBe('flat');
    expect(change(null, 3)).toEqual({ diff: null, relative: null, direction: null });
    expect(change(Number.NaN, 3).direction).toBeNull();
  });

  it('knows when a rise is bad news', () => {
    expect(isGood('up', true)).toBe(true);
    expect(isGood('up', false)).toBe(false);
    expect(isGood('down', false)).toBe(true);
    expect(isGood('flat', true)).toBeNull();
  });

  it('spans whole months for cohorts, the current one included', () => {
    expect(monthsBefore('2026-12-02', 12)).toEqual({ from: '2026-01-01', to: '2026-12-02' });
    expect(monthsBefore('2026-12-01', 1)).toEqual({ from: '2026-11-01', to: '2026-12-01' });
    expect(monthsBefore('2026-03-15', 6)).toEqual({ from: '2025-10-01', to: '2026-03-15' });
  });
});
