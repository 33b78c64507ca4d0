import { DatePicker, Form, Input, Radio, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { UserSelect } from '../../../components/UserSelect/UserSelect.tsx';
import { appraisalsKey, createPlan, patchPlan } from '../shared/api.ts';
import { GuardAlert } from '../shared/labels.tsx';
import { PLAN_MIN_DAYS, type Appraisal, type ImprovementPlan } from '../shared/types.ts';
import { useGuardedForm } from '../shared/useGuardedForm.ts';

interface PlanValues {
  trainingItems: string[];
  mentorId: string;
  startsOn: Dayjs;
  reassessOn: Dayjs;
}

/** An improvement plan for a bottom-band appraisal: training, a mentor, a reassessment at least 60 days later. */
export function PlanModal({ appraisal, onClose }: { appraisal: Appraisal; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useGuardedForm<PlanValues, ImprovementPlan>({
    submit: (v) =>
      createPlan(appraisal.id, {
        trainingItems: v.trainingItems.map((x) => x.trim()).filter(Boolean),
        mentorId: v.mentorId,
        startsOn: v.startsOn.format('YYYY-MM-DD'),
        reassessOn: v.reassessOn.format('YYYY-MM-DD'),
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: appraisalsKey });
      onClose();
    },
  });
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <FormModal<PlanValues>
      form={form}
      open
      title={t('people.plan.createTitle', { name: appraisal.displayName })}
      onCancel={onClose}
      initialValues={{ trainingItems: [], startsOn: dayjs(), reassessOn: dayjs().add(PLAN_MIN_DAYS + 1, 'day') }}
      notice={form.guardError ? <GuardAlert error={form.guardError} /> : null}
      data-testid="plan-modal"
      okTestId="plan-save"
    >
      <Form.Item
        name="trainingItems"
        label={t('people.plan.trainingItems')}
        extra={t('people.plan.trainingHint')}
        rules={required}
      >
        <Select mode="tags" open={false} tokenSeparators={[',', '，']} data-testid="plan-training" />
      </Form.Item>
      <Form.Item name="mentorId" label={t('people.plan.mentor')} rules={required}>
        <UserSelect data-testid="plan-mentor" />
      </Form.Item>
      <Form.Item name="startsOn" label={t('people.plan.startsOn')} rules={required}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="reassessOn"
        label={t('people.plan.reassessOnLabel')}
        extra={t('people.plan.reassessHint', { days: PLAN_MIN_DAYS })}
        rules={required}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

interface ReassessValues {
  reassessedOn: Dayjs;
  outcome: 'met' | 'below';
  outcomeNote?: string | null;
}

/** Records the reassessment: met, or still below the bar (which is what a performance separation needs). */
export function ReassessModal({ plan, onClose }: { plan: ImprovementPlan; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useGuardedForm<ReassessValues, ImprovementPlan>({
    submit: (v) =>
      patchPlan(plan.id, {
        reassessedOn: v.reassessedOn.format('YYYY-MM-DD'),
        outcome: v.outcome,
        outcomeNote: v.outcomeNote?.trim() || null,
        version: plan.version,
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: appraisalsKey });
      onClose();
    },
  });
  return (
    <FormModal<ReassessValues>
      form={form}
      open
      title={t('people.plan.reassess')}
      okText={t('common.save')}
      onCancel={onClose}
      initialValues={{ reassessedOn: dayjs() }}
      notice={form.guardError ? <GuardAlert error={form.guardError} /> : null}
      data-testid="reassess-modal"
      okTestId="reassess-save"
    >
      <Form.Item
        name="reassessedOn"
        label={t('people.plan.reassessedOn')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="outcome"
        label={t('people.plan.outcome')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Radio.Group
          options={(['met', 'below'] as const).map((o) => ({ value: o, label: t(`people.plan.outcomes.${o}`) }))}
        />
      </Form.Item>
      <Form.Item name="outcomeNote" label={t('people.file.note')}>
        <Input.TextArea rows={2} maxLength={10000} />
      </Form.Item>
    </FormModal>
  );
}
