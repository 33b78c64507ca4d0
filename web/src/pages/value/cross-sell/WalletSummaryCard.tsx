import { Card, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/useFormat.ts';
import { useWalletSummary } from '../shared/api.ts';
import { formatShare } from '../shared/labels.ts';

/** Share of wallet over the customers you may see that have an estimate: the mean share, and Σ ours / Σ estimated. */
export function WalletSummaryCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const q = useWalletSummary();
  const w = q.data;
  const currency = w?.currency ?? 'CNY';
  return (
    <Card size="small" loading={q.isPending} data-testid="value-wallet-summary">
      <Statistic title={t('value.wallet.averageShare')} value={formatShare(w?.averageShare, format.locale)} />
      {w && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {w.customers > 0
            ? t('value.wallet.summaryHint', {
                customers: format.number(w.customers),
                share: formatShare(w.aggregateShare, format.locale),
                ours: format.money(Number(w.ourSpend), currency),
                estimated: format.money(Number(w.estimatedSpend), currency),
              })
            : t('value.wallet.noEstimates')}
        </Typography.Text>
      )}
      {q.isError && <Typography.Text type="danger">{t('errors.UNKNOWN')}</Typography.Text>}
    </Card>
  );
}
