import { useState } from 'react';
import { Button, Card, Table, Typography } from 'antd';
import { EditOutlined, WalletOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { useWallet } from './api.ts';
import { formatShare } from './labels.ts';
import type { Wallet } from './types.ts';
import { WalletModal } from './WalletModal.tsx';

type Row = Wallet['categories'][number];

/** Share of wallet on the party page: estimated spend per category (all suppliers), ours over 365 days, the share. */
export function WalletCard({ partyId, editable }: { partyId: string; editable: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const q = useWallet(partyId);
  const [editing, setEditing] = useState(false);
  const w = q.data;
  const money = (v: string) => format.money(Number(v), w?.currency ?? 'CNY');
  const columns = [
    { key: 'category', title: t('value.wallet.category'), dataIndex: 'category' },
    {
      key: 'estimatedSpend',
      title: t('value.wallet.estimatedSpend'),
      align: 'right' as const,
      render: (_: unknown, r: Row) => money(r.estimatedSpend),
    },
    {
      key: 'ourSpend',
      title: t('value.wallet.ourSpend'),
      align: 'right' as const,
      render: (_: unknown, r: Row) => money(r.ourSpend),
    },
    {
      key: 'share',
      title: t('value.wallet.share'),
      align: 'right' as const,
      render: (_: unknown, r: Row) => formatShare(r.share, format.locale),
    },
  ];
  return (
    <Card
      size="small"
      title={
        <span>
          <WalletOutlined /> {t('value.wallet.title')}
        </span>
      }
      extra={
        editable &&
        w && (
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="wallet-edit">
            {t('common.edit')}
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
      data-testid="party-wallet"
    >
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : !w ? null : w.categories.length === 0 ? (
        <Typography.Text type="secondary">{t('value.wallet.none')}</Typography.Text>
      ) : (
        <>
          <Typography.Paragraph data-testid="wallet-share" data-share={w.total.share ?? ''}>
            {t('value.wallet.total', {
              share: formatShare(w.total.share, format.locale),
              ours: money(w.total.ourSpend),
              estimated: money(w.total.estimatedSpend),
            })}
          </Typography.Paragraph>
          <Table<Row>
            size="small"
            rowKey="category"
            columns={columns}
            dataSource={w.categories}
            pagination={false}
            data-testid="wallet-table"
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('value.wallet.period', { from: format.date(w.from), to: format.date(w.to) })}
          </Typography.Text>
        </>
      )}
      {w && editable && <WalletModal partyId={partyId} wallet={w} open={editing} onClose={() => setEditing(false)} />}
    </Card>
  );
}
