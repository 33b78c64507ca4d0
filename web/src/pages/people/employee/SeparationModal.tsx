import { DatePicker, Form, Input, Radio, Select, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { useToast } from '../../../components/feedback/toast.tsx';
import { createSeparation, invalidateEmployee } from '../shared/api.ts';
import { GuardAlert } from '../shared/labels.tsx';
import { exitReasons, exitTypes, type EmployeeFile, type Separation } from '../shared/types.ts';
import { useGuardedForm } from '../shared/useGuardedForm.ts';

interface Values {
  exitOn: Dayjs;
  exitType: Separation['exitType'];
  reason: Separation['reason'];
  note?: string | null;
}

/**
 * HR records a separation. One for performance is refused unless an improvement plan was reassessed and found the
 * employee still below the bar: the refusal is explained in the dialog.
 */
export function SeparationModal({ file, onClose }: { file: EmployeeFile; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const qc = useQueryClient();
  const form = useGuardedForm<Values, Separation>({
    submit: (v) =>
      createSeparation(file.partyId, {
        exitOn: v.exitOn.format('YYYY-MM-DD'),
        exitType: v.exitType,
        reason: v.reason,
        note: v.note?.trim() || null,
        version: file.version,
      }),
    onSuccess: () => {
      invalidateEmployee(qc, file.partyId);
      void toast.success(t('people.separation.recorded', { name: file.displayName }));
      onClose();
    },
    onConflict: () => invalidateEmployee(qc, file.partyId),
  });
  const reason = Form.useWatch('reason', form.form);
  return (
    <FormModal<Values>
      form={form}
      open
      title={t('people.separation.title', { name: file.displayName })}
      okText={t('people.separation.submit')}
      onCancel={onClose}
      initialValues={{ exitOn: dayjs(), exitType: 'voluntary' }}
      notice={form.guardError ? <GuardAlert error={form.guardError} context="separation" /> : null}
      data-testid="separation-modal"
      okTestId="separation-save"
    >
      <Form.Item
        name="exitOn"
        label={t('people.separation.exitOn')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="exitType"
        label={t('people.separation.exitType')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Radio.Group
          data-testid="separation-type"
          options={exitTypes.map((x) => ({ value: x, label: t(`people.exitTypes.${x}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('people.separation.reason')}
        rules={[{ required: true, message: t('validation.required') }]}
        extra={
          reason === 'performance' && (
            <Typography.Text type="secondary">{t('people.separation.performanceHint')}</Typography.Text>
          )
        }
      >
        <Select
          data-testid="separation-reason"
          showSearch
          optionFilterProp="label"
          options={exitReasons.map((r) => ({ value: r, label: t(`people.exitReasons.${r}`) }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t('people.file.note')}>
        <Input.TextArea rows={3} maxLength={10000} />
      </Form.Item>
    </FormModal>
  );
}
