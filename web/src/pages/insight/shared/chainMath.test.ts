import { describe, expect, it } from 'vitest';
import { leastSquares, tCritical } from './chainMath.ts';

// Hand computation: x = 1..5, y = 2, 4, 5, 4, 5 → x̄ = 3, ȳ = 4, Sxx = 10, Sxy = 6, slope 0.6, intercept 2.2;
// residuals −0.8, 0.6, 1, −0.6, −0.2 → SSE = 2.4, s = √0.8; t(0.975, 3) = 3.182.
const points = [
  { x: 1, y: 2 },
  { x: 2, y: 4 },
  { x: 3, y: 5 },
  { x: 4, y: 4 },
  { x: 5, y: 5 },
];

describe('chain fit line and band', () => {
  it('fits the least-squares line', () => {
    const fit = leastSquares(points, 4);
    expect(fit?.slope).toBeCloseTo(0.6, 10);
    expect(fit?.intercept).toBeCloseTo(2.2, 10);
    expect(fit?.line.map((p) => p.x)).toEqual([1, 2, 3, 4, 5]);
  });

  it('gives the 95 % band of the mean: narrowest at x̄', () => {
    const fit = leastSquares(points, 4);
    const s = Math.sqrt(0.8);
    // At x̄ = 3: ŷ = 4, half-width 3.182 · s · √(1/5) = 1.2728.
    const mid = fit?.line[2];
    expect(mid?.y).toBeCloseTo(4, 10);
    expect((mid?.upper ?? 0) - 4).toBeCloseTo(3.182 * s * Math.sqrt(0.2), 10);
    expect((mid?.upper ?? 0) - 4).toBeCloseTo(1.2728, 3);
    // At x = 1: half-width 3.182 · s · √(1/5 + 4/10) = 2.2045.
    const end = fit?.line[0];
    expect((end?.upper ?? 0) - (end?.y ?? 0)).toBeCloseTo(2.2045, 3);
    expect((end?.y ?? 0) - (end?.lower ?? 0)).toBeCloseTo(2.2045, 3);
  });

  it('draws nothing below three points or with one x value', () => {
    expect(leastSquares(points.slice(0, 2))).toBeNull();
    expect(
      leastSquares([
        { x: 1, y: 1 },
        { x: 1, y: 2 },
        { x: 1, y: 3 },
      ]),
    ).toBeNull();
  });

  it('uses t critical values from the table, then the normal approximation', () => {
    expect(tCritical(1)).toBe(12.706);
    expect(tCritical(10)).toBe(2.228);
    expect(tCritical(60)).toBeCloseTo(2.0, 2);
    expect(tCritical(120)).toBeCloseTo(1.98, 2);
    expect(Number.isNaN(tCritical(0))).toBe(true);
  });
});
