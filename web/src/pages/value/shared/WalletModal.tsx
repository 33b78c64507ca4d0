import { useEffect, useEffectEvent } from 'react';
import { Button, Col, Form, Input, Row } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { useToast } from '../../../components/feedback/toast.tsx';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { valueKey, walletKey } from './api.ts';
import type { Wallet } from './types.ts';

type Values = { currency: string; categories: { category: string; estimatedSpend: string }[] };

/** Replaces a customer's wallet estimates: per category, what they spend a year with every supplier. */
export function WalletModal({
  partyId,
  wallet,
  open,
  onClose,
}: {
  partyId: string;
  wallet: Wallet;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const form = useApiForm<Values, Wallet>({
    submit: (body) => api<Wallet>(`/api/parties/${partyId}/wallet`, { method: 'PUT', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(walletKey(partyId), saved);
      void queryClient.invalidateQueries({ queryKey: [...valueKey, 'wallet-summary'] });
      void toast.success(t('value.wallet.saved'));
      onClose();
    },
  });
  const fill = useEffectEvent(() => {
    form.form.setFieldsValue({
      currency: wallet.currency ?? 'CNY',
      categories: wallet.categories.map((c) => ({ category: c.category, estimatedSpend: c.estimatedSpend })),
    });
    form.reset();
  });
  useEffect(() => {
    if (open) {
      fill();
    }
  }, [open]);
  return (
    <FormModal<Values>
      form={form}
      open={open}
      title={t('value.wallet.editTitle')}
      okText={t('common.save')}
      onCancel={onClose}
      destroyOnHidden={false}
      width={600}
      okTestId="wallet-save"
      data-testid="wallet-modal"
    >
      <Form.Item name="currency" label={t('value.currency')} rules={[{ required: true }]}>
        <Input maxLength={3} style={{ width: 100 }} data-testid="wallet-currency" />
      </Form.Item>
      <Form.List name="categories">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Row gutter={8} key={field.key} data-testid="wallet-row">
                <Col span={12}>
                  <Form.Item
                    name={[field.name, 'category']}
                    label={t('value.wallet.category')}
                    rules={[{ required: true, whitespace: true }]}
                  >
                    <Input data-testid="wallet-category" />
                  </Form.Item>
                </Col>
                <Col span={10}>
                  <Form.Item
                    name={[field.name, 'estimatedSpend']}
                    label={t('value.wallet.estimatedSpend')}
                    rules={[{ required: true }]}
                  >
                    <Input inputMode="decimal" data-testid="wallet-estimate" />
                  </Form.Item>
                </Col>
                <Col span={2} style={{ paddingTop: 30 }}>
                  <Button
                    danger
                    type="text"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('common.delete')}
                  />
                </Col>
              </Row>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ category: '', estimatedSpend: '' })}
              data-testid="wallet-add"
            >
              {t('value.wallet.addCategory')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
