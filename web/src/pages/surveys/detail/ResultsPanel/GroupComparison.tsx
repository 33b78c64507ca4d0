import { Card, Table } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../i18n/useFormat.ts';
import { labelledBars } from './charts.ts';
import type { GroupRow, Headline } from './results.ts';
import { Suppressed } from './Suppressed.tsx';
import { SurveyChart } from './SurveyChart.tsx';

function headlineText(h: Headline, t: TFunction, number: (v: number) => string) {
  if (!h) {
    return '—';
  }
  return `${t(`surveys.results.headline.${h.kind}`)} ${number(h.value)}${h.kind === 'csat' ? '%' : ''}`;
}

/** Groups side by side; suppressed groups say so and show nothing else. */
export function GroupComparison({ rows, k }: { rows: GroupRow[]; k: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const shown = rows.filter((r): r is Extract<GroupRow, { suppressed: false }> => !r.suppressed && r.headline !== null);
  return (
    <Card size="small" title={t('surveys.results.groups')} style={{ marginBottom: 16 }} data-testid="group-comparison">
      {shown.length > 1 && (
        <SurveyChart
          option={labelledBars(
            shown.map((r) => r.name),
            shown.map((r) => r.headline?.value ?? 0),
            t(`surveys.results.headline.${shown[0]?.headline?.kind ?? 'mean'}`),
          )}
          height={Math.max(140, 34 * shown.length)}
          ariaLabel={t('surveys.results.groupsAria')}
        />
      )}
      <Table<GroupRow>
        size="small"
        rowKey="key"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'name', title: t('surveys.results.group'), render: (_v, r) => r.name },
          {
            key: 'n',
            title: t('surveys.results.responses'),
            align: 'right',
            render: (_v, r) => (r.suppressed ? <Suppressed k={k} /> : format.number(r.n)),
          },
          {
            key: 'rate',
            title: t('surveys.results.responseRate'),
            align: 'right',
            render: (_v, r) => (r.suppressed || r.responseRate === null ? '—' : `${format.number(r.responseRate)}%`),
          },
          {
            key: 'headline',
            title: t('surveys.results.keyMetric'),
            render: (_v, r) => (r.suppressed ? '—' : headlineText(r.headline, t, format.number)),
          },
        ]}
      />
    </Card>
  );
}
