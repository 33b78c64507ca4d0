import { describe, expect, it } from 'vitest';
import { fisherCi, midRanks, pearson, spearman } from './stats.ts';

// Reference values computed by hand (docs/metrics.md "The chain").

describe('chain statistics', () => {
  it('Pearson r of five points', () => {
    // x = 1..5, y = 2, 4, 5, 4, 5: mean x 3, mean y 4; Σdxdy = 6, Σdx² = 10, Σdy² = 6 → r = 6/√60.
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(6 / Math.sqrt(60), 14);
  });

  it('no spread, or under three points: null', () => {
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(pearson([1, 2], [1, 2])).toBeNull();
    expect(spearman([], [])).toBeNull();
  });

  it('mid-ranks share tied ranks', () => {
    expect(midRanks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
    expect(midRanks([3, 3, 3])).toEqual([2, 2, 2]);
  });

  it('Spearman ρ on mid-ranks', () => {
    // y ranks of (2, 4, 5, 4, 5) = 1, 2.5, 4.5, 2.5, 4.5; x ranks 1..5: Σdxdy = 7, Σdx² = 10, Σdy² = 9 → 7/√90.
    expect(spearman([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(7 / Math.sqrt(90), 14);
    expect(spearman([1, 2, 3], [30, 20, 10])).toBeCloseTo(-1, 14);
  });

  it("Fisher's z interval", () => {
    // r = 0.5, n = 28: z = 0.549306, SE = 0.2, z ± 1.959964·0.2 = 0.157313, 0.941299 → tanh: 0.156028, 0.735818.
    const [lo, hi] = fisherCi(0.5, 28) as [number, number];
    expect(lo).toBeCloseTo(0.15603, 5);
    expect(hi).toBeCloseTo(0.735818, 5);
    expect(fisherCi(0.5, 3)).toBeNull();
    expect(fisherCi(null, 10)).toBeNull();
    expect(fisherCi(1, 10)).toEqual([1, 1]);
    // Spearman's variance factor 1.06 widens it.
    const [slo] = fisherCi(0.5, 28, 1.06) as [number, number];
    expect(slo).toBeLessThan(lo);
  });
});
