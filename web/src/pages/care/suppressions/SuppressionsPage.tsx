import { useMemo, useState } from 'react';
import { Button, Form, Input, Popconfirm, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataTable, listKey, type DataColumn } from '../../../components/DataTable/index.ts';
import { useToast } from '../../../components/feedback/toast.tsx';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { addSuppression, suppressionsEndpoint, useDeleteSuppression } from '../shared/api.ts';
import { consentChannels, type Suppression } from '../shared/types.ts';

type Values = { channel: string; address: string; reason?: string };

function AddModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useApiForm<Values>({
    submit: (v) => addSuppression({ channel: v.channel, address: v.address.trim(), reason: v.reason?.trim() || null }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: listKey(suppressionsEndpoint) });
      onClose();
    },
  });
  return (
    <FormModal<Values>
      form={form}
      open
      title={t('care.suppressions.add')}
      onCancel={onClose}
      initialValues={{ channel: 'email' }}
      data-testid="suppression-modal"
      okTestId="suppression-save"
    >
      <Form.Item name="channel" label={t('care.consent.channel')}>
        <Select options={consentChannels.map((c) => ({ value: c, label: t(`care.channels.${c}`) }))} />
      </Form.Item>
      <Form.Item
        name="address"
        label={t('care.suppressions.address')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input maxLength={320} data-testid="suppression-address" />
      </Form.Item>
      <Form.Item name="reason" label={t('care.suppressions.reason')}>
        <Input maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

/** `/care/suppressions`: addresses nobody sends marketing to, whoever they belong to (admins and marketing). */
export default function SuppressionsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const { describe } = useErrorMessage();
  const remove = useDeleteSuppression();
  const [adding, setAdding] = useState(false);
  const columns = useMemo<DataColumn<Suppression>[]>(
    () => [
      { key: 'address', title: t('care.suppressions.address') },
      {
        key: 'channel',
        title: t('care.consent.channel'),
        render: (s) => t(`care.channels.${s.channel}`),
        filter: { type: 'select', options: consentChannels.map((c) => ({ value: c, label: t(`care.channels.${c}`) })) },
      },
      { key: 'reason', title: t('care.suppressions.reason'), render: (s) => s.reason ?? '' },
      { key: 'createdAt', title: t('care.suppressions.added'), render: (s) => format.dateTime(s.createdAt) },
      {
        key: 'actions',
        title: t('common.actions'),
        kind: 'actions',
        render: (s) => (
          <Popconfirm
            title={t('care.suppressions.removeConfirm')}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            onConfirm={() => remove.mutate(s.id, { onError: (e) => void toast.error(describe(e)) })}
          >
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
          </Popconfirm>
        ),
      },
    ],
    [t, format, remove, toast, describe],
  );
  return (
    <div data-testid="suppressions-page">
      <PageHeader
        title={t('nav.careSuppressions')}
        description={t('care.suppressions.description')}
        actions={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="suppression-create"
          >
            {t('care.suppressions.add')}
          </Button>
        }
      />
      <DataTable<Suppression>
        tableKey="care.suppressions"
        endpoint={suppressionsEndpoint}
        columns={columns}
        rowKey={(s) => s.id}
        rowLabel={(s) => s.address}
        searchParam="q"
        data-testid="suppressions-table"
      />
      {adding && <AddModal onClose={() => setAdding(false)} />}
    </div>
  );
}
