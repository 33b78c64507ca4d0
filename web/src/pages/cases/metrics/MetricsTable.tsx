import type { HTMLAttributes } from 'react';
import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseMetricsRow } from '../../../api/types.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { useDurationUnits } from '../shared/useDurationUnits.ts';
import { formatBusinessMinutes, formatRate, formatScore, groupLabel } from '../shared/metrics.ts';
import type { Grouping } from './MetricsFilters.tsx';

/** Every group's numbers in a table. */
export function MetricsTable({ rows, groupBy }: { rows: CaseMetricsRow[]; groupBy: Grouping }) {
  const { t } = useTranslation();
  const format = useFormat();
  const units = useDurationUnits();
  const minutes = (v: number | null) => formatBusinessMinutes(v, units);
  const groupTitle = t(`service.metrics.groupBy.${groupBy}`);
  return (
    <Card size="small" title={t('service.metrics.table', { group: groupTitle })}>
      <Table<CaseMetricsRow>
        size="small"
        rowKey={(r) => r.key ?? '∅'}
        pagination={false}
        scroll={{ x: true }}
        dataSource={rows}
        onRow={(r) => ({ 'data-testid': `metrics-row-${r.key ?? 'none'}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'group', title: groupTitle, render: (_, r) => groupLabel(r, groupBy, t) },
          {
            key: 'count',
            title: t('service.metrics.count'),
            align: 'right',
            render: (_, r) => <span data-testid={`metric-count-${r.key ?? 'none'}`}>{format.number(r.count)}</span>,
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
  );
}
