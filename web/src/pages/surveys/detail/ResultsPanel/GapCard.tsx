import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../i18n/useFormat.ts';
import { gapBars } from './charts.ts';
import type { gapRows } from './results.ts';
import { SurveyChart } from './SurveyChart.tsx';

export type GapRow = ReturnType<typeof gapRows>[number] & { label: string };

/** Expected against perceived per value dimension (gap surveys): bars and the numbers. */
export function GapCard({ gaps }: { gaps: GapRow[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card size="small" title={t('surveys.results.gaps')} style={{ marginBottom: 16 }} data-testid="gap-bars">
      <SurveyChart
        option={gapBars(gaps, {
          gap: t('surveys.results.gap'),
          expected: t('surveys.gap.expected'),
          perceived: t('surveys.gap.perceived'),
        })}
        height={Math.max(160, 34 * gaps.length)}
        ariaLabel={t('surveys.results.gapsAria', { list: gaps.map((g) => `${g.label} ${g.gap}`).join(', ') })}
      />
      <Table
        size="small"
        rowKey="dimension"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={gaps}
        columns={[
          { key: 'd', title: t('surveys.builder.dimension'), render: (_v, g) => g.label },
          { key: 'e', title: t('surveys.gap.expected'), align: 'right', render: (_v, g) => format.number(g.expected) },
          {
            key: 'p',
            title: t('surveys.gap.perceived'),
            align: 'right',
            render: (_v, g) => format.number(g.perceived),
          },
          {
            key: 'g',
            title: t('surveys.results.gap'),
            align: 'right',
            render: (_v, g) => (
              <Typography.Text
                type={g.gap < 0 ? 'danger' : 'success'}
              >{`${g.gap > 0 ? '+' : ''}${format.number(g.gap)}`}</Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
