import { useState } from 'react';
import { Card, Select, Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { EmptyState, PageLoading } from '../../../components/feedback/states.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { useCohorts } from '../shared/api.ts';
import { shareColor } from '../shared/charts.ts';
import { formatShare } from '../shared/labels.ts';
import { monthsBefore } from '../shared/period.ts';
import type { Cohorts } from '../shared/types.ts';

type Cohort = Cohorts['cohorts'][number];

/** Retention by month of first purchase: for each cohort, the share that bought again k months later. */
export function CohortCard({ to }: { to: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [span, setSpan] = useState(12);
  const q = useCohorts(monthsBefore(to, span));
  // A month without first purchases (e.g. the one just begun) has nothing to show.
  const cohorts = (q.data?.cohorts ?? []).filter((c) => c.size > 0);
  const months = Math.max(0, ...cohorts.map((c) => c.retention.length));
  const columns = [
    { key: 'month', title: t('value.cohorts.month'), dataIndex: 'month', fixed: 'left' as const, width: 90 },
    {
      key: 'size',
      title: t('value.cohorts.size'),
      width: 80,
      align: 'right' as const,
      render: (_: unknown, c: Cohort) => format.number(c.size),
    },
    ...Array.from({ length: months }, (_, k) => ({
      key: `k${k}`,
      title: t('value.cohorts.monthK', { k }),
      width: 64,
      align: 'center' as const,
      onCell: (c: Cohort) => {
        const cell = c.retention[k];
        return {
          style: cell ? { background: shareColor(cell.share), color: cell.share > 0.55 ? '#fff' : undefined } : {},
        };
      },
      render: (_: unknown, c: Cohort) => {
        const cell = c.retention[k];
        return cell ? (
          <Tooltip title={t('value.cohorts.cell', { customers: cell.customers, size: c.size })}>
            <span>{formatShare(cell.share, format.locale, 0)}</span>
          </Tooltip>
        ) : null;
      },
    })),
  ];
  return (
    <Card
      title={t('value.cohorts.title')}
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="value-cohorts"
      extra={
        <Select
          size="small"
          value={span}
          onChange={setSpan}
          options={[6, 12, 24].map((n) => ({ value: n, label: t('value.cohorts.span', { count: n }) }))}
          aria-label={t('value.cohorts.spanLabel')}
          style={{ width: 150 }}
        />
      }
    >
      <Typography.Paragraph type="secondary">{t('value.cohorts.description')}</Typography.Paragraph>
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data ? (
        <PageLoading minHeight={200} />
      ) : cohorts.length === 0 ? (
        <EmptyState description={t('value.notEnoughData')} />
      ) : (
        <Table<Cohort>
          size="small"
          rowKey="month"
          columns={columns}
          dataSource={cohorts}
          pagination={false}
          scroll={{ x: 'max-content' }}
          bordered
        />
      )}
    </Card>
  );
}
