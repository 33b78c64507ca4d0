import { DatePicker, Form, Input, Radio, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { useToast } from '../../../components/feedback/toast.tsx';
import { createExitInterview, invalidateEmployee } from '../shared/api.ts';
import { GuardAlert } from '../shared/labels.tsx';
import { exitReasons, type EmployeeFile, type ExitInterview } from '../shared/types.ts';
import { useGuardedForm } from '../shared/useGuardedForm.ts';

interface Values {
  heldOn: Dayjs;
  reasons: ExitInterview['reasons'];
  wouldRejoin?: boolean | null;
  rehireEligible?: boolean | null;
  notes?: string | null;
}

/** HR's exit interview: the structured reasons of leaving, would-rejoin and rehire eligibility; then alumni. */
export function ExitInterviewModal({ file, onClose }: { file: EmployeeFile; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const qc = useQueryClient();
  const form = useGuardedForm<Values, ExitInterview>({
    submit: (v) =>
      createExitInterview(file.partyId, {
        heldOn: v.heldOn.format('YYYY-MM-DD'),
        reasons: v.reasons,
        wouldRejoin: v.wouldRejoin ?? null,
        rehireEligible: v.rehireEligible ?? null,
        notes: v.notes?.trim() || null,
      }),
    onSuccess: () => {
      invalidateEmployee(qc, file.partyId);
      void toast.success(t('people.exitInterview.recorded'));
      onClose();
    },
  });
  const yesNo = [
    { value: true, label: t('people.yes') },
    { value: false, label: t('people.no') },
  ];
  return (
    <FormModal<Values>
      form={form}
      open
      width={600}
      title={t('people.exitInterview.title', { name: file.displayName })}
      okText={t('common.save')}
      onCancel={onClose}
      initialValues={{ heldOn: dayjs(), reasons: [] }}
      notice={form.guardError ? <GuardAlert error={form.guardError} /> : null}
      data-testid="exit-interview-modal"
      okTestId="exit-interview-save"
    >
      <Form.Item
        name="heldOn"
        label={t('people.exitInterview.heldOn')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="reasons"
        label={t('people.exitInterview.reasons')}
        extra={t('people.exitInterview.reasonsHint')}
        rules={[{ required: true, type: 'array', min: 1, message: t('validation.required') }]}
      >
        <Select
          mode="multiple"
          data-testid="exit-interview-reasons"
          options={exitReasons.map((r) => ({ value: r, label: t(`people.exitReasons.${r}`) }))}
        />
      </Form.Item>
      <Form.Item name="wouldRejoin" label={t('people.exitInterview.wouldRejoin')}>
        <Radio.Group options={yesNo} />
      </Form.Item>
      <Form.Item name="rehireEligible" label={t('people.exitInterview.rehireEligible')}>
        <Radio.Group options={yesNo} />
      </Form.Item>
      <Form.Item name="notes" label={t('people.file.note')}>
        <Input.TextArea rows={3} maxLength={10000} />
      </Form.Item>
    </FormModal>
  );
}
