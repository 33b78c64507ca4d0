import { describe, expect, it } from 'vitest';
import { chainScatterOption, correlationOption, dotSize, radarOption, trendOption } from './charts.ts';
import { formatCi, formatR, formatScore } from './format.ts';
import type { Chain } from './types.ts';

const labels = { points: 'Teams', fit: 'Fit', band: 'Band', xAxis: 'Engagement', yAxis: 'NPS' };
const point = (key: string, x: number, y: number, customers: number) => ({
  key,
  name: key,
  employees: 5,
  customers,
  employeeScore: x,
  customerScore: y,
});
type Series = { type: string; data: unknown[]; stack?: string; symbolSize?: number; markArea?: { data: unknown } };

describe('insight charts', () => {
  it('sizes dots by the square root of customers, 8–40 px', () => {
    expect(dotSize(100, 100)).toBe(40);
    expect(dotSize(25, 100)).toBe(24);
    expect(dotSize(0, 100)).toBe(8);
    expect(dotSize(5, 0)).toBe(8);
  });

  it('draws the dots, the band as one polygon and the fit line', () => {
    const chain = {
      points: [
        point('a', 1, 2, 100),
        point('b', 2, 4, 25),
        point('c', 3, 5, 0),
        point('d', 4, 4, 9),
        point('e', 5, 5, 4),
      ],
    };
    const series = chainScatterOption(chain, labels).series as Series[];
    expect(series.map((s) => s.type)).toEqual(['scatter', 'custom', 'line']);
    const dots = series[0]?.data as { value: number[]; symbolSize: number }[];
    expect(dots[0]?.value.slice(0, 3)).toEqual([1, 2, 100]);
    expect(dots[0]?.symbolSize).toBe(40);
    // The line is ŷ = 2.2 + 0.6 x with a half-width of 2.2045 at x = 1 (see chainMath.test.ts): the polygon runs along
    // the upper bound from x = 1 and back along the lower bound to x = 1.
    const polygon = series[1]?.data as number[][];
    expect(polygon).toHaveLength(82);
    expect(polygon[0]?.[0]).toBe(1);
    expect(polygon[0]?.[1]).toBeCloseTo(2.8 + 2.2045, 3);
    expect(polygon.at(-1)?.[1]).toBeCloseTo(2.8 - 2.2045, 3);
    expect(series[2]?.data[0]).toEqual([1, 2.8]);
  });

  it('draws only the dots below three units', () => {
    const series = chainScatterOption({ points: [point('a', 1, 2, 3)] }, labels).series as Series[];
    expect(series).toHaveLength(1);
  });

  it('puts r, ρ and the interval beside the shaded published range', () => {
    const chain = {
      pearson: { r: 0.3, n: 10, ci95: [-0.4, 0.78] as [number, number] },
      spearman: { rho: 0.25, n: 10, ci95: null },
      benchmark: { low: 0.2, high: 0.35, source: 'Harter, Schmidt & Hayes 2002', what: '' },
    } satisfies Pick<Chain, 'pearson' | 'spearman' | 'benchmark'>;
    const series = correlationOption(chain, { r: 'r', rho: 'ρ', benchmark: 'Published' }).series as Series[];
    expect(series[0]?.data).toEqual([
      [-0.4, 'r'],
      [0.78, 'r'],
    ]);
    expect(series[0]?.markArea?.data).toEqual([[{ xAxis: 0.2 }, { xAxis: 0.35 }]]);
    expect(series[1]?.data).toEqual([
      [0.3, 'r'],
      [0.25, 'ρ'],
    ]);
  });

  it('draws the radar and the trend, with gaps where nothing was measured', () => {
    const caps = [
      { key: 'insight' as const, score: 62.44, coverage: 1, weight: 1 },
      { key: 'value' as const, score: null, coverage: 0, weight: 1 },
      { key: 'lifecycle' as const, score: 80, coverage: 1, weight: 1 },
    ];
    const radar = radarOption({ capabilities: caps }, { name: (k) => k, series: 'Index' }).series as {
      data: { value: number[] }[];
    }[];
    expect(radar[0]?.data[0]?.value).toEqual([62.4, 0, 80]);
    const trend = trendOption(
      [
        { asOf: '2026-01-01', tag: 'before', index: 50, capabilities: caps },
        { asOf: '2026-06-01', tag: null, index: null, capabilities: caps },
      ],
      { index: 'Index', name: (k) => k, tag: (t) => t },
    );
    expect((trend.xAxis as { data: string[] }).data).toEqual(['2026-01-01 (before)', '2026-06-01']);
    const series = trend.series as Series[];
    expect(series[0]?.data).toEqual([50, null]);
    expect(series[2]?.data).toEqual([null, null]);
  });

  it('formats r, intervals and scores, never as zero when missing', () => {
    expect(formatR(-0.456)).toBe('−0.46');
    expect(formatR(null)).toBe('—');
    expect(formatCi([-0.1, 0.5])).toBe('[−0.10, 0.50]');
    expect(formatCi(null)).toBe('—');
    expect(formatScore(null)).toBe('—');
    expect(formatScore(71.6)).toBe('72');
  });
});
