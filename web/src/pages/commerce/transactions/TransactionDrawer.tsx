import { Descriptions, Drawer, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Transaction, TransactionLine } from '../../../api/types.ts';
import { PartyLink } from '../../parties/shared/labels.tsx';
import { UserName } from '../../../components/UserName/UserName.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';

/** One transaction: who, when, how much, and its lines. */
export function TransactionDrawer({ transaction, onClose }: { transaction: Transaction | null; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const x = transaction;
  const money = (v: string) => format.money(Number(v), x?.currency ?? 'CNY');
  return (
    <Drawer
      open={Boolean(x)}
      onClose={onClose}
      width={640}
      title={t('value.transactions.detail')}
      destroyOnHidden
      data-testid="transaction-drawer"
    >
      {x && (
        <>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('value.transactions.party')}>
              <PartyLink id={x.partyId} name={x.partyName} />
            </Descriptions.Item>
            <Descriptions.Item label={t('value.transactions.occurredAt')}>
              {format.dateTime(x.occurredAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('value.transactions.amount')}>
              <Typography.Text strong data-testid="transaction-amount">
                {money(x.amount)}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('value.transactions.channel')}>
              {x.channel ? t(`value.channels.${x.channel}`, { defaultValue: x.channel }) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('value.externalId')}>{x.externalId ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('value.transactions.note')}>{x.note ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('value.transactions.recordedBy')}>
              <UserName id={x.createdBy} />
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('value.transactions.lines')}
          </Typography.Title>
          <Table<TransactionLine>
            size="small"
            rowKey={(l) => String(l.lineNo)}
            dataSource={x.lines}
            pagination={false}
            data-testid="transaction-lines"
            locale={{ emptyText: t('value.transactions.noLines') }}
            columns={[
              { key: 'lineNo', title: '#', dataIndex: 'lineNo', width: 48 },
              {
                key: 'product',
                title: t('value.transactions.product'),
                render: (_: unknown, l: TransactionLine) => l.productName ?? l.productId,
              },
              {
                key: 'quantity',
                title: t('value.transactions.quantity'),
                align: 'right',
                render: (_: unknown, l: TransactionLine) => format.number(Number(l.quantity)),
              },
              {
                key: 'unitPrice',
                title: t('value.transactions.unitPrice'),
                align: 'right',
                render: (_: unknown, l: TransactionLine) => money(l.unitPrice),
              },
              {
                key: 'amount',
                title: t('value.transactions.amount'),
                align: 'right',
                render: (_: unknown, l: TransactionLine) => money(l.amount),
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
