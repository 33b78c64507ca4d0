import { Form, Input, Select, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { legalNextStages } from '@tandem/server/api';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { useToast } from '../../../components/feedback/toast.tsx';
import { StageTag } from '../../parties/shared/labels.tsx';
import { employeeKey, invalidateEmployee, patchEmployee } from '../shared/api.ts';
import { employeeStages, relationshipPhases, type EmployeeFile, type PatchEmployee } from '../shared/types.ts';

interface Values {
  stage?: string;
  phase?: string | null;
  reason: string;
}

/** HR moves the lifecycle stage (招聘期 → 稳定期 → 离职期) or the relationship phase, always with a reason. */
export function StagePhaseModal({ file, onClose }: { file: EmployeeFile; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const qc = useQueryClient();
  const legal = legalNextStages('employee', file.stage);
  const form = useApiForm<Values, EmployeeFile>({
    submit: (v) =>
      patchEmployee(file.partyId, {
        ...(v.stage && v.stage !== file.stage ? { stage: v.stage } : {}),
        ...((v.phase ?? null) !== file.phase ? { phase: (v.phase ?? null) as PatchEmployee['phase'] } : {}),
        reason: v.reason.trim(),
        version: file.version,
      }),
    onSuccess: (updated) => {
      qc.setQueryData(employeeKey(file.partyId), updated);
      invalidateEmployee(qc, file.partyId);
      void toast.success(t('people.saved'));
      onClose();
    },
    onConflict: () => invalidateEmployee(qc, file.partyId),
  });
  return (
    <FormModal<Values>
      form={form}
      open
      title={t('people.stage.title', { name: file.displayName })}
      okText={t('common.save')}
      onCancel={onClose}
      initialValues={{ stage: file.stage, phase: file.phase, reason: '' }}
      data-testid="stage-modal"
      okTestId="stage-save"
    >
      <Space style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('people.stage.current')}</Typography.Text>
        <StageTag stage={file.stage} />
      </Space>
      <Form.Item name="stage" label={t('people.file.stage')} extra={t('people.stage.lifecycleHint')}>
        <Select
          data-testid="stage-select"
          options={employeeStages.map((s) => ({
            value: s,
            label: t(`parties.stages.${s}`),
            disabled: s !== file.stage && !legal.includes(s),
          }))}
        />
      </Form.Item>
      <Form.Item name="phase" label={t('people.file.phase')} extra={t('people.stage.phaseHint')}>
        <Select
          allowClear
          data-testid="phase-select"
          options={relationshipPhases.map((p) => ({ value: p, label: t(`parties.phases.${p}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('parties.reason')}
        rules={[{ required: true, whitespace: true, message: t('parties.reasonRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={2000} data-testid="stage-reason" />
      </Form.Item>
    </FormModal>
  );
}
