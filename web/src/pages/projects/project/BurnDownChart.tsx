import type { EChartsOption } from 'echarts';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../components/Chart/Chart.tsx';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useBurnDown } from '../shared/api.ts';

/** Cumulative cost by day against the budget line (the server computes both in numeric money). */
export function BurnDownChart({ id }: { id: string }) {
  const { t } = useTranslation();
  const q = useBurnDown(id);
  if (q.isPending) {
    return <PageLoading />;
  }
  if (q.error) {
    return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  }
  if (q.data.note) {
    return <Alert type="info" showIcon message={t('projects.noCosts')} />;
  }
  const budget = Number(q.data.budget);
  const option: EChartsOption = {
    tooltip: { trigger: 'axis' },
    legend: { data: [t('projects.spent'), t('projects.budget')] },
    xAxis: { type: 'category', data: q.data.days.map((d) => d.day) },
    yAxis: { type: 'value' },
    series: [
      { name: t('projects.spent'), type: 'line', step: 'end', data: q.data.days.map((d) => Number(d.spent)) },
      { name: t('projects.budget'), type: 'line', data: q.data.days.map(() => budget), lineStyle: { type: 'dashed' } },
    ],
  };
  return (
    <Chart
      option={option}
      ariaLabel={t('projects.burnDown')}
      height={280}
      pngName="burn-down"
      data-testid="burn-down"
    />
  );
}
