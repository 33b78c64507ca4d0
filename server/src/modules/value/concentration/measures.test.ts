import { describe, expect, it } from 'vitest';
import { gini, lorenz, lorenzRanks, topShare } from './measures.ts';

// docs/metrics.md "Pareto concentration, Lorenz curve, Gini", by hand.

describe('concentration measures', () => {
  it('Gini, top-20 % and Lorenz of 5, 10, 10, 30, 50 (ties included)', () => {
    const xs = [50, 10, 5, 30, 10];
    // (−4·5 − 2·10 + 0·10 + 2·30 + 4·50) / (5 · 105) = 220 / 525
    expect(gini(xs)).toBeCloseTo(220 / 525, 14);
    // ceil(0.2 · 5) = 1: the top one, 50 of 105
    expect(topShare(xs)).toBeCloseTo(50 / 105, 14);
    const want = [0, 5, 15, 25, 55, 105].map((y, i) => ({ x: i / 5, y: y / 105 }));
    const got = lorenz(xs);
    expect(got).toHaveLength(6);
    got.forEach((p, i) => {
      expect(p.x).toBeCloseTo(want[i]?.x ?? NaN, 14);
      expect(p.y).toBeCloseTo(want[i]?.y ?? NaN, 14);
    });
  });

  it('equal amounts: Gini 0, top-20 % = its head count share; one party: Gini 0, share 1', () => {
    expect(gini([7, 7, 7, 7])).toBe(0);
    expect(topShare([7, 7, 7, 7])).toBeCloseTo(0.25, 14);
    expect(gini([3])).toBe(0);
    expect(topShare([3])).toBe(1);
  });

  it('one party holds everything: Gini reaches (n − 1)/n', () => {
    expect(gini([0.0001, 0.0001, 0.0001, 1000])).toBeCloseTo(3 / 4, 5);
  });

  it('no amounts: zeros and no curve, never NaN', () => {
    expect(gini([])).toBe(0);
    expect(topShare([])).toBe(0);
    expect(lorenz([])).toEqual([]);
  });

  it('at most 101 Lorenz points: every rank up to n = 100, ceil(k·n/100) beyond', () => {
    expect(lorenzRanks(3)).toEqual([1, 2, 3]);
    expect(lorenzRanks(100)).toHaveLength(100);
    const r = lorenzRanks(250);
    expect(r).toHaveLength(100);
    expect(r.slice(0, 3)).toEqual([3, 5, 8]);
    expect(r.at(-1)).toBe(250);
    expect(lorenz(Array.from({ length: 1000 }, (_, i) => i + 1))).toHaveLength(101);
  });
});
