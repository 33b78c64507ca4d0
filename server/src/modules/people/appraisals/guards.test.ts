import { describe, expect, it } from 'vitest';
import { daysBetween, overallScore, tooFrequent } from './guards.ts';

describe('tooFrequent', () => {
  it('allows two cycles within 12 months, refuses a third', () => {
    expect(tooFrequent([], '2025-01-01', 2)).toBe(false);
    expect(tooFrequent(['2025-01-01'], '2025-07-01', 2)).toBe(false);
    expect(tooFrequent(['2025-01-01', '2025-07-01'], '2025-12-31', 2)).toBe(true);
    // 12 months later is a new window: 2025-01-01 and 2026-01-01 are not within 12 months.
    expect(tooFrequent(['2025-01-01', '2025-07-01'], '2026-01-01', 2)).toBe(false);
    // A cycle placed between two others counts too.
    expect(tooFrequent(['2025-01-01', '2025-11-01'], '2025-06-01', 2)).toBe(true);
  });
  it('an org that allows one refuses a second within 12 months', () => {
    expect(tooFrequent(['2025-01-01'], '2025-12-31', 1)).toBe(true);
    expect(tooFrequent(['2025-01-01'], '2026-01-01', 1)).toBe(false);
  });
});

describe('overallScore', () => {
  it('is the weighted mean', () => {
    const criteria = [
      { key: 'a', weight: 60 },
      { key: 'b', weight: 40 },
    ];
    // (4 × 60 + 2 × 40) / 100 = 3.2
    expect(
      overallScore(criteria, [
        { key: 'a', score: 4 },
        { key: 'b', score: 2 },
      ]),
    ).toBe(3.2);
    expect(overallScore(criteria, [])).toBeNull();
  });
  it('counts days', () => {
    expect(daysBetween('2025-01-01', '2025-03-02')).toBe(60);
  });
});
