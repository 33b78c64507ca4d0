import type { EChartsOption } from 'echarts';
import type { TFunction } from 'i18next';
import { formatNumber } from '../../../i18n/format.ts';
import { fourRs, type EvaluationDimension, type FourR, type HrActivity } from './types.ts';

/** Expected vs perceived per value dimension (grouped bars), the gap as a line on the same scale. */
export function evaluationOption(
  dimensions: readonly EvaluationDimension[],
  t: TFunction,
  language: string,
): EChartsOption {
  const fmt = (v: unknown) =>
    v === null || v === undefined ? '—' : formatNumber(Number(v), language, { maximumFractionDigits: 2 });
  return {
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: fmt },
    xAxis: {
      type: 'category',
      data: dimensions.map((d) => d.label),
      axisLabel: { interval: 0, width: 100, overflow: 'truncate' },
    },
    yAxis: { type: 'value' },
    series: [
      {
        type: 'bar',
        name: t('hrcrm.expected'),
        data: dimensions.map((d) => d.expected),
        itemStyle: { color: '#8c8c8c' },
      },
      {
        type: 'bar',
        name: t('hrcrm.perceived'),
        data: dimensions.map((d) => d.perceived),
        itemStyle: { color: '#1668dc' },
      },
      {
        type: 'line',
        name: t('hrcrm.gap'),
        data: dimensions.map((d) => d.gap),
        itemStyle: { color: '#fa541c' },
        label: { show: true, formatter: (p) => fmt((p as { value: unknown }).value) },
      },
    ],
  };
}

/** The periods of all trends, in order. */
export function trendPeriods(dimensions: readonly EvaluationDimension[]): string[] {
  return [...new Set(dimensions.flatMap((d) => d.trend.map((p) => p.period)))].sort();
}

/** The gap per dimension over the periods (a line per dimension; a period a dimension lacks is a hole). */
export function trendOption(dimensions: readonly EvaluationDimension[], language: string): EChartsOption {
  const periods = trendPeriods(dimensions);
  return {
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'scroll' },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) =>
        v === null || v === undefined ? '—' : formatNumber(Number(v), language, { maximumFractionDigits: 2 }),
    },
    xAxis: { type: 'category', data: periods },
    yAxis: { type: 'value' },
    series: dimensions.map((d) => ({
      type: 'line',
      name: d.label,
      connectNulls: false,
      data: periods.map((p) => d.trend.find((x) => x.period === p)?.gap ?? null),
    })),
  };
}

export interface RSummary {
  r: FourR;
  planned: number;
  done: number;
  /** Sum of the budgets of activities not cancelled. */
  budget: number;
}

/** Activities per R: how many are planned and done, and their budget (cancelled ones left out). */
export function summariseByR(activities: readonly Pick<HrActivity, 'r' | 'status' | 'budget'>[]): RSummary[] {
  return fourRs.map((r) => {
    const mine = activities.filter((a) => a.r === r && a.status !== 'cancelled');
    const cents = mine.reduce((sum, a) => sum + Math.round(Number(a.budget ?? 0) * 100), 0);
    return {
      r,
      planned: mine.filter((a) => a.status === 'planned').length,
      done: mine.filter((a) => a.status === 'done').length,
      budget: cents / 100,
    };
  });
}

export interface Fact {
  /** i18n key under hrcrm.facts. */
  key: string;
  value: number;
  percent?: boolean;
}

/** The live numbers of a step, in a fixed order (unknown keys after the known ones; nulls left out). */
export function stepFacts(step: { facts: Record<string, number | null | undefined> }): Fact[] {
  const order = [
    'profileCompleteness',
    'partyCount',
    'segmentsUsed',
    'gapSurveys',
    'planned',
    'done',
    'links',
    'deliveries',
    'dimensions',
  ];
  const keys = Object.keys(step.facts).sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia < 0 ? order.length : ia) - (ib < 0 ? order.length : ib) || a.localeCompare(b);
  });
  return keys.flatMap((key) => {
    const value = step.facts[key];
    return typeof value === 'number'
      ? [{ key, value, ...(key === 'profileCompleteness' ? { percent: true } : {}) }]
      : [];
  });
}
