// ECharts options and chart data of the value pages, as pure functions of the API answers (unit-tested).
import type { EChartsOption } from 'echarts';
import type { ClvModel, Concentration } from './types.ts';

const pct = (v: number) => `${Math.round(v * 100)}%`;

/** The Lorenz curve against the line of equality, the top-20 % point marked. */
export function lorenzOption(
  c: Pick<Concentration, 'lorenz' | 'top20Share'>,
  labels: { curve: string; equality: string; xAxis: string; yAxis: string },
): EChartsOption {
  const curve = c.lorenz.map((p) => [p.x, p.y]);
  return {
    animation: false,
    grid: { left: 56, right: 24, top: 32, bottom: 48 },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? pct(v) : String(v)),
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: 1,
      name: labels.xAxis,
      nameLocation: 'middle',
      nameGap: 28,
      axisLabel: { formatter: (v: number) => pct(v) },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 1,
      name: labels.yAxis,
      nameLocation: 'middle',
      nameGap: 40,
      axisLabel: { formatter: (v: number) => pct(v) },
    },
    series: [
      { name: labels.curve, type: 'line', data: curve, showSymbol: false, areaStyle: { opacity: 0.15 } },
      {
        name: labels.equality,
        type: 'line',
        data: [
          [0, 0],
          [1, 1],
        ],
        showSymbol: false,
        lineStyle: { type: 'dashed', color: '#8c8c8c' },
      },
    ],
  };
}

/** Customers per number of repeat purchases: actual against the BG/NBD model (the literature's fit check). */
export function diagnosticsOption(
  model: Pick<ClvModel, 'diagnostics'>,
  labels: { actual: string; expected: string; xAxis: string; yAxis: string },
): EChartsOption {
  return {
    animation: false,
    grid: { left: 56, right: 24, top: 32, bottom: 48 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? v.toFixed(1) : String(v)) },
    xAxis: {
      type: 'category',
      data: model.diagnostics.map((d) => d.repeatPurchases),
      name: labels.xAxis,
      nameLocation: 'middle',
      nameGap: 28,
    },
    yAxis: { type: 'value', name: labels.yAxis },
    series: [
      { name: labels.actual, type: 'bar', data: model.diagnostics.map((d) => d.actual) },
      { name: labels.expected, type: 'bar', data: model.diagnostics.map((d) => Number(d.expected.toFixed(2))) },
    ],
  };
}

export interface Bucket {
  from: number;
  to: number;
  count: number;
}

/**
 * A histogram of non-negative values in `bins` equal buckets from 0 to the largest value ([from, to), the last
 * one closed). Empty input gives no buckets.
 */
export function histogram(values: number[], bins = 10): Bucket[] {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0 || bins < 1) {
    return [];
  }
  const max = Math.max(0, ...finite);
  const width = max === 0 ? 1 : max / bins;
  const buckets: Bucket[] = Array.from({ length: bins }, (_, i) => ({
    from: i * width,
    to: (i + 1) * width,
    count: 0,
  }));
  for (const v of finite) {
    const i = Math.min(bins - 1, Math.max(0, Math.floor(v / width)));
    const bucket = buckets[i];
    if (bucket) {
      bucket.count += 1;
    }
  }
  return buckets;
}

export function histogramOption(
  buckets: Bucket[],
  labels: { series: string; xAxis: string; yAxis: string },
  formatValue: (v: number) => string,
): EChartsOption {
  return {
    animation: false,
    grid: { left: 56, right: 24, top: 24, bottom: 64 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: buckets.map((b) => `${formatValue(b.from)}–${formatValue(b.to)}`),
      name: labels.xAxis,
      nameLocation: 'middle',
      nameGap: 44,
      axisLabel: { rotate: 30 },
    },
    yAxis: { type: 'value', name: labels.yAxis, minInterval: 1 },
    series: [{ name: labels.series, type: 'bar', data: buckets.map((b) => b.count) }],
  };
}

/** Background of a cohort cell: from white (0 %) to the primary blue (100 %). */
export function shareColor(share: number): string {
  const s = Math.min(1, Math.max(0, Number.isFinite(share) ? share : 0));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * s);
  return `rgb(${mix(255, 22)}, ${mix(255, 119)}, ${mix(255, 255)})`;
}
