import { Card, Progress, Table, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { TableExportButton } from '../../../components/export/TableExportButton.tsx';
import type { ExportTable } from '../../../components/export/tableExport.ts';
import { formatScore } from '../shared/format.ts';
import type { Capability } from '../shared/types.ts';

type Indicator = Capability['indicators'][number];

const rawText = (i: Indicator) =>
  i.raw === null ? '—' : `${Math.round(i.raw * 100) / 100}${i.unit === '%' ? '%' : i.unit ? ` ${i.unit}` : ''}`;

/** What to record when an indicator has no data: its own hint (the catalogue's English text stands in for zh too). */
function missingText(t: TFunction, i: Indicator): string | null {
  if (!i.missing) {
    return null;
  }
  return t('insight.capability.missing', {
    what: t(`insight.capability.record.${i.key}`, { defaultValue: i.missing.whatToRecord }),
  });
}

function indicatorTable(t: TFunction, c: Capability): ExportTable {
  return {
    name: t('insight.capability.indicatorTable'),
    header: [
      t('insight.capability.indicator'),
      t('insight.capability.capability'),
      t('insight.capability.raw'),
      t('insight.capability.unit'),
      t('insight.capability.target'),
      t('insight.capability.score'),
      t('insight.capability.coverage'),
      t('insight.capability.weight'),
      t('insight.capability.missingColumn'),
    ],
    rows: c.indicators.map((i) => [
      t(`insight.capability.indicators.${i.key}`),
      t(`insight.capability.capabilities.${i.capability}`),
      i.raw,
      i.unit,
      i.target,
      i.score,
      i.coverage,
      i.weight,
      missingText(t, i),
    ]),
  };
}

/** Raw value, target, 0–100 score and coverage per indicator; a missing one says what to record (never a zero). */
export function IndicatorTable({ capability }: { capability: Capability }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t('insight.capability.indicatorTable')}
      style={{ marginBottom: 16 }}
      extra={<TableExportButton table={() => indicatorTable(t, capability)} data-testid="capability-export" />}
    >
      <Table<Indicator>
        size="small"
        rowKey="key"
        dataSource={capability.indicators}
        pagination={false}
        data-testid="capability-indicators"
        columns={[
          {
            key: 'name',
            title: t('insight.capability.indicator'),
            render: (_, i) => (
              <span>
                {t(`insight.capability.indicators.${i.key}`)} <Tag>{t(`insight.capability.kinds.${i.kind}`)}</Tag>
              </span>
            ),
          },
          {
            key: 'capability',
            title: t('insight.capability.capability'),
            render: (_, i) => t(`insight.capability.capabilities.${i.capability}`),
          },
          { key: 'raw', title: t('insight.capability.raw'), align: 'right', render: (_, i) => rawText(i) },
          {
            key: 'target',
            title: t('insight.capability.target'),
            align: 'right',
            render: (_, i) => (i.target === null ? '—' : `${i.direction === 'down' ? '≤' : '≥'} ${i.target}`),
          },
          {
            key: 'score',
            title: t('insight.capability.score'),
            width: 180,
            render: (_, i) =>
              i.score === null ? (
                <Typography.Text type="warning" data-testid={`missing-${i.key}`}>
                  {missingText(t, i) ?? '—'}
                </Typography.Text>
              ) : (
                <Progress percent={Math.round(i.score)} size="small" format={() => formatScore(i.score)} />
              ),
          },
          {
            key: 'coverage',
            title: t('insight.capability.coverage'),
            align: 'right',
            render: (_, i) => `${Math.round(i.coverage * 100)}%`,
          },
        ]}
      />
    </Card>
  );
}
