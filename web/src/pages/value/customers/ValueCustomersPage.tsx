import { useMemo, useState } from 'react';
import { Alert, Segmented, Select, Space, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../../auth/session.ts';
import { DataTable, type DataColumn } from '../../../components/DataTable/index.ts';
import { UserName } from '../../../components/UserName/UserName.tsx';
import { UserSelect } from '../../../components/UserSelect/UserSelect.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { useRfmRules, useValueCustomersSnapshot, valueCustomersEndpoint } from '../shared/api.ts';
import { segmentLabel, valueClassLabel } from '../shared/labels.ts';
import { knownSegments } from '../shared/rfm.ts';
import { SegmentTag } from '../shared/SegmentTag.tsx';
import { SnapshotButton } from '../shared/SnapshotButton.tsx';
import {
  snapshotRequesterRoles,
  valueCustomerSorts,
  valueLoyaltyClasses,
  type ValueCustomer,
} from '../shared/types.ts';

type Sort = (typeof valueCustomerSorts)[number];
interface Filters {
  rfmSegment?: string;
  valueClass?: string;
  ownerId?: string;
}

/** `/value/customers`: customers from the latest value snapshot, filtered by segment, class and owner, by value. */
export default function ValueCustomersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { user } = useMe();
  const navigate = useNavigate();
  const snapshot = useValueCustomersSnapshot();
  const [filters, setFilters] = useState<Filters>({});
  const [sort, setSort] = useState<Sort>('clv');
  const [order, setOrder] = useState<'asc' | 'desc'>('desc');
  const columns = useColumns(snapshot.data?.currency ?? null);
  const set = (patch: Filters) => setFilters((f) => ({ ...f, ...patch }));
  const mayTake = hasAnyRole(user, snapshotRequesterRoles);
  const asOf = snapshot.data?.asOf;
  return (
    <div data-testid="value-customers-page">
      <PageHeader
        title={t('nav.valueCustomers')}
        description={t('value.customersPage.description')}
        actions={mayTake && asOf ? <SnapshotButton /> : undefined}
      />
      {snapshot.data && asOf === null && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('value.customersPage.noSnapshot')}
          action={mayTake ? <SnapshotButton /> : undefined}
          data-testid="value-customers-no-snapshot"
        />
      )}
      {asOf && (
        <Typography.Paragraph type="secondary" data-testid="value-customers-asof">
          {t('value.customersPage.asOf', { date: format.date(asOf) })}
        </Typography.Paragraph>
      )}
      {/* The API sorts by `sort` and `order`, not by the table's `sort=-field`: a new sort is a new table. */}
      <DataTable<ValueCustomer>
        key={sort}
        tableKey="value.customers"
        endpoint={valueCustomersEndpoint}
        columns={columns}
        rowKey={(c) => c.partyId}
        defaultSort={sort}
        fixedParams={{ ...filters, order }}
        searchParam="q"
        onOpen={(c) => void navigate(`/parties/${c.partyId}`)}
        toolbar={
          <CustomerFilters
            filters={filters}
            onChange={set}
            sort={sort}
            onSort={setSort}
            order={order}
            onOrder={setOrder}
          />
        }
        data-testid="value-customers-table"
      />
    </div>
  );
}

function CustomerFilters({
  filters,
  onChange,
  sort,
  onSort,
  order,
  onOrder,
}: {
  filters: Filters;
  onChange: (patch: Filters) => void;
  sort: Sort;
  onSort: (sort: Sort) => void;
  order: 'asc' | 'desc';
  onOrder: (order: 'asc' | 'desc') => void;
}) {
  const { t } = useTranslation();
  const rules = useRfmRules();
  const segments = useMemo(
    () => [...new Set([...(rules.data?.rules.map((r) => r.segment) ?? []), ...knownSegments])],
    [rules.data],
  );
  return (
    <Space wrap>
      <Select
        allowClear
        value={filters.rfmSegment}
        onChange={(rfmSegment?: string) => onChange({ rfmSegment })}
        options={segments.map((s) => ({ value: s, label: segmentLabel(t, s) }))}
        placeholder={t('value.rfm.segment')}
        style={{ width: 180 }}
        aria-label={t('value.rfm.segment')}
        data-testid="value-customers-segment"
      />
      <Select
        allowClear
        value={filters.valueClass}
        onChange={(valueClass?: string) => onChange({ valueClass })}
        options={valueLoyaltyClasses.map((c) => ({ value: c, label: valueClassLabel(t, c) }))}
        placeholder={t('value.segments.valueClass')}
        style={{ width: 160 }}
        aria-label={t('value.segments.valueClass')}
        data-testid="value-customers-class"
      />
      <UserSelect
        value={filters.ownerId ?? null}
        onChange={(ownerId) => onChange({ ownerId: ownerId ?? undefined })}
        placeholder={t('value.segments.fields.owner')}
        data-testid="value-customers-owner"
      />
      <Select
        value={sort}
        onChange={onSort}
        options={valueCustomerSorts.map((s) => ({ value: s, label: t(`value.customersPage.sorts.${s}`) }))}
        style={{ width: 190 }}
        aria-label={t('value.customersPage.sortBy')}
        data-testid="value-customers-sort"
      />
      <Segmented
        value={order}
        onChange={(v) => onOrder(v as 'asc' | 'desc')}
        options={[
          { value: 'desc', label: t('value.customersPage.desc') },
          { value: 'asc', label: t('value.customersPage.asc') },
        ]}
        data-testid="value-customers-order"
      />
    </Space>
  );
}

function useColumns(currency: string | null) {
  const { t } = useTranslation();
  const format = useFormat();
  return useMemo<DataColumn<ValueCustomer>[]>(() => {
    const money = (v: string | null) => (v === null ? '—' : format.money(Number(v), currency ?? 'CNY'));
    return [
      { key: 'name', title: t('value.customer') },
      {
        key: 'rfmSegment',
        title: t('value.rfm.segment'),
        render: (c) => (c.rfmSegment ? <SegmentTag segment={c.rfmSegment} /> : '—'),
      },
      { key: 'valueClass', title: t('value.segments.valueClass'), render: (c) => valueClassLabel(t, c.valueClass) },
      { key: 'clv', title: t('value.clv.clv'), align: 'right', render: (c) => money(c.clv) },
      { key: 'monetary', title: t('value.rfm.monetary'), align: 'right', render: (c) => money(c.monetary) },
      { key: 'recencyDays', title: t('value.rfm.recencyDays'), align: 'right' },
      { key: 'frequency', title: t('value.rfm.frequency'), align: 'right' },
      {
        key: 'scores',
        title: t('value.rfm.scores'),
        render: (c) => (c.r === null ? '—' : `R${c.r} F${c.f ?? '—'} M${c.m ?? '—'}`),
      },
      { key: 'ownerId', title: t('value.segments.fields.owner'), render: (c) => <UserName id={c.ownerId} /> },
    ];
  }, [t, format, currency]);
}
