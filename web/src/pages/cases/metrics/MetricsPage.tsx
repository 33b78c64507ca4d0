import { useMemo, useState, type HTMLAttributes } from 'react';
import { Card, Col, DatePicker, Flex, Row, Segmented, Select, Statistic, Table, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { caseTypes } from '@tandem/server/api';
import type { CaseMetricsRow, MetricsInterval } from '../../../api/types.ts';
import { Chart } from '../../../components/Chart/Chart.tsx';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useDurationUnits } from '../shared/labels.tsx';
import {
  barSeries,
  defaultInterval,
  formatBusinessMinutes,
  formatRate,
  formatScore,
  groupLabel,
} from '../shared/metrics.ts';
import { useCaseMetrics } from '../shared/api.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { TrendCard } from './TrendCard.tsx';

const groupings = ['rootCause', 'type', 'assignee', 'orgUnit'] as const;
type Grouping = (typeof groupings)[number];

/** `/service/metrics`: case KPIs over a date range, grouped by root cause, type, assignee or org unit. */
export default function MetricsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const units = useDurationUnits();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [
    dayjs().subtract(29, 'day').startOf('day'),
    dayjs().endOf('day'),
  ]);
  const [groupBy, setGroupBy] = useState<Grouping>('rootCause');
  const [type, setType] = useState<string | undefined>(undefined);
  const [interval, setInterval] = useState<MetricsInterval | null>(null);
  const shownInterval = interval ?? defaultInterval(range[1].diff(range[0], 'day') + 1);
  const params = {
    from: range[0].startOf('day').toISOString(),
    to: range[1].add(1, 'day').startOf('day').toISOString(),
    groupBy,
    type,
  };
  // Periods are the reader's own days, like the range picker's.
  const metrics = useCaseMetrics({
    ...params,
    interval: shownInterval,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  const byRootCause = useCaseMetrics({ ...params, groupBy: 'rootCause' });
  const label = (r: CaseMetricsRow) => groupLabel(r, groupBy, t);
  const minutes = (v: number | null) => formatBusinessMinutes(v, units);

  const rootOption = useMemo((): EChartsOption | null => {
    const rows = byRootCause.data?.groups;
    if (!rows) {
      return null;
    }
    const s = barSeries(rows, 'count', (r) => groupLabel(r, 'rootCause', t));
    return {
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: s.categories },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('service.metrics.count'),
          data: s.values,
          itemStyle: { color: '#1668dc' },
          label: { show: true, position: 'top' },
        },
      ],
    };
  }, [byRootCause.data, t]);

  const groupOption = useMemo((): EChartsOption | null => {
    const rows = metrics.data?.groups;
    if (!rows || groupBy === 'rootCause') {
      return null;
    }
    const s = barSeries(rows, 'count', (r) => groupLabel(r, groupBy, t));
    return {
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: s.categories,
        axisLabel: { interval: 0, rotate: s.categories.length > 6 ? 30 : 0 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: t('service.metrics.count'), data: s.values, itemStyle: { color: '#13a8a8' } }],
    };
  }, [metrics.data, groupBy, t]);

  const total = metrics.data?.total;
  const kpis = total
    ? [
        { key: 'count', title: t('service.metrics.count'), value: format.number(total.count) },
        { key: 'frMean', title: t('service.metrics.firstResponseMean'), value: minutes(total.firstResponseMean) },
        { key: 'frP90', title: t('service.metrics.firstResponseP90'), value: minutes(total.firstResponseP90) },
        { key: 'resMean', title: t('service.metrics.resolutionMean'), value: minutes(total.resolutionMean) },
        { key: 'resP90', title: t('service.metrics.resolutionP90'), value: minutes(total.resolutionP90) },
        { key: 'breach', title: t('service.metrics.breachRate'), value: formatRate(total.breachRate, format.locale) },
        { key: 'reopen', title: t('service.metrics.reopenRate'), value: formatRate(total.reopenRate, format.locale) },
        {
          key: 'csat',
          title: t('service.metrics.csatMean'),
          value: formatScore(total.csatMean, format.locale),
          suffix: total.csatCount ? t('service.metrics.answers', { count: total.csatCount }) : undefined,
        },
      ]
    : [];

  return (
    <div data-testid="metrics-page">
      <PageHeader title={t('nav.serviceMetrics')} description={t('service.metrics.description')} />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          aria-label={t('service.metrics.range')}
          data-testid="metrics-range"
        />
        <Segmented<Grouping>
          value={groupBy}
          onChange={setGroupBy}
          options={groupings.map((g) => ({ value: g, label: t(`service.metrics.groupBy.${g}`) }))}
          data-testid="metrics-group-by"
        />
        <Select
          allowClear
          value={type}
          onChange={setType}
          placeholder={t('service.metrics.allTypes')}
          options={caseTypes.map((v) => ({ value: v, label: t(`service.types.${v}`) }))}
          style={{ minWidth: 160 }}
          aria-label={t('service.case.type')}
        />
      </Flex>
      {metrics.isError ? (
        <QueryError error={metrics.error} onRetry={() => void metrics.refetch()} />
      ) : !metrics.data ? (
        <PageLoading minHeight={300} />
      ) : (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            {kpis.map((k) => (
              <Col key={k.key} xs={12} md={6}>
                <Card size="small" data-testid={`kpi-${k.key}`}>
                  <Statistic
                    title={k.title}
                    value={k.value}
                    suffix={
                      k.suffix ? (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {k.suffix}
                        </Typography.Text>
                      ) : undefined
                    }
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} lg={groupOption ? 12 : 24}>
              <Card size="small" title={t('service.metrics.byRootCause')}>
                {rootOption && (
                  <Chart
                    option={rootOption}
                    ariaLabel={t('service.metrics.byRootCauseAria', {
                      list: (byRootCause.data?.groups ?? [])
                        .map((r) => `${groupLabel(r, 'rootCause', t)}: ${r.count}`)
                        .join(', '),
                    })}
                    height={260}
                    data-testid="chart-root-cause"
                  />
                )}
              </Card>
            </Col>
            {groupOption && (
              <Col xs={24} lg={12}>
                <Card
                  size="small"
                  title={t('service.metrics.byGroup', { group: t(`service.metrics.groupBy.${groupBy}`) })}
                >
                  <Chart
                    option={groupOption}
                    ariaLabel={t('service.metrics.byGroup', { group: t(`service.metrics.groupBy.${groupBy}`) })}
                    height={260}
                  />
                </Card>
              </Col>
            )}
          </Row>
          <TrendCard series={metrics.data.series} interval={shownInterval} onInterval={setInterval} />
          <Card size="small" title={t('service.metrics.table', { group: t(`service.metrics.groupBy.${groupBy}`) })}>
            <Table<CaseMetricsRow>
              size="small"
              rowKey={(r) => r.key ?? '∅'}
              pagination={false}
              scroll={{ x: true }}
              dataSource={metrics.data.groups}
              onRow={(r) => ({ 'data-testid': `metrics-row-${r.key ?? 'none'}` }) as HTMLAttributes<HTMLElement>}
              columns={[
                { key: 'group', title: t(`service.metrics.groupBy.${groupBy}`), render: (_, r) => label(r) },
                {
                  key: 'count',
                  title: t('service.metrics.count'),
                  align: 'right',
                  render: (_, r) => (
                    <span data-testid={`metric-count-${r.key ?? 'none'}`}>{format.number(r.count)}</span>
                  ),
                },
                {
                  key: 'resolved',
                  title: t('service.metrics.resolved'),
                  align: 'right',
                  render: (_, r) => format.number(r.resolved),
                },
                {
                  key: 'fr',
                  title: t('service.metrics.firstResponseMeanP90'),
                  render: (_, r) => `${minutes(r.firstResponseMean)} / ${minutes(r.firstResponseP90)}`,
                },
                {
                  key: 'res',
                  title: t('service.metrics.resolutionMeanP90'),
                  render: (_, r) => `${minutes(r.resolutionMean)} / ${minutes(r.resolutionP90)}`,
                },
                {
                  key: 'breach',
                  title: t('service.metrics.breachRate'),
                  align: 'right',
                  render: (_, r) => formatRate(r.breachRate, format.locale),
                },
                {
                  key: 'reopen',
                  title: t('service.metrics.reopenRate'),
                  align: 'right',
                  render: (_, r) => formatRate(r.reopenRate, format.locale),
                },
                {
                  key: 'csat',
                  title: t('service.metrics.csatMean'),
                  align: 'right',
                  render: (_, r) => formatScore(r.csatMean, format.locale),
                },
              ]}
            />
          </Card>
        </>
      )}
    </div>
  );
}
