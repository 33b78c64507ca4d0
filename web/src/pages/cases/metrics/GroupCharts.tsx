import { useMemo } from 'react';
import { Card, Col, Row } from 'antd';
import type { EChartsOption } from 'echarts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CaseMetricsRow } from '../../../api/types.ts';
import { Chart } from '../../../components/Chart/Chart.tsx';
import { barSeries, groupLabel } from '../shared/metrics.ts';
import type { Grouping } from './MetricsFilters.tsx';

function rootCauseOption(rows: CaseMetricsRow[], t: TFunction): EChartsOption {
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
}

function groupOption(rows: CaseMetricsRow[], groupBy: Grouping, t: TFunction): EChartsOption {
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
}

interface Props {
  /** Cases by root cause (always shown). */
  byRootCause: CaseMetricsRow[] | undefined;
  /** Cases by the chosen grouping (a second chart unless that is root cause). */
  groups: CaseMetricsRow[];
  groupBy: Grouping;
}

/** Case counts by root cause, and by the chosen grouping beside it. */
export function GroupCharts({ byRootCause, groups, groupBy }: Props) {
  const { t } = useTranslation();
  const rootOption = useMemo(() => (byRootCause ? rootCauseOption(byRootCause, t) : null), [byRootCause, t]);
  const byGroup = useMemo(
    () => (groupBy === 'rootCause' ? null : groupOption(groups, groupBy, t)),
    [groups, groupBy, t],
  );
  const groupTitle = t('service.metrics.byGroup', { group: t(`service.metrics.groupBy.${groupBy}`) });
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} lg={byGroup ? 12 : 24}>
        <Card size="small" title={t('service.metrics.byRootCause')}>
          {rootOption && (
            <Chart
              option={rootOption}
              ariaLabel={t('service.metrics.byRootCauseAria', {
                list: (byRootCause ?? []).map((r) => `${groupLabel(r, 'rootCause', t)}: ${r.count}`).join(', '),
              })}
              height={260}
              data-testid="chart-root-cause"
            />
          )}
        </Card>
      </Col>
      {byGroup && (
        <Col xs={24} lg={12}>
          <Card size="small" title={groupTitle}>
            <Chart option={byGroup} ariaLabel={groupTitle} height={260} />
          </Card>
        </Col>
      )}
    </Row>
  );
}
