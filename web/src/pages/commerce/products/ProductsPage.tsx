import { useMemo, useState } from 'react';
import { Button, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../api/types.ts';
import { useMe } from '../../../auth/session.ts';
import { DataTable, type DataColumn } from '../../../components/DataTable/index.ts';
import { catalogueEditors, productsEndpoint } from '../shared/api.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { CreateProductModal } from './CreateProductModal.tsx';

/** `/value/products`: the product catalogue; opening a product lists its transactions. */
export default function ProductsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { user } = useMe();
  const [creating, setCreating] = useState(false);
  const canEdit = catalogueEditors.some((r) => user.roles.includes(r));
  const columns = useMemo<DataColumn<Product>[]>(
    () => [
      {
        key: 'name',
        title: t('value.products.name'),
        sortable: true,
        render: (p) => <Typography.Text strong>{p.name}</Typography.Text>,
      },
      { key: 'sku', title: t('value.products.sku') },
      { key: 'category', title: t('value.products.category'), filter: { type: 'text' } },
      {
        key: 'price',
        title: t('value.products.price'),
        align: 'right',
        render: (p) => (p.price === null ? '—' : format.money(Number(p.price), p.currency)),
      },
      { key: 'currency', title: t('value.currency'), hidden: true },
      {
        key: 'active',
        title: t('value.products.status'),
        filter: {
          type: 'select',
          options: [
            { value: 'true', label: t('value.products.active') },
            { value: 'false', label: t('value.products.inactive') },
          ],
        },
        render: (p) =>
          p.active ? <Tag color="green">{t('value.products.active')}</Tag> : <Tag>{t('value.products.inactive')}</Tag>,
      },
      { key: 'externalId', title: t('value.externalId'), hidden: true },
      { key: 'updatedAt', title: t('common.updatedAt'), sortable: true, render: (p) => format.dateTime(p.updatedAt) },
    ],
    [t, format],
  );
  return (
    <div data-testid="products-page">
      <PageHeader
        title={t('nav.products')}
        description={t('value.products.description')}
        actions={
          canEdit && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="product-create"
            >
              {t('value.products.create')}
            </Button>
          )
        }
      />
      <DataTable<Product>
        tableKey="products"
        endpoint={productsEndpoint}
        exportEndpoint={`${productsEndpoint}/export`}
        columns={columns}
        rowKey={(p) => p.id}
        rowLabel={(p) => p.name}
        onOpen={(p) => void navigate(`/value/transactions?productId=${p.id}`)}
        defaultSort="name"
        searchParam="q"
        syncUrl
        data-testid="products-table"
      />
      <CreateProductModal open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
