import type { EChartsOption } from 'echarts';
import type { WinbackSummary } from '@tandem/server/api';

/** Bars of the win-back rate (%) per cause of loss; causes without losses are left out (no rate, never 0). */
export function winbackRateOption(s: WinbackSummary, label: (cause: string) => string): EChartsOption {
  const rows = s.byCause.filter((c) => c.rate !== null);
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: rows.map((c) => label(c.cause)) },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
    series: [
      {
        type: 'bar',
        data: rows.map((c) => Math.round((c.rate ?? 0) * 1000) / 10),
        label: { show: true, position: 'top', formatter: '{c} %' },
      },
    ],
  };
}
