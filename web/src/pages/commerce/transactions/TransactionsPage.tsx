import { useMemo, useState } from 'react';
import { DatePicker, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Transaction } from '../../../api/types.ts';
import { DataTable, type DataColumn } from '../../../components/DataTable/index.ts';
import { PartyLink } from '../../parties/shared/labels.tsx';
import { transactionsEndpoint, useProductOptions } from '../shared/api.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { PartyFilter, PartyName } from './PartyFilter.tsx';
import { TransactionDrawer } from './TransactionDrawer.tsx';
import { linesSummary } from './lines.ts';

/** `/value/transactions`: purchases of the parties you may see, with their lines in a drawer. */
export default function TransactionsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const products = useProductOptions();
  const [open, setOpen] = useState<Transaction | null>(null);
  const productOptions = useMemo(() => products.data ?? [], [products.data]);
  const columns = useMemo<DataColumn<Transaction>[]>(
    () => [
      {
        key: 'occurredAt',
        title: t('value.transactions.occurredAt'),
        sortable: true,
        filter: {
          type: 'custom',
          param: 'from',
          render: (value, onChange) => (
            <DatePicker
              value={typeof value === 'string' ? dayjs(value) : null}
              onChange={(d) => onChange(d ? d.startOf('day').toISOString() : null)}
              aria-label={t('value.transactions.since')}
              placeholder={t('value.transactions.since')}
            />
          ),
          display: (v) => t('value.transactions.sinceValue', { date: format.date(String(v)) }),
        },
        render: (x) => format.dateTime(x.occurredAt),
      },
      {
        key: 'partyId',
        title: t('value.transactions.party'),
        filter: {
          type: 'custom',
          render: (value, onChange) => (
            <PartyFilter value={typeof value === 'string' ? value : null} onChange={onChange} />
          ),
          display: (v) => <PartyName id={String(v)} />,
        },
        exportKeys: ['partyName'],
        render: (x) => <PartyLink id={x.partyId} name={x.partyName} />,
      },
      {
        key: 'amount',
        title: t('value.transactions.amount'),
        align: 'right',
        exportKeys: ['amount', 'currency'],
        render: (x) => <Typography.Text strong>{format.money(Number(x.amount), x.currency)}</Typography.Text>,
      },
      { key: 'currency', title: t('value.currency'), hidden: true },
      {
        key: 'channel',
        title: t('value.transactions.channel'),
        filter: { type: 'text' },
        render: (x) => (x.channel ? t(`value.channels.${x.channel}`, { defaultValue: x.channel }) : '—'),
      },
      {
        key: 'products',
        title: t('value.transactions.products'),
        filter: { type: 'select', param: 'productId', options: productOptions },
        // The readable export writes a transaction per line (docs/domain.md "Exports").
        exportKeys: ['productName', 'quantity', 'unitPrice', 'lineAmount'],
        render: (x) => (
          <Typography.Text ellipsis style={{ maxWidth: 280 }}>
            {linesSummary(x.lines, (n) => format.number(n)) || '—'}
          </Typography.Text>
        ),
      },
      { key: 'externalId', title: t('value.externalId'), hidden: true },
      {
        key: 'note',
        title: t('value.transactions.note'),
        hidden: true,
        render: (x) => (
          <Typography.Text ellipsis style={{ maxWidth: 240 }}>
            {x.note ?? ''}
          </Typography.Text>
        ),
      },
    ],
    [t, format, productOptions],
  );
  return (
    <div data-testid="transactions-page">
      <PageHeader title={t('nav.transactions')} description={t('value.transactions.description')} />
      <DataTable<Transaction>
        tableKey="transactions"
        endpoint={transactionsEndpoint}
        exportEndpoint={`${transactionsEndpoint}/export`}
        columns={columns}
        rowKey={(x) => x.id}
        rowLabel={(x) => `${format.dateTime(x.occurredAt)} ${x.amount} ${x.currency}`}
        onOpen={setOpen}
        defaultSort="-occurredAt"
        syncUrl
        data-testid="transactions-table"
      />
      <TransactionDrawer transaction={open} onClose={() => setOpen(null)} />
    </div>
  );
}
