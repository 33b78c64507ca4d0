import { describe, expect, it } from 'vitest';
import { lastDays, pivotDaily } from './dailyCounts.ts';

describe('lastDays', () => {
  it('counts today as the last day of the range', () => {
    expect(lastDays(7, new Date(2026, 2, 3, 15, 0))).toEqual({ from: '2026-02-25', to: '2026-03-03' });
    expect(lastDays(1, new Date(2026, 0, 1))).toEqual({ from: '2026-01-01', to: '2026-01-01' });
  });
});

describe('pivotDaily', () => {
  it('makes a row per day, newest first, with the grievance columns always present', () => {
    const { actions, rows, totals } = pivotDaily([
      { day: '2026-03-01', action: 'grievance.create', count: 2 },
      { day: '2026-03-02', action: 'grievance.follow_up', count: 1 },
      { day: '2026-03-02', action: 'grievance.create', count: 1 },
      { day: '2026-03-02', action: 'other.thing', count: 4 },
    ]);
    expect(actions).toEqual(['grievance.create', 'grievance.follow_up', 'other.thing']);
    expect(rows.map((r) => [r.day, r.total])).toEqual([
      ['2026-03-02', 6],
      ['2026-03-01', 2],
    ]);
    expect(totals.counts).toEqual({ 'grievance.create': 3, 'grievance.follow_up': 1, 'other.thing': 4 });
    expect(totals.total).toBe(8);
  });

  it('is empty without counts', () => {
    expect(pivotDaily([]).rows).toEqual([]);
  });
});
