import { DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { useToast } from '../../../components/feedback/toast.tsx';
import { employeeKey, invalidateEmployee, patchEmployee, usePeopleSettings } from '../shared/api.ts';
import { isSmallRaise, percent, shareOfPay } from '../shared/money.ts';
import type { EmployeeFile, PeopleWarning } from '../shared/types.ts';

interface Values {
  salary: number;
  payChangeKind?: string;
  effectiveOn?: Dayjs | null;
  note?: string | null;
}
const kinds = ['hire', 'raise', 'promotion', 'adjustment', 'decrease'];

/** HR changes the monthly pay (kept in the pay history); a small raise is saved with the server's warning. */
export function PayChangeModal({
  file,
  onClose,
  onSaved,
}: {
  file: EmployeeFile;
  onClose: () => void;
  onSaved: (warnings: PeopleWarning[]) => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const qc = useQueryClient();
  const settings = usePeopleSettings();
  const form = useApiForm<Values, EmployeeFile>({
    submit: (v) =>
      patchEmployee(file.partyId, {
        salary: String(v.salary),
        ...(v.payChangeKind ? { payChangeKind: v.payChangeKind as 'raise' } : {}),
        ...(v.effectiveOn ? { effectiveOn: v.effectiveOn.format('YYYY-MM-DD') } : {}),
        note: v.note?.trim() || null,
        version: file.version,
      }),
    onSuccess: (updated) => {
      qc.setQueryData(employeeKey(file.partyId), updated);
      invalidateEmployee(qc, file.partyId);
      void toast.success(t('people.saved'));
      onSaved(updated.warnings);
    },
    onConflict: () => invalidateEmployee(qc, file.partyId),
  });
  const salary = Form.useWatch('salary', form.form);
  const raise = file.salary !== null && typeof salary === 'number' ? salary - Number(file.salary) : null;
  const share = raise !== null && raise > 0 ? shareOfPay(raise, file.salary) : null;
  const threshold = settings.data?.raiseWarningShare ?? 0.1;
  return (
    <FormModal<Values>
      form={form}
      open
      title={t('people.pay.change')}
      okText={t('common.save')}
      onCancel={onClose}
      initialValues={{ salary: file.salary === null ? undefined : Number(file.salary) }}
      data-testid="pay-modal"
      okTestId="pay-save"
    >
      <Form.Item
        name="salary"
        label={t('people.pay.salary')}
        rules={[{ required: true, message: t('validation.required') }]}
        extra={
          share !== null && (
            <Typography.Text type={isSmallRaise(share, threshold) ? 'warning' : 'secondary'} data-testid="pay-share">
              {t(isSmallRaise(share, threshold) ? 'people.pay.smallRaise' : 'people.pay.raiseShare', {
                share: percent(share),
                threshold: percent(threshold),
              })}
            </Typography.Text>
          )
        }
      >
        <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="pay-salary-input" />
      </Form.Item>
      <Form.Item name="payChangeKind" label={t('people.pay.kind')} extra={t('people.pay.kindHint')}>
        <Select allowClear options={kinds.map((k) => ({ value: k, label: t(`people.payKinds.${k}`) }))} />
      </Form.Item>
      <Form.Item name="effectiveOn" label={t('people.file.effectiveOn')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('people.file.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
