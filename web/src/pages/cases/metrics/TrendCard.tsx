import { useMemo } from 'react';
import { Card, Segmented } from 'antd';
import type { EChartsOption } from 'echarts';
import { useTranslation } from 'react-i18next';
import { metricsIntervals } from '@tandem/server/api';
import type { CaseMetricsPeriod, MetricsInterval } from '../../../api/types.ts';
import { Chart } from '../../../components/Chart/Chart.tsx';
import { formatRate, formatScore, trendSeries } from '../shared/metrics.ts';
import { useFormat } from '../../../i18n/useFormat.ts';

interface Props {
  series: CaseMetricsPeriod[];
  interval: MetricsInterval;
  onInterval: (interval: MetricsInterval) => void;
}

/** Cases per day, week or month of creation (bars) with the SLA breach rate and mean satisfaction (lines). */
export function TrendCard({ series, interval, onInterval }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const data = useMemo(() => trendSeries(series, interval, format.locale), [series, interval, format.locale]);

  const option = useMemo((): EChartsOption => {
    const count = t('service.metrics.count');
    const breach = t('service.metrics.breachRate');
    const csat = t('service.metrics.csatMean');
    return {
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v) => (typeof v === 'number' ? String(v) : '—'),
      },
      xAxis: { type: 'category', data: data.categories },
      yAxis: [
        { type: 'value', minInterval: 1, name: count },
        { type: 'value', min: 0, max: 100, name: '%', splitLine: { show: false } },
        { type: 'value', min: 1, max: 5, offset: 40, name: csat, splitLine: { show: false }, show: false },
      ],
      series: [
        { type: 'bar', name: count, data: data.counts, itemStyle: { color: '#1668dc' } },
        {
          type: 'line',
          name: breach,
          yAxisIndex: 1,
          data: data.breachRates,
          connectNulls: true,
          itemStyle: { color: '#d4380d' },
        },
        {
          type: 'line',
          name: csat,
          yAxisIndex: 2,
          data: data.csatMeans,
          connectNulls: true,
          itemStyle: { color: '#389e0d' },
        },
      ],
    };
  }, [data, t]);

  const aria = t('service.metrics.trendAria', {
    interval: t(`service.metrics.interval.${interval}`),
    list: series
      .map(
        (p, i) =>
          `${data.categories[i]}: ${p.count} · ${formatRate(p.breachRate, format.locale)} · ${formatScore(p.csatMean, format.locale)}`,
      )
      .join(', '),
  });

  return (
    <Card
      size="small"
      title={t('service.metrics.trend')}
      extra={
        <Segmented<MetricsInterval>
          size="small"
          value={interval}
          onChange={onInterval}
          options={metricsIntervals.map((i) => ({ value: i, label: t(`service.metrics.interval.${i}`) }))}
          data-testid="metrics-interval"
        />
      }
      style={{ marginBottom: 16 }}
    >
      <Chart option={option} ariaLabel={aria} height={280} data-testid="chart-trend" />
    </Card>
  );
}
