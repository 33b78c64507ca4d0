import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/forms/FormError.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { useToast } from '../../../components/feedback/toast.tsx';
import { UserName } from '../../../components/UserName/UserName.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { createIncentive, employeeKey, useIncentives } from '../shared/api.ts';
import { percent, shareOfPay } from '../shared/money.ts';
import { incentiveTypes, type EmployeeFile, type Incentive, type PeopleWarning } from '../shared/types.ts';

interface Values {
  type: Incentive['type'];
  givenOn: Dayjs;
  amount?: number | null;
  note?: string | null;
}
const typeColors: Record<string, string> = { money: 'gold', negative: 'red' };

/** The six kinds of incentive: the log, and a form for HR and the chain (money also as % of monthly pay). */
export function IncentivesTab({ file }: { file: EmployeeFile }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useIncentives(file.partyId);
  const canGive = file.relation !== 'self';
  return (
    <div data-testid="employee-incentives">
      {canGive && <IncentiveForm file={file} />}
      <Card size="small" title={t('people.incentives.log')} style={{ marginTop: canGive ? 16 : 0 }}>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Incentive>
            size="small"
            rowKey="id"
            loading={list.isPending}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            dataSource={list.data?.items ?? []}
            data-testid="incentive-log"
            columns={[
              { title: t('people.incentives.givenOn'), render: (_, i) => format.date(i.givenOn) },
              {
                title: t('people.incentives.type'),
                render: (_, i) => <Tag color={typeColors[i.type]}>{t(`people.incentiveTypes.${i.type}`)}</Tag>,
              },
              {
                title: t('people.incentives.amount'),
                align: 'right',
                render: (_, i) =>
                  i.amount === null ? (
                    '—'
                  ) : (
                    <Space direction="vertical" size={0}>
                      <span>{format.money(Number(i.amount))}</span>
                      <Typography.Text type="secondary">
                        {t('people.incentives.ofPay', { share: percent(i.shareOfMonthlyPay) })}
                      </Typography.Text>
                    </Space>
                  ),
              },
              {
                title: t('people.incentives.givenBy'),
                render: (_, i) => (i.givenBy ? <UserName id={i.givenBy} /> : '—'),
              },
              { title: t('people.file.note'), render: (_, i) => i.note ?? '' },
            ]}
          />
        )}
      </Card>
    </div>
  );
}

function IncentiveForm({ file }: { file: EmployeeFile }) {
  const { t } = useTranslation();
  const toast = useToast();
  const qc = useQueryClient();
  const [warnings, setWarnings] = useState<PeopleWarning[]>([]);
  const form = useApiForm<Values, Incentive & { warnings: PeopleWarning[] }>({
    submit: (v) =>
      createIncentive(file.partyId, {
        type: v.type,
        givenOn: v.givenOn.format('YYYY-MM-DD'),
        amount: v.type === 'money' && v.amount !== null && v.amount !== undefined ? String(v.amount) : null,
        note: v.note?.trim() || null,
      }),
    onSuccess: (created) => {
      setWarnings(created.warnings);
      void qc.invalidateQueries({ queryKey: [...employeeKey(file.partyId), 'incentives'] });
      void toast.success(t('people.incentives.recorded'));
      form.form.resetFields(['amount', 'note']);
    },
  });
  const type = Form.useWatch('type', form.form);
  const amount = Form.useWatch('amount', form.form);
  const share = type === 'money' ? shareOfPay(amount, file.salary) : null;
  return (
    <Card size="small" title={t('people.incentives.add')}>
      {warnings.map((w) => (
        <Alert
          key={w.code}
          type="warning"
          showIcon
          closable
          onClose={() => setWarnings([])}
          style={{ marginBottom: 12 }}
          data-testid={`incentive-warning-${w.code}`}
          message={t(`people.warnings.${w.code}`, { share: percent(w.share), threshold: percent(w.threshold) })}
        />
      ))}
      <FormError message={form.formError} />
      <Form<Values>
        form={form.form}
        layout="inline"
        onFinish={form.onFinish}
        initialValues={{ type: 'communication', givenOn: dayjs() }}
        data-testid="incentive-form"
      >
        <Form.Item name="type" rules={[{ required: true, message: t('validation.required') }]}>
          <Select
            style={{ width: 150 }}
            aria-label={t('people.incentives.type')}
            data-testid="incentive-type"
            options={incentiveTypes.map((x) => ({ value: x, label: t(`people.incentiveTypes.${x}`) }))}
          />
        </Form.Item>
        <Form.Item name="givenOn" rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker aria-label={t('people.incentives.givenOn')} />
        </Form.Item>
        {type === 'money' && (
          <Form.Item
            name="amount"
            rules={[{ required: true, message: t('validation.required') }]}
            extra={
              share !== null && (
                <span data-testid="incentive-share">{t('people.incentives.ofPay', { share: percent(share) })}</span>
              )
            }
          >
            <InputNumber
              min={0}
              precision={2}
              placeholder={t('people.incentives.amount')}
              data-testid="incentive-amount"
            />
          </Form.Item>
        )}
        <Form.Item name="note" style={{ minWidth: 240, flex: 1 }}>
          <Input placeholder={t('people.file.note')} maxLength={2000} data-testid="incentive-note" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={form.submitting} data-testid="incentive-save">
          {t('people.incentives.record')}
        </Button>
      </Form>
    </Card>
  );
}
