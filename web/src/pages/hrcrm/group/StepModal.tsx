import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { UserSelect } from '../../../components/UserSelect/UserSelect.tsx';
import { invalidateHrCrm, patchStep } from '../shared/api.ts';
import { stepStates, type ProcessStep, type StepState } from '../shared/types.ts';

interface Values {
  state: StepState;
  ownerUserId?: string | null;
  dueOn?: Dayjs | null;
  evidence?: string | null;
}

/** One step of the seven: its state, owner, due date and evidence. */
export function StepModal({ groupKey, step, onClose }: { groupKey: string; step: ProcessStep; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useApiForm<Values>({
    submit: (v) =>
      patchStep(groupKey, step.step, {
        state: v.state,
        ownerUserId: v.ownerUserId ?? null,
        dueOn: v.dueOn?.format('YYYY-MM-DD') ?? null,
        evidence: v.evidence?.trim() || null,
      }),
    onSuccess: () => {
      invalidateHrCrm(qc);
      onClose();
    },
  });
  return (
    <FormModal<Values>
      form={form}
      open
      title={t(`hrcrm.steps.${step.step}`)}
      okText={t('common.save')}
      onCancel={onClose}
      initialValues={{
        state: step.state,
        ownerUserId: step.ownerUserId,
        dueOn: step.dueOn ? dayjs(step.dueOn) : null,
        evidence: step.evidence,
      }}
      data-testid="step-modal"
      okTestId="step-save"
    >
      <Form.Item name="state" label={t('hrcrm.stepState')}>
        <Select
          data-testid="step-state"
          options={stepStates.map((s) => ({ value: s, label: t(`hrcrm.stepStates.${s}`) }))}
        />
      </Form.Item>
      <Form.Item name="ownerUserId" label={t('hrcrm.owner')}>
        <UserSelect aria-label={t('hrcrm.owner')} />
      </Form.Item>
      <Form.Item name="dueOn" label={t('hrcrm.dueOn')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="evidence" label={t('hrcrm.evidence')} extra={t('hrcrm.evidenceHint')}>
        <Input.TextArea rows={3} maxLength={4000} data-testid="step-evidence" />
      </Form.Item>
    </FormModal>
  );
}
