import { useState } from 'react';
import { Button, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../../auth/session.ts';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { PartyPicker } from '../../surveys/shared/PartyPicker/PartyPicker.tsx';
import { LinkTypeModal } from './LinkTypeModal.tsx';
import { createPartyLink, useInvalidateLinks, useLinkTypes, type PartyLink } from '../shared/links.ts';

interface Values {
  type: string;
  /** The picker's choice (one party); named as the server names it so its errors land here. */
  toPartyId: string[];
  role?: string;
  from?: Dayjs | null;
  to?: Dayjs | null;
}

/** Links this party to another one (works at, reports to, referred by, …); the other end shows it too. */
export function AddLinkModal({ partyId, open, onClose }: { partyId: string; open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const types = useLinkTypes();
  const invalidate = useInvalidateLinks();
  const form = useApiForm<Values, PartyLink>({
    submit: (v) =>
      createPartyLink(partyId, {
        toPartyId: v.toPartyId[0] ?? '',
        type: v.type,
        role: v.role?.trim() || null,
        from: v.from?.format('YYYY-MM-DD') ?? null,
        to: v.to?.format('YYYY-MM-DD') ?? null,
      }),
    onSuccess: () => {
      invalidate();
      form.clear();
      onClose();
    },
  });
  const type = Form.useWatch('type', form.form);
  const { user } = useMe();
  const [newType, setNewType] = useState(false);
  const zh = i18n.language === 'zh-CN';
  return (
    <FormModal<Values>
      form={form}
      open={open}
      title={t('links.add')}
      okText={t('links.addOk')}
      onCancel={() => {
        form.clear();
        onClose();
      }}
      initialValues={{ type: 'works_at', toPartyId: [] }}
      data-testid="link-modal"
      okTestId="link-save"
    >
      <Form.Item name="type" label={t('links.type')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select
          data-testid="link-type"
          loading={types.isPending}
          options={(types.data?.items ?? []).map((lt) => ({ value: lt.key, label: zh ? lt.labelZh : lt.labelEn }))}
        />
      </Form.Item>
      {hasAnyRole(user, ['admin']) && (
        <Space style={{ marginTop: -16, marginBottom: 8 }}>
          <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => setNewType(true)}>
            {t('links.newType')}
          </Button>
          <LinkTypeModal
            open={newType}
            onClose={() => setNewType(false)}
            onCreated={(key) => form.form.setFieldValue('type', key)}
          />
        </Space>
      )}
      <Form.Item
        name="toPartyId"
        label={t('links.otherParty')}
        rules={[
          { required: true, type: 'array', min: 1, message: t('validation.required') },
          { type: 'array', max: 1, message: t('links.onePartyOnly') },
        ]}
      >
        <PartyPicker data-testid="link-party" aria-label={t('links.otherParty')} />
      </Form.Item>
      <Form.Item name="role" label={type === 'works_at' ? t('links.jobTitle') : t('links.role')}>
        <Input maxLength={200} data-testid="link-role" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={12}>
          <Form.Item name="from" label={t('links.from')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="to" label={t('links.to')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
