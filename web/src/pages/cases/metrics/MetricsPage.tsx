import { useState } from 'react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MetricsInterval } from '../../../api/types.ts';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { useCaseMetrics } from '../shared/api.ts';
import { defaultInterval } from '../shared/metrics.ts';
import { GroupCharts } from './GroupCharts.tsx';
import { KpiCards } from './KpiCards.tsx';
import { MetricsFilters, type MetricsFilterValues } from './MetricsFilters.tsx';
import { MetricsTable } from './MetricsTable.tsx';
import { TrendCard } from './TrendCard.tsx';

/** `/service/metrics`: case KPIs over a date range, grouped by root cause, type, assignee or org unit. */
export default function MetricsPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<MetricsFilterValues>(() => ({
    range: [dayjs().subtract(29, 'day').startOf('day'), dayjs().endOf('day')],
    groupBy: 'rootCause',
    type: undefined,
  }));
  const [interval, setInterval] = useState<MetricsInterval | null>(null);
  const { range, groupBy, type } = filters;
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

  return (
    <div data-testid="metrics-page">
      <PageHeader title={t('nav.serviceMetrics')} description={t('service.metrics.description')} />
      <MetricsFilters value={filters} onChange={(change) => setFilters((f) => ({ ...f, ...change }))} />
      {metrics.isError ? (
        <QueryError error={metrics.error} onRetry={() => void metrics.refetch()} />
      ) : !metrics.data ? (
        <PageLoading minHeight={300} />
      ) : (
        <>
          <KpiCards total={metrics.data.total} />
          <GroupCharts byRootCause={byRootCause.data?.groups} groups={metrics.data.groups} groupBy={groupBy} />
          <TrendCard series={metrics.data.series} interval={shownInterval} onInterval={setInterval} />
          <MetricsTable rows={metrics.data.groups} groupBy={groupBy} />
        </>
      )}
    </div>
  );
}
