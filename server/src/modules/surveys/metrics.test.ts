import { describe, expect, it } from 'vitest';
import { ces, csat, gap, nps, quadrant, suppressedKeys } from './metrics.ts';

describe('feedback metrics (hand-computed fixtures)', () => {
  it('NPS: answers 10,10,9,9,9,8,7,6,3,0 → 5 promoters, 2 passives, 3 detractors → 50% − 30% = 20', () => {
    expect(nps({ promoters: 5, passives: 2, detractors: 3 })).toEqual({
      score: 20,
      promoters: 50,
      passives: 20,
      detractors: 30,
    });
    // 1 promoter, 0 passives, 2 detractors: 33.3% − 66.7% = −33.3
    expect(nps({ promoters: 1, passives: 0, detractors: 2 })).toEqual({
      score: -33.3,
      promoters: 33.3,
      passives: 0,
      detractors: 66.7,
    });
    expect(nps({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
  });

  it('CSAT: answers 5,4,4,3,1 → 3 of 5 are 4–5 → 60', () => {
    expect(csat(3, 5)).toBe(60);
    expect(csat(2, 3)).toBe(66.7);
    expect(csat(0, 0)).toBeNull();
  });

  it('CES: answers 7,6,5,3,2,1 → mean 24/6 = 4, 3 of 6 are 5–7 → 50', () => {
    expect(ces(24 / 6, 3, 6)).toEqual({ mean: 4, easyShare: 50 });
  });

  it('gap: expected 4.5, perceived 3.75 → −0.75 (expectation not met)', () => {
    expect(gap(4.5, 3.75)).toEqual({ expected: 4.5, perceived: 3.75, gap: -0.75 });
    expect(gap(null, 3)).toBeNull();
  });

  it('suppresses small groups, then more until the hidden remainder is at least the minimum', () => {
    const groups = [
      { key: 'a', n: 2 },
      { key: 'b', n: 7 },
      { key: 'c', n: 6 },
    ];
    // Total 15 shown: a (2) alone would be total − b − c; hiding c too leaves a remainder of 8.
    expect([...suppressedKeys(groups, 5, 15)].sort()).toEqual(['a', 'c']);
    // Total hidden: nothing can be subtracted, only the small group goes.
    expect([...suppressedKeys(groups, 5, null)]).toEqual(['a']);
    // a (2) and d (1) together are 3 < 5: c (6) goes as well, leaving 9 hidden.
    expect([...suppressedKeys([...groups, { key: 'd', n: 1 }], 5, 16)].sort()).toEqual(['a', 'c', 'd']);
    // Units of 6, 2 and 1 with minimum 5: every unit hidden; only the total (9) shows.
    const units = [
      { key: 'x', n: 6 },
      { key: 'y', n: 2 },
      { key: 'z', n: 1 },
    ];
    expect([...suppressedKeys(units, 5, 9)].sort()).toEqual(['x', 'y', 'z']);
    expect(suppressedKeys([{ key: 'a', n: 5 }], 5, 5).size).toBe(0);
    // A cell's n counts the answers of one question: a group where it was skipped leaves a remainder too.
    expect(
      [
        ...suppressedKeys(
          [
            { key: 'a', n: 6 },
            { key: 'b', n: 6 },
          ],
          5,
          14,
        ),
      ].sort(),
    ).toEqual(['a']);
  });

  it('places drivers in the importance × performance quadrants', () => {
    expect(quadrant(0.3, 0.2, 0.8, 0.6)).toBe('strength');
    expect(quadrant(0.3, 0.2, 0.4, 0.6)).toBe('priority');
    expect(quadrant(0.1, 0.2, 0.8, 0.6)).toBe('maintain');
    expect(quadrant(0.1, 0.2, 0.4, 0.6)).toBe('low_priority');
  });
});
