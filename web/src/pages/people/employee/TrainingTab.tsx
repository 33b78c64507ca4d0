import { useState } from 'react';
import { Button, Card, DatePicker, Empty, Form, Input, InputNumber, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { invalidateEmployee, patchEmployee } from '../shared/api.ts';
import type { EmployeeFile } from '../shared/types.ts';

interface Values {
  training: {
    title: string;
    provider?: string | null;
    startedOn?: Dayjs | null;
    completedOn?: Dayjs | null;
    hours?: number | null;
    note?: string | null;
  };
}
const dayOf = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** Training records; HR adds them. */
export function TrainingTab({ file }: { file: EmployeeFile }) {
  const { t } = useTranslation();
  const format = useFormat();
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
  const form = useApiForm<Values, EmployeeFile>({
    submit: ({ training: v }) =>
      patchEmployee(file.partyId, {
        training: {
          title: v.title,
          provider: v.provider?.trim() || null,
          startedOn: dayOf(v.startedOn),
          completedOn: dayOf(v.completedOn),
          hours: v.hours ?? null,
          note: v.note?.trim() || null,
        },
        version: file.version,
      }),
    onSuccess: () => {
      invalidateEmployee(qc, file.partyId);
      setAdding(false);
      form.clear();
    },
  });
  const date = (v: string | null) => (v ? format.date(v) : '—');
  return (
    <Card
      size="small"
      title={t('people.tabs.training')}
      data-testid="employee-training"
      extra={
        file.relation === 'hr' && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="training-add">
            {t('people.training.add')}
          </Button>
        )
      }
    >
      {file.training.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('people.training.none')} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={file.training}
          columns={[
            { title: t('people.training.title'), dataIndex: 'title' },
            { title: t('people.training.provider'), render: (_, r) => r.provider ?? '—' },
            { title: t('people.training.startedOn'), render: (_, r) => date(r.startedOn) },
            { title: t('people.training.completedOn'), render: (_, r) => date(r.completedOn) },
            { title: t('people.training.hours'), align: 'right', render: (_, r) => r.hours ?? '—' },
            { title: t('people.file.note'), render: (_, r) => r.note ?? '' },
          ]}
        />
      )}
      <FormModal<Values>
        form={form}
        open={adding}
        title={t('people.training.add')}
        onCancel={() => {
          setAdding(false);
          form.clear();
        }}
        data-testid="training-modal"
        okTestId="training-save"
      >
        <Form.Item
          name={['training', 'title']}
          label={t('people.training.title')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name={['training', 'provider']} label={t('people.training.provider')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name={['training', 'startedOn']} label={t('people.training.startedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name={['training', 'completedOn']} label={t('people.training.completedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name={['training', 'hours']} label={t('people.training.hours')}>
          <InputNumber min={0} max={99999} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name={['training', 'note']} label={t('people.file.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
