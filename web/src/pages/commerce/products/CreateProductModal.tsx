import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { CreateProduct, Product } from '../../../api/types.ts';
import { useToast } from '../../../components/feedback/toast.tsx';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { amountRule } from '../../../components/forms/amount.ts';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { invalidateProducts, productsEndpoint } from '../shared/api.ts';

interface Values {
  name: string;
  sku?: string;
  category?: string;
  price?: string | null;
  currency: string;
}

const currencies = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP'];

/** Empty inputs are left out rather than sent as "" (which the server refuses). */
export function toProductBody(v: Values): CreateProduct {
  const text = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);
  return {
    name: v.name.trim(),
    sku: text(v.sku),
    category: text(v.category),
    price: v.price === null || v.price === undefined || v.price === '' ? undefined : String(v.price),
    currency: v.currency,
  };
}

/** "New product": name, SKU, category, price and currency (a taken SKU answers on its field). */
export function CreateProductModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const modal = useApiForm<Values, Product>({
    submit: (v) => api<Product>(productsEndpoint, { method: 'POST', body: toProductBody(v) }),
    onSuccess: (p) => {
      void toast.success(t('value.products.created', { name: p.name }));
      invalidateProducts(queryClient);
      close();
    },
  });
  const close = () => {
    modal.clear();
    onClose();
  };
  return (
    <FormModal<Values>
      form={modal}
      open={open}
      title={t('value.products.create')}
      onCancel={close}
      okTestId="product-save"
      initialValues={{ currency: 'CNY' }}
    >
      <Form.Item
        name="name"
        label={t('value.products.name')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input maxLength={300} data-testid="product-name" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="sku" label={t('value.products.sku')}>
            <Input maxLength={100} data-testid="product-sku" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="category" label={t('value.products.category')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="price" label={t('value.products.price')} rules={[amountRule(t)]}>
            <InputNumber<string> step="0.01" stringMode style={{ width: '100%' }} data-testid="product-price" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="currency"
            label={t('value.currency')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select showSearch options={currencies.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
