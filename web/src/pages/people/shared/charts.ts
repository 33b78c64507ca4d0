// ECharts options and chart data of the people dashboards, as pure functions of the API answers (unit-tested).
import type { EChartsOption } from 'echarts';
import type { AttritionFactorLine, ExitReasons, PdcaCycle, PdcaStatus, TurnoverLine } from './types.ts';
import { pdcaStatuses } from './types.ts';

/** Separations per month, voluntary and involuntary stacked, with the rate and first-year rate on a second axis. */
export function turnoverOption(
  rows: TurnoverLine[],
  labels: { voluntary: string; involuntary: string; rate: string; firstYear: string; count: string; percent: string },
): EChartsOption {
  const keys = rows.map((r) => r.key);
  return {
    animation: false,
    grid: { left: 48, right: 56, top: 40, bottom: 32 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: keys },
    yAxis: [
      { type: 'value', name: labels.count, minInterval: 1 },
      { type: 'value', name: labels.percent, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      { name: labels.voluntary, type: 'bar', stack: 'separations', data: rows.map((r) => r.voluntary) },
      { name: labels.involuntary, type: 'bar', stack: 'separations', data: rows.map((r) => r.involuntary) },
      { name: labels.rate, type: 'line', yAxisIndex: 1, data: rows.map((r) => r.rate) },
      {
        name: labels.firstYear,
        type: 'line',
        yAxisIndex: 1,
        data: rows.map((r) => r.firstYearRate),
        lineStyle: { type: 'dashed' },
      },
    ],
  };
}

/** Turnover rate per org unit, highest first, as horizontal bars (names resolved by the caller). */
export function unitTurnoverOption(
  rows: TurnoverLine[],
  nameOf: (key: string) => string,
  labels: { rate: string },
): EChartsOption {
  const sorted = [...rows].sort((a, b) => a.rate - b.rate);
  return {
    animation: false,
    grid: { left: 140, right: 32, top: 16, bottom: 24 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${String(v)}%` },
    xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: sorted.map((r) => nameOf(r.key)) },
    series: [{ name: labels.rate, type: 'bar', data: sorted.map((r) => r.rate) }],
  };
}

/** Exit interview reasons, most named first, as horizontal bars of their share of interviews. */
export function exitReasonsOption(data: ExitReasons, nameOf: (reason: string) => string): EChartsOption {
  const sorted = [...data.reasons].sort((a, b) => a.count - b.count);
  return {
    animation: false,
    grid: { left: 160, right: 32, top: 16, bottom: 24 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: sorted.map((r) => nameOf(r.reason)) },
    series: [{ type: 'bar', data: sorted.map((r) => r.count) }],
  };
}

/** A score's factors as bar widths: each contribution's share of the largest possible (its weight) or of 100. */
export function factorBars<F extends Pick<AttritionFactorLine, 'contribution' | 'detail'> & { key: string }>(
  factors: F[],
  weights: Partial<Record<string, number>> | undefined,
): (F & { percent: number })[] {
  return [...factors]
    .filter((f) => f.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .map((f) => {
      const w = weights?.[f.key];
      const max = w !== undefined && w > 0 ? w : 100;
      return { ...f, percent: Math.min(100, Math.round((f.contribution / max) * 100)) };
    });
}

/** PDCA cycles in the board's columns, in status order, each column by end date. */
export function pdcaColumns(cycles: PdcaCycle[]): { status: PdcaStatus; cycles: PdcaCycle[] }[] {
  return pdcaStatuses.map((status) => ({
    status,
    cycles: cycles
      .filter((c) => c.status === status)
      .sort((a, b) => (a.endsOn ?? '9999').localeCompare(b.endsOn ?? '9999')),
  }));
}

/** Where a PDCA cycle may go next: one step forward; from act back to plan (the next turn) or to closed. */
export function pdcaMoves(status: PdcaStatus): PdcaStatus[] {
  switch (status) {
    case 'plan':
      return ['do'];
    case 'do':
      return ['check'];
    case 'check':
      return ['act'];
    case 'act':
      return ['plan', 'closed'];
    case 'closed':
      return [];
  }
}
