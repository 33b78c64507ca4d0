import { useMemo } from 'react';
import { Card } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EChartsOption } from 'echarts';
import { api } from '../../../api/client.ts';
import { roles } from '@tandem/server/api';
import type { RoleCount } from '../../../api/types.ts';
import { Chart } from '../../../components/Chart/Chart.tsx';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { EmptyState, PageLoading } from '../../../components/feedback/states.tsx';
import { formatNumber } from '../../../i18n/format.ts';

/** Users per role, counted by the server (`GET /api/users/stats`). */
export function RolesChart() {
  const { t, i18n } = useTranslation();
  const stats = useQuery({
    queryKey: ['users', 'stats'],
    queryFn: ({ signal }) => api<{ items: RoleCount[] }>('/api/users/stats', { signal }),
  });
  // Every role is shown, zero where the server counted nobody, so charts compare across organisations.
  const items = useMemo(() => {
    const counts = new Map((stats.data?.items ?? []).map((i) => [i.role, i.count]));
    return stats.data ? roles.map((role) => ({ role, count: counts.get(role) ?? 0 })) : [];
  }, [stats.data]);
  const option = useMemo<EChartsOption>(
    () => ({
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v) => formatNumber(Number(v), i18n.language) },
      xAxis: { type: 'category', data: items.map((i) => t(`roles.${i.role}`)), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('settings.usersPerRole'),
          data: items.map((i) => i.count),
          itemStyle: { color: '#1668dc', borderRadius: [4, 4, 0, 0] },
          barMaxWidth: 40,
        },
      ],
    }),
    [items, t, i18n.language],
  );
  let body;
  if (stats.isPending) {
    body = <PageLoading minHeight={280} />;
  } else if (stats.error) {
    body = <QueryError error={stats.error} onRetry={() => void stats.refetch()} />;
  } else if (items.length === 0) {
    body = <EmptyState />;
  } else {
    body = (
      <Chart
        option={option}
        height={280}
        ariaLabel={t('settings.usersPerRoleAria', {
          list: items.map((i) => `${t(`roles.${i.role}`)} ${i.count}`).join(', '),
        })}
        data-testid="roles-chart"
      />
    );
  }
  return (
    <Card title={t('settings.usersPerRole')} size="small">
      {body}
    </Card>
  );
}
