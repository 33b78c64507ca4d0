import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { amountRule } from '../../../components/forms/amount.ts';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { invalidateHrCrm, saveActivity } from '../shared/api.ts';
import { activityStatuses, fourRs, type ActivityStatus, type FourR, type HrActivity } from '../shared/types.ts';

interface Values {
  r: FourR;
  title: string;
  objective?: string | null;
  budget?: string | number | null;
  plannedOn?: Dayjs | null;
  status: ActivityStatus;
  outcome?: string | null;
}

/** Adds or edits an activity under one of the 4Rs: objective, budget, date, and once it happened its outcome. */
export function ActivityModal({
  groupKey,
  activity,
  onClose,
}: {
  groupKey: string;
  /** Null for a new activity. */
  activity: HrActivity | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useApiForm<Values>({
    submit: (v) =>
      saveActivity(groupKey, activity?.id ?? null, {
        r: v.r,
        title: v.title.trim(),
        objective: v.objective?.trim() || null,
        budget: v.budget === null || v.budget === undefined || v.budget === '' ? null : String(v.budget),
        plannedOn: v.plannedOn?.format('YYYY-MM-DD') ?? null,
        status: v.status,
        outcome: v.outcome?.trim() || null,
      }),
    onSuccess: () => {
      invalidateHrCrm(qc);
      onClose();
    },
  });
  const status = Form.useWatch('status', form.form);
  return (
    <FormModal<Values>
      form={form}
      open
      width={640}
      title={activity ? activity.title : t('hrcrm.addActivity')}
      okText={activity ? t('common.save') : undefined}
      onCancel={onClose}
      initialValues={
        activity
          ? { ...activity, plannedOn: activity.plannedOn ? dayjs(activity.plannedOn) : null }
          : { r: 'relevance', status: 'planned', plannedOn: dayjs() }
      }
      data-testid="activity-modal"
      okTestId="activity-save"
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="r" label={t('hrcrm.r')} extra={t('hrcrm.rHint')}>
            <Select
              data-testid="activity-r"
              options={fourRs.map((r) => ({ value: r, label: t(`hrcrm.fourRs.${r}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="status" label={t('hrcrm.activityStatus')}>
            <Select
              data-testid="activity-status"
              options={activityStatuses.map((s) => ({ value: s, label: t(`hrcrm.activityStatuses.${s}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="title"
        label={t('hrcrm.activityTitle')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input maxLength={200} data-testid="activity-title" />
      </Form.Item>
      <Form.Item name="objective" label={t('hrcrm.objective')}>
        <Input.TextArea rows={2} maxLength={2000} data-testid="activity-objective" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="budget" label={t('hrcrm.budget')} rules={[amountRule(t)]}>
            <InputNumber<string> stringMode style={{ width: '100%' }} data-testid="activity-budget" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="plannedOn" label={t('hrcrm.plannedOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {(status === 'done' || activity?.outcome) && (
        <Form.Item name="outcome" label={t('hrcrm.outcome')}>
          <Input.TextArea rows={2} maxLength={4000} data-testid="activity-outcome" />
        </Form.Item>
      )}
    </FormModal>
  );
}
