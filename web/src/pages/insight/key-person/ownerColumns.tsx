import { Button, Progress, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { useFormat } from '../../../i18n/useFormat.ts';
import { formatShare } from '../../value/shared/labels.ts';
import type { ExportTable } from '../../../components/export/tableExport.ts';
import type { KeyPerson, KeyPersonOwner } from '../shared/types.ts';

type Format = ReturnType<typeof useFormat>;
const bandColor: Record<string, string> = { high: 'red', medium: 'orange', low: 'green' };

/** The owner table's columns: exposure as a bar (its share of the organisation's revenue left without a backup). */
export function ownerColumns(
  t: TFunction,
  format: Format,
  currency: string,
  onBackups: (owner: KeyPersonOwner) => void,
): TableColumnsType<KeyPersonOwner> {
  return [
    {
      key: 'name',
      title: t('insight.keyPerson.owner'),
      render: (_, o) => (
        <span>
          {o.name} {!o.active && <Tag>{t('insight.keyPerson.inactive')}</Tag>}
        </span>
      ),
    },
    {
      key: 'customers',
      title: t('insight.keyPerson.customers'),
      align: 'right',
      render: (_, o) => format.number(o.customers),
    },
    {
      key: 'revenue',
      title: t('insight.keyPerson.revenue'),
      align: 'right',
      sorter: (a, b) => a.revenue - b.revenue,
      render: (_, o) => format.money(o.revenue, currency),
    },
    {
      key: 'share',
      title: t('insight.keyPerson.revenueShare'),
      align: 'right',
      render: (_, o) => formatShare(o.revenueShare, format.locale),
    },
    {
      key: 'coverage',
      title: t('insight.keyPerson.backupCoverage'),
      render: (_, o) => (
        <span data-testid={`coverage-${o.userId}`}>
          {formatShare(o.backupCoverage, format.locale)}{' '}
          <Typography.Text type="secondary">
            ({t('insight.keyPerson.withBackup', { n: o.customersWithBackup, total: o.customers })})
          </Typography.Text>
        </span>
      ),
    },
    {
      key: 'exposure',
      title: t('insight.keyPerson.exposure'),
      width: 200,
      defaultSortOrder: 'descend',
      sorter: (a, b) => a.exposure - b.exposure,
      render: (_, o) => (
        <div data-testid={`exposure-${o.userId}`} data-exposure={o.exposure}>
          <Progress
            percent={Math.round(o.exposure * 1000) / 10}
            size="small"
            status={o.exposure >= 0.2 ? 'exception' : 'normal'}
            format={() => formatShare(o.exposure, format.locale)}
          />
        </div>
      ),
    },
    {
      key: 'attrition',
      title: t('insight.keyPerson.attrition'),
      render: (_, o) =>
        o.attritionRisk ? (
          <Tag color={bandColor[o.attritionRisk.band]}>
            {t(`people.riskBands.${o.attritionRisk.band}`, { defaultValue: o.attritionRisk.band })} ·{' '}
            {Math.round(o.attritionRisk.score)}
          </Tag>
        ) : (
          <Typography.Text type="secondary">{t('insight.keyPerson.notScored')}</Typography.Text>
        ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, o) => (
        <Button
          size="small"
          onClick={() => onBackups(o)}
          disabled={o.customers === 0}
          data-testid={`backups-${o.userId}`}
        >
          {t('insight.keyPerson.assignBackups')}
        </Button>
      ),
    },
  ];
}

/** The table as exported: plain numbers (shares 0–1) so a spreadsheet can compute with them. */
export function ownersTable(t: TFunction, data: KeyPerson): ExportTable {
  return {
    name: t('insight.keyPerson.title'),
    header: [
      t('insight.keyPerson.owner'),
      t('insight.keyPerson.customers'),
      t('insight.keyPerson.customersWithBackup'),
      `${t('insight.keyPerson.revenue')} (${data.currency ?? ''})`,
      t('insight.keyPerson.revenueShare'),
      t('insight.keyPerson.backupCoverage'),
      t('insight.keyPerson.exposure'),
      t('insight.keyPerson.attrition'),
    ],
    rows: data.owners.map((o) => [
      o.name,
      o.customers,
      o.customersWithBackup,
      o.revenue,
      o.revenueShare,
      o.backupCoverage,
      o.exposure,
      o.attritionRisk?.score ?? null,
    ]),
  };
}
