// ECharts options of the insight pages as pure functions of the API answers (unit-tested).
import type { EChartsOption } from 'echarts';
import type { Capability, CapabilitySnapshot, Chain } from './types.ts';
import { leastSquares } from './chainMath.ts';

const round = (v: number, d = 2) => Math.round(v * 10 ** d) / 10 ** d;

/** Dot size from the customers behind it: area grows with the count, within 8–40 px. */
export function dotSize(customers: number, max: number): number {
  if (max <= 0) {
    return 8;
  }
  return round(8 + 32 * Math.sqrt(Math.max(0, customers) / max), 1);
}

export interface ChainLabels {
  points: string;
  fit: string;
  band: string;
  xAxis: string;
  yAxis: string;
}

/**
 * The scatter: one dot per unit or owner (size = customers), the least-squares line and its 95 % band (drawn as a
 * lower bound plus a stacked width, which ECharts fills between).
 */
export function chainScatterOption(chain: Pick<Chain, 'points'>, labels: ChainLabels): EChartsOption {
  const max = Math.max(0, ...chain.points.map((p) => p.customers));
  const fit = leastSquares(chain.points.map((p) => ({ x: p.employeeScore, y: p.customerScore })));
  const dots = chain.points.map((p) => ({
    name: p.name,
    value: [round(p.employeeScore), round(p.customerScore), p.customers, p.employees],
    symbolSize: dotSize(p.customers, max),
  }));
  const series: NonNullable<EChartsOption['series']> = [{ name: labels.points, type: 'scatter', data: dots }];
  if (fit) {
    // The band as one polygon: along the upper bound, back along the lower one. Every vertex is also a data item, so
    // the axes' extent covers the band; only the first item draws.
    const polygon = [
      ...fit.line.map((p) => [round(p.x, 4), round(p.upper, 4)]),
      ...[...fit.line].reverse().map((p) => [round(p.x, 4), round(p.lower, 4)]),
    ];
    series.push(
      {
        name: labels.band,
        type: 'custom',
        data: polygon,
        silent: true,
        z: 1,
        itemStyle: { color: 'rgba(22, 119, 255, 0.15)' },
        tooltip: { show: false },
        renderItem: (params, api) =>
          params.dataIndex === 0
            ? {
                type: 'polygon',
                shape: { points: polygon.map((v) => api.coord(v)) },
                style: { fill: 'rgba(22, 119, 255, 0.15)' },
              }
            : null,
      },
      {
        name: labels.fit,
        type: 'line',
        data: fit.line.map((p) => [round(p.x, 4), round(p.y, 4)]),
        showSymbol: false,
        lineStyle: { color: '#1677ff' },
      },
    );
  }
  return {
    animation: false,
    grid: { left: 56, right: 32, top: 40, bottom: 48 },
    legend: { top: 0, data: fit ? [labels.points, labels.fit, labels.band] : [labels.points] },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { name, value } = p as { name?: string; value?: unknown };
        return Array.isArray(value) && value.length >= 4
          ? `${name ?? ''}<br/>${labels.xAxis}: ${String(value[0])}<br/>${labels.yAxis}: ${String(value[1])}`
          : (name ?? '');
      },
    },
    xAxis: { type: 'value', scale: true, name: labels.xAxis, nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'value', scale: true, name: labels.yAxis, nameLocation: 'middle', nameGap: 40 },
    series,
  };
}

/** r (and ρ) with the 95 % interval on −1…1, beside the shaded published range. */
export function correlationOption(
  chain: Pick<Chain, 'pearson' | 'spearman' | 'benchmark'>,
  labels: { r: string; rho: string; benchmark: string },
): EChartsOption {
  const { pearson, spearman, benchmark } = chain;
  const rows = [labels.r, labels.rho];
  const ci = pearson.ci95
    ? [
        [pearson.ci95[0], 0],
        [pearson.ci95[1], 0],
      ]
    : [];
  return {
    animation: false,
    grid: { left: 16, right: 24, top: 28, bottom: 24, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', min: -1, max: 1 },
    yAxis: { type: 'category', data: rows },
    series: [
      {
        name: labels.r,
        type: 'line',
        data: ci.map(([x]) => [round(x as number, 3), labels.r]),
        showSymbol: false,
        lineStyle: { width: 3, color: '#1677ff' },
        markArea: {
          silent: true,
          itemStyle: { color: 'rgba(82, 196, 26, 0.18)' },
          label: { show: true, position: 'top', formatter: labels.benchmark },
          data: [[{ xAxis: benchmark.low }, { xAxis: benchmark.high }]],
        },
      },
      {
        name: labels.r,
        type: 'scatter',
        symbolSize: 12,
        data: [
          ...(pearson.r === null ? [] : [[round(pearson.r, 3), labels.r]]),
          ...(spearman.rho === null ? [] : [[round(spearman.rho, 3), labels.rho]]),
        ],
      },
    ],
  };
}

/** The three capabilities on a radar (0–100); an unmeasured capability is drawn at 0 and named as missing. */
export function radarOption(
  c: Pick<Capability, 'capabilities'>,
  labels: { name: (key: string) => string; series: string },
): EChartsOption {
  return {
    animation: false,
    tooltip: { trigger: 'item' },
    radar: { indicator: c.capabilities.map((k) => ({ name: labels.name(k.key), max: 100 })), radius: '65%' },
    series: [
      {
        name: labels.series,
        type: 'radar',
        data: [
          {
            name: labels.series,
            value: c.capabilities.map((k) => round(k.score ?? 0, 1)),
            areaStyle: { opacity: 0.2 },
          },
        ],
      },
    ],
  };
}

/** The index and the three capabilities over the snapshots, each x label the date and its before/after tag. */
export function trendOption(
  snapshots: Pick<CapabilitySnapshot, 'asOf' | 'tag' | 'index' | 'capabilities'>[],
  labels: { index: string; name: (key: string) => string; tag: (tag: 'before' | 'after') => string },
): EChartsOption {
  const x = snapshots.map((s) => (s.tag ? `${s.asOf} (${labels.tag(s.tag)})` : s.asOf));
  const keys = snapshots[0]?.capabilities.map((c) => c.key) ?? [];
  const value = (v: number | null) => (v === null ? null : round(v, 1));
  return {
    animation: false,
    grid: { left: 48, right: 24, top: 40, bottom: 48 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: x },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [
      { name: labels.index, type: 'line', data: snapshots.map((s) => value(s.index)), lineStyle: { width: 3 } },
      ...keys.map((k) => ({
        name: labels.name(k),
        type: 'line' as const,
        data: snapshots.map((s) => value(s.capabilities.find((c) => c.key === k)?.score ?? null)),
      })),
    ],
  };
}
