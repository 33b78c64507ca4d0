import type { EChartsOption } from 'echarts';

// ECharts options of the results dashboard. Colours: detractors red, passives amber, promoters green.
export const npsColors = { detractors: '#f5222d', passives: '#faad14', promoters: '#52c41a' };

/** NPS gauge from −100 to 100, banded by the usual reading (below 0, 0–30, 30–70, 70+). */
export function npsGauge(score: number, label: string): EChartsOption {
  return {
    series: [
      {
        type: 'gauge',
        min: -100,
        max: 100,
        startAngle: 200,
        endAngle: -20,
        radius: '88%',
        center: ['50%', '55%'],
        splitNumber: 4,
        axisLine: {
          lineStyle: {
            width: 14,
            color: [
              [0.5, '#ff7875'],
              [0.65, '#ffc53d'],
              [0.85, '#95de64'],
              [1, '#389e0d'],
            ],
          },
        },
        pointer: { width: 5, length: '52%', itemStyle: { color: '#434343' } },
        anchor: { show: true, size: 10, itemStyle: { color: '#434343' } },
        axisTick: { show: false },
        splitLine: { length: 14, lineStyle: { width: 2, color: '#fff' } },
        axisLabel: { distance: 18, fontSize: 11, color: '#8c8c8c' },
        detail: {
          valueAnimation: false,
          fontSize: 28,
          fontWeight: 600,
          color: '#262626',
          offsetCenter: [0, '58%'],
          formatter: (v: number) => String(Math.round(v * 10) / 10),
        },
        title: { offsetCenter: [0, '86%'], fontSize: 13, color: '#595959' },
        data: [{ value: score, name: label }],
      },
    ],
  };
}

/** One horizontal stacked bar: detractors / passives / promoters in %. */
export function npsSplit(
  nps: { promoters: number; passives: number; detractors: number },
  labels: { promoters: string; passives: string; detractors: string },
): EChartsOption {
  const keys = ['detractors', 'passives', 'promoters'] as const;
  return {
    grid: { left: 4, right: 4, top: 28, bottom: 4, containLabel: false },
    legend: { top: 0, itemWidth: 12, itemHeight: 12 },
    tooltip: { trigger: 'item', valueFormatter: (v) => `${String(v)}%` },
    xAxis: { type: 'value', max: 100, show: false },
    yAxis: { type: 'category', data: [''], show: false },
    series: keys.map((k) => ({
      type: 'bar' as const,
      stack: 'nps',
      name: labels[k],
      data: [nps[k]],
      barWidth: 28,
      itemStyle: { color: npsColors[k] },
      label: { show: nps[k] >= 8, formatter: '{c}%', color: '#fff', fontWeight: 600 },
    })),
  };
}

/** Counts per scale point; NPS points coloured by band. */
export function distributionBars(points: number[], counts: number[], nps: boolean, seriesName: string): EChartsOption {
  const color = (p: number) =>
    !nps ? '#1668dc' : p <= 6 ? npsColors.detractors : p <= 8 ? npsColors.passives : npsColors.promoters;
  return {
    grid: { left: 4, right: 8, top: 12, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: points.map(String) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: seriesName,
        data: points.map((p, i) => ({ value: counts[i] ?? 0, itemStyle: { color: color(p) } })),
        barMaxWidth: 36,
      },
    ],
  };
}

/** Horizontal bars with category labels (choices, group comparison). */
export function labelledBars(
  labels: string[],
  values: number[],
  seriesName: string,
  opts: { max?: number; min?: number; unit?: string } = {},
): EChartsOption {
  return {
    grid: { left: 4, right: 32, top: 8, bottom: 4, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => `${String(v)}${opts.unit ?? ''}`,
    },
    xAxis: { type: 'value', max: opts.max, min: opts.min, minInterval: 1 },
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 160, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        name: seriesName,
        data: values,
        itemStyle: { color: '#1668dc', borderRadius: [0, 4, 4, 0] },
        barMaxWidth: 22,
        label: { show: true, position: 'right' },
      },
    ],
  };
}

/** Gap per dimension (perceived − expected): red below zero (expectations not met), green above. */
export function gapBars(
  rows: { label: string; expected: number; perceived: number; gap: number }[],
  names: { gap: string; expected: string; perceived: string },
): EChartsOption {
  return {
    grid: { left: 4, right: 40, top: 8, bottom: 4, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const p = (Array.isArray(params) ? params[0] : params) as { dataIndex: number };
        const r = rows[p.dataIndex];
        return r
          ? `${r.label}<br/>${names.expected}: ${r.expected}<br/>${names.perceived}: ${r.perceived}<br/>${names.gap}: ${r.gap > 0 ? '+' : ''}${r.gap}`
          : '';
      },
    },
    xAxis: { type: 'value' },
    yAxis: {
      type: 'category',
      data: rows.map((r) => r.label),
      inverse: true,
      axisLabel: { width: 140, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: names.gap,
        data: rows.map((r) => ({ value: r.gap, itemStyle: { color: r.gap < 0 ? '#f5222d' : '#52c41a' } })),
        barMaxWidth: 20,
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value: unknown }) => `${Number(p.value) > 0 ? '+' : ''}${String(p.value)}`,
        },
        markLine: {
          silent: true,
          symbol: 'none',
          data: [{ xAxis: 0 }],
          lineStyle: { color: '#8c8c8c' },
          label: { show: false },
        },
      },
    ],
  };
}

/** Importance (share of explained variance, %) × performance (0–100), split at the averages into four quadrants. */
export function driverScatter(
  points: { label: string; importance: number; performance: number; driver: string | null }[],
  axes: { importance: string; performance: string },
): EChartsOption {
  const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const ax = avg(points.map((p) => p.importance));
  const ay = avg(points.map((p) => p.performance));
  const color = (d: string | null) => (d === 'hygiene' ? '#fa8c16' : d === 'motivator' ? '#722ed1' : '#1668dc');
  return {
    grid: { left: 8, right: 24, top: 16, bottom: 28, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const d = (p as { data: { name: string; value: [number, number] } }).data;
        return `${d.name}<br/>${axes.importance}: ${d.value[0]}%<br/>${axes.performance}: ${d.value[1]}`;
      },
    },
    xAxis: { type: 'value', name: axes.importance, nameLocation: 'middle', nameGap: 24, min: 0 },
    yAxis: { type: 'value', name: axes.performance, nameLocation: 'middle', nameGap: 32, min: 0, max: 100 },
    series: [
      {
        type: 'scatter',
        symbolSize: 16,
        data: points.map((p) => ({
          name: p.label,
          value: [p.importance, p.performance],
          itemStyle: { color: color(p.driver) },
        })),
        label: {
          show: true,
          position: 'right',
          formatter: (p: { name: string }) => (p.name.length > 14 ? `${p.name.slice(0, 13)}…` : p.name),
          fontSize: 11,
        },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#bfbfbf' },
          label: { show: false },
          data: [{ xAxis: Math.round(ax * 10) / 10 }, { yAxis: Math.round(ay * 10) / 10 }],
        },
      },
    ],
  };
}
