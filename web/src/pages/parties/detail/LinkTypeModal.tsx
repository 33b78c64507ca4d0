import { Col, Form, Input, Row } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { linkTypesKey, type PartyLinkType } from '../shared/links.ts';

type Values = Omit<PartyLinkType, 'builtIn'>;

/** An organisation's own link type (admin): a key and how each end reads it, in both languages. */
export function LinkTypeModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (key: string) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useApiForm<Values, PartyLinkType>({
    submit: (body) => api<PartyLinkType>('/api/party-link-types', { method: 'POST', body }),
    onSuccess: (created) => {
      void qc.invalidateQueries({ queryKey: linkTypesKey });
      form.clear();
      onCreated(created.key);
      onClose();
    },
  });
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  const field = (name: keyof Values, label: string) => (
    <Form.Item name={name} label={label} rules={required}>
      <Input maxLength={100} data-testid={`link-type-${name}`} />
    </Form.Item>
  );
  return (
    <FormModal<Values>
      form={form}
      open={open}
      title={t('links.newType')}
      onCancel={onClose}
      data-testid="link-type-modal"
      okTestId="link-type-save"
    >
      <Form.Item
        name="key"
        label={t('links.typeKey')}
        extra={t('links.typeKeyHint')}
        rules={[...required, { pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('links.typeKeyHint') }]}
      >
        <Input maxLength={40} data-testid="link-type-key" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={12}>{field('labelEn', t('links.labelEn'))}</Col>
        <Col xs={12}>{field('labelZh', t('links.labelZh'))}</Col>
        <Col xs={12}>{field('inverseLabelEn', t('links.inverseLabelEn'))}</Col>
        <Col xs={12}>{field('inverseLabelZh', t('links.inverseLabelZh'))}</Col>
      </Row>
    </FormModal>
  );
}
