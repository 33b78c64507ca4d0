import { describe, expect, it } from 'vitest';
import { diagnosticsOption, histogram, lorenzOption, shareColor } from './charts.ts';

const labels = { curve: 'Lorenz', equality: 'Equality', xAxis: 'x', yAxis: 'y' };

describe('value charts', () => {
  it('draws the Lorenz curve over the line of equality', () => {
    const option = lorenzOption(
      {
        lorenz: [
          { x: 0, y: 0 },
          { x: 0.5, y: 0.1 },
          { x: 1, y: 1 },
        ],
        top20Share: 0.9,
      },
      labels,
    );
    const series = option.series as { name: string; data: number[][] }[];
    expect(series[0]?.data).toEqual([
      [0, 0],
      [0.5, 0.1],
      [1, 1],
    ]);
    expect(series[1]?.data).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it('sets actual against expected repeat purchases per bucket', () => {
    const option = diagnosticsOption(
      {
        diagnostics: [
          { repeatPurchases: '0', actual: 10, expected: 9.123 },
          { repeatPurchases: '7+', actual: 3, expected: 2.5 },
        ],
      },
      { actual: 'Actual', expected: 'Model', xAxis: 'x', yAxis: 'y' },
    );
    expect((option.xAxis as { data: string[] }).data).toEqual(['0', '7+']);
    const series = option.series as { data: number[] }[];
    expect(series[0]?.data).toEqual([10, 3]);
    expect(series[1]?.data).toEqual([9.12, 2.5]);
  });

  it('buckets values from 0 to the largest, the largest in the last bucket', () => {
    const buckets = histogram([0, 1, 5, 9.99, 10], 2);
    expect(buckets.map((b) => [b.from, b.to, b.count])).toEqual([
      [0, 5, 2],
      [5, 10, 3],
    ]);
    expect(histogram([], 5)).toEqual([]);
    expect(histogram([0, 0], 3).map((b) => b.count)).toEqual([2, 0, 0]);
    expect(histogram([Number.NaN, 4], 1).map((b) => b.count)).toEqual([1]);
  });

  it('shades cohort cells from white to blue', () => {
    expect(shareColor(0)).toBe('rgb(255, 255, 255)');
    expect(shareColor(1)).toBe('rgb(22, 119, 255)');
    expect(shareColor(2)).toBe('rgb(22, 119, 255)');
    expect(shareColor(Number.NaN)).toBe('rgb(255, 255, 255)');
  });
});
