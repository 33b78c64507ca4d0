import { describe, expect, it } from 'vitest';
import { buildDimensions, evaluationWindow, gapNumbers } from './evaluation.ts';

describe('HR group evaluation shaping', () => {
  it('rounds the means and takes the gap from the unrounded ones', () => {
    // 14/3 − 13/3 = 1/3 → 0.33, though the rounded means differ by 0.34.
    expect(gapNumbers(13 / 3, 14 / 3)).toEqual({ expected: 4.33, perceived: 4.67, gap: 0.33 });
    expect(gapNumbers(null, 5)).toEqual({ expected: null, perceived: 5, gap: null });
  });

  it('puts overall numbers and the trend, oldest period first, on each dimension', () => {
    const dims = buildDimensions(
      [
        { period: null, dimension: 'quality', expected: 6, perceived: 4.5 },
        { period: '2026-03', dimension: 'quality', expected: 6, perceived: 5 },
        { period: '2026-01', dimension: 'quality', expected: 6, perceived: 4 },
        { period: null, dimension: 'service', expected: 5, perceived: null },
      ],
      (k) => k.toUpperCase(),
    );
    expect(dims).toEqual([
      {
        key: 'quality',
        label: 'QUALITY',
        expected: 6,
        perceived: 4.5,
        gap: -1.5,
        trend: [
          { period: '2026-01', expected: 6, perceived: 4, gap: -2 },
          { period: '2026-03', expected: 6, perceived: 5, gap: -1 },
        ],
      },
      { key: 'service', label: 'SERVICE', expected: 5, perceived: null, gap: null, trend: [] },
    ]);
  });

  it('defaults to the two years up to today', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    expect(evaluationWindow(undefined, undefined, now)).toEqual({ from: '2024-12-01', to: '2026-12-01' });
    expect(evaluationWindow('2026-01-01', undefined, now)).toEqual({ from: '2026-01-01', to: '2026-12-01' });
    expect(evaluationWindow(undefined, '2026-06-30', now)).toEqual({ from: '2024-06-30', to: '2026-06-30' });
  });
});
