import { useState } from 'react';
import { Button, Card, DatePicker, Empty, Form, Input, Select, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { invalidateEmployee, patchContract, patchEmployee } from '../shared/api.ts';
import { contractTypes, renewalIntents, type Contract, type EmployeeFile } from '../shared/types.ts';

interface Values {
  contract: ContractValues;
}
interface ContractValues {
  type: Contract['type'];
  startOn: Dayjs;
  endOn?: Dayjs | null;
  probationEndOn?: Dayjs | null;
  renewalIntent?: string | null;
  note?: string | null;
}
const dayOf = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** Contracts with their end and renewal intent (HR and the chain set the intent); HR adds contracts. */
export function ContractTab({ file }: { file: EmployeeFile }) {
  const { t } = useTranslation();
  const format = useFormat();
  const qc = useQueryClient();
  const { notify } = useErrorMessage();
  const [adding, setAdding] = useState(false);
  const canIntend = file.relation !== 'self';
  const intent = useMutation({
    mutationFn: (v: { c: Contract; renewalIntent: string | null }) =>
      patchContract(file.partyId, v.c.id, { renewalIntent: v.renewalIntent, version: v.c.version }),
    onSuccess: () => invalidateEmployee(qc, file.partyId),
    onError: (e) => {
      notify(e);
      invalidateEmployee(qc, file.partyId);
    },
  });
  const intentOptions = renewalIntents.map((r) => ({ value: r, label: t(`people.renewalIntents.${r}`) }));

  return (
    <Card
      size="small"
      title={t('people.tabs.contract')}
      data-testid="employee-contracts"
      extra={
        file.relation === 'hr' && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="contract-add">
            {t('people.contract.add')}
          </Button>
        )
      }
    >
      {file.contracts.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('people.contract.none')} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={file.contracts}
          columns={[
            { title: t('people.contract.type'), render: (_, c) => t(`people.contractTypes.${c.type}`) },
            { title: t('people.contract.startOn'), render: (_, c) => format.date(c.startOn) },
            { title: t('people.contract.endOn'), render: (_, c) => (c.endOn ? format.date(c.endOn) : '—') },
            {
              title: t('people.contract.probationEndOn'),
              render: (_, c) => (c.probationEndOn ? format.date(c.probationEndOn) : '—'),
            },
            {
              title: t('people.contract.renewalIntent'),
              render: (_, c) =>
                canIntend ? (
                  <Select
                    size="small"
                    allowClear
                    style={{ minWidth: 140 }}
                    value={c.renewalIntent}
                    options={intentOptions}
                    onChange={(v: string | undefined) => intent.mutate({ c, renewalIntent: v ?? null })}
                    aria-label={t('people.contract.renewalIntent')}
                  />
                ) : c.renewalIntent ? (
                  t(`people.renewalIntents.${c.renewalIntent}`)
                ) : (
                  '—'
                ),
            },
            { title: t('people.file.note'), render: (_, c) => c.note ?? '' },
          ]}
        />
      )}
      <AddContractModal file={file} open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}

/** HR adds a contract (type, dates, probation, renewal intent). */
function AddContractModal({ file, open, onClose }: { file: EmployeeFile; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const intentOptions = renewalIntents.map((r) => ({ value: r, label: t(`people.renewalIntents.${r}`) }));
  const form = useApiForm<Values, EmployeeFile>({
    submit: ({ contract: v }) =>
      patchEmployee(file.partyId, {
        contract: {
          type: v.type as (typeof contractTypes)[number],
          startOn: dayOf(v.startOn) ?? '',
          endOn: dayOf(v.endOn),
          probationEndOn: dayOf(v.probationEndOn),
          renewalIntent: (v.renewalIntent ?? null) as (typeof renewalIntents)[number] | null,
          note: v.note?.trim() || null,
        },
        version: file.version,
      }),
    onSuccess: () => {
      invalidateEmployee(qc, file.partyId);
      onClose();
      form.clear();
    },
  });
  return (
    <FormModal<Values>
      form={form}
      open={open}
      title={t('people.contract.add')}
      onCancel={() => {
        onClose();
        form.clear();
      }}
      data-testid="contract-modal"
      okTestId="contract-save"
    >
      <Form.Item
        name={['contract', 'type']}
        label={t('people.contract.type')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Select options={contractTypes.map((c) => ({ value: c, label: t(`people.contractTypes.${c}`) }))} />
      </Form.Item>
      <Form.Item
        name={['contract', 'startOn']}
        label={t('people.contract.startOn')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name={['contract', 'endOn']} label={t('people.contract.endOn')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name={['contract', 'probationEndOn']} label={t('people.contract.probationEndOn')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name={['contract', 'renewalIntent']} label={t('people.contract.renewalIntent')}>
        <Select allowClear options={intentOptions} />
      </Form.Item>
      <Form.Item name={['contract', 'note']} label={t('people.file.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
