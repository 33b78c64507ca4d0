import { Alert, Card, Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { useBacktest, useContractRenewals } from '../shared/api.ts';
import { percent } from '../shared/money.ts';
import type { ContractRenewalLine } from '../shared/types.ts';

/** How the score would have ranked the people who actually left in the past 12 months. */
export function BacktestCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const bt = useBacktest();
  const pct = (v: number | undefined) => (v === undefined ? '—' : `${Math.round(v * 10) / 10}%`);
  return (
    <Card size="small" title={t('people.attrition.backtest')} data-testid="attrition-backtest">
      {bt.isError ? (
        <QueryError error={bt.error} onRetry={() => void bt.refetch()} />
      ) : (
        bt.data && (
          <>
            <Descriptions size="small" column={2}>
              <Descriptions.Item label={t('people.attrition.scoredOn')}>
                {bt.data.scoredOn ? format.date(bt.data.scoredOn) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('people.attrition.asOf')}>{format.date(bt.data.asOf)}</Descriptions.Item>
              <Descriptions.Item label={t('people.attrition.population')}>{bt.data.population}</Descriptions.Item>
              <Descriptions.Item label={t('people.attrition.leavers')}>{bt.data.leavers}</Descriptions.Item>
              <Descriptions.Item label={t('people.attrition.topBandSize')}>{bt.data.topBandSize}</Descriptions.Item>
              <Descriptions.Item label={t('people.attrition.leaversInTopBand')}>
                {bt.data.leaversInTopBand} ({pct(bt.data.share)})
              </Descriptions.Item>
            </Descriptions>
            <Alert
              type="info"
              showIcon
              data-testid="backtest-summary"
              message={
                bt.data.leavers === 0
                  ? t('people.attrition.backtestNone')
                  : t('people.attrition.backtestSummary', {
                      share: pct(bt.data.share),
                      leavers: bt.data.leavers,
                      inTop: bt.data.leaversInTopBand,
                      random: pct(bt.data.topBandShare),
                    })
              }
              description={bt.data.note ?? undefined}
            />
          </>
        )
      )}
    </Card>
  );
}

/** Units whose expiring contracts are mostly without renewal intent (below the org's share) are flagged. */
export function RenewalsCard() {
  const { t } = useTranslation();
  const renewals = useContractRenewals();
  const data = renewals.data;
  return (
    <Card
      size="small"
      title={t('people.attrition.renewals', { days: data?.withinDays ?? '…' })}
      data-testid="contract-renewals"
    >
      {renewals.isError ? (
        <QueryError error={renewals.error} onRetry={() => void renewals.refetch()} />
      ) : (
        <>
          {data && (
            <Typography.Paragraph type="secondary">
              {t('people.attrition.flagRule', { share: percent(data.flagShare) })}
            </Typography.Paragraph>
          )}
          <Table<ContractRenewalLine>
            size="small"
            rowKey={(r) => r.orgUnitId ?? ''}
            loading={renewals.isPending}
            pagination={false}
            dataSource={data?.items ?? []}
            columns={[
              { title: t('people.file.orgUnit'), render: (_, r) => r.name ?? t('people.turnover.noUnit') },
              { title: t('people.attrition.expiring'), align: 'right', dataIndex: 'expiring' },
              { title: t('people.attrition.withIntent'), align: 'right', dataIndex: 'withIntent' },
              { title: t('people.attrition.share'), align: 'right', render: (_, r) => percent(r.share) },
              {
                title: '',
                render: (_, r) =>
                  r.flagged ? (
                    <Tag color="red" data-testid="renewal-flag">
                      {t('people.attrition.flagged')}
                    </Tag>
                  ) : null,
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
