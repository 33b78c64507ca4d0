import { useState } from 'react';
import { Card, Empty, Segmented, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { AuditDailyCount } from '../../../api/types.ts';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { actionLabel } from '../shared/auditLabels.ts';
import { lastDays, pivotDaily, type DailyRow } from './dailyCounts.ts';

const periods = [7, 30, 90] as const;

/**
 * Anonymous grievances and their follow-ups write no audit row (its time could point to the writer); the server only
 * counts them per day. This card shows those counts.
 */
export function DailyCounts() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [days, setDays] = useState<number>(30);
  const range = lastDays(days);
  const counts = useQuery({
    queryKey: ['audit', 'daily-counts', range.from, range.to],
    queryFn: ({ signal }) => api<{ items: AuditDailyCount[] }>('/api/audit/daily-counts', { query: range, signal }),
  });
  const { actions, rows, totals } = pivotDaily(counts.data?.items ?? []);
  const number = (v: number | undefined) => format.number(v ?? 0);
  return (
    <Card
      size="small"
      title={t('audit.daily.title')}
      style={{ marginBottom: 16 }}
      extra={
        <Segmented
          size="small"
          value={days}
          onChange={(v) => setDays(Number(v))}
          options={periods.map((n) => ({ value: n, label: t('audit.daily.lastDays', { n }) }))}
          aria-label={t('audit.daily.range')}
        />
      }
      data-testid="audit-daily"
    >
      <Typography.Paragraph type="secondary">{t('audit.daily.hint')}</Typography.Paragraph>
      {counts.error ? (
        <QueryError error={counts.error} onRetry={() => void counts.refetch()} />
      ) : (
        <Table<DailyRow>
          size="small"
          rowKey="day"
          loading={counts.isPending}
          dataSource={rows}
          pagination={{ pageSize: 7, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.daily.empty')} /> }}
          columns={[
            { key: 'day', title: t('audit.daily.day'), render: (_v, r) => format.date(`${r.day}T12:00:00`) },
            ...actions.map((a) => ({
              key: a,
              title: actionLabel(a, t, i18n),
              align: 'right' as const,
              render: (_v: unknown, r: DailyRow) => number(r.counts[a]),
            })),
            { key: 'total', title: t('audit.daily.total'), align: 'right', render: (_v, r) => number(r.total) },
          ]}
          summary={() =>
            rows.length > 1 ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>{t('audit.daily.total')}</Table.Summary.Cell>
                {actions.map((a, i) => (
                  <Table.Summary.Cell key={a} index={i + 1} align="right">
                    {number(totals.counts[a])}
                  </Table.Summary.Cell>
                ))}
                <Table.Summary.Cell index={actions.length + 1} align="right">
                  <strong data-testid="audit-daily-total">{number(totals.total)}</strong>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      )}
    </Card>
  );
}
