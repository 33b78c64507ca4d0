import { useState } from 'react';
import { Alert, Button, Card, Form, Space, Steps } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/forms/FormError.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { createCycle, cyclesKey, usePeopleSettings } from '../shared/api.ts';
import { toCreateCycle, weightTotal, type CycleWizardValues } from '../shared/cycleForm.ts';
import type { AppraisalCycle } from '../shared/types.ts';
import { BasicsStep, CriteriaStep, ParticipantsStep, type WizardForm } from './WizardSteps.tsx';

const steps = ['basics', 'criteria', 'participants'] as const;
const stepFields: Record<(typeof steps)[number], string[]> = {
  basics: ['name', 'periodStart', 'periodEnd', 'opensAt', 'noticeDays'],
  criteria: ['criteria'],
  participants: ['participants', 'bottomBandPercent'],
};

/** The first half-year that has not ended: the default period of a new cycle. */
function defaultPeriod() {
  const now = dayjs();
  const h1 = now.month() < 6;
  const start = now.startOf('year').add(h1 ? 0 : 6, 'month');
  return { periodStart: start, periodEnd: start.add(6, 'month').subtract(1, 'day') };
}

/** `/people/cycles/new`: name, period and opening, criteria with weights, participants and the bottom band. */
export default function CycleWizardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const settings = usePeopleSettings();
  const [step, setStep] = useState(0);
  const [form] = Form.useForm<WizardForm>();
  const api = useApiForm<WizardForm, AppraisalCycle>({
    form,
    submit: (v) => {
      const values = form.getFieldsValue(true) as WizardForm;
      return createCycle(toCreateCycle(toValues({ ...values, ...v })));
    },
    onSuccess: (cycle) => {
      void qc.invalidateQueries({ queryKey: cyclesKey });
      void navigate(`/people/cycles/${cycle.id}`);
    },
  });
  const noticeDays = settings.data?.noticeDays ?? 7;
  const next = async () => {
    await form.validateFields(stepFields[steps[step] ?? 'basics'], { recursive: true });
    setStep((s) => s + 1);
  };
  const criteria = Form.useWatch('criteria', form);
  const total = weightTotal(criteria);

  return (
    <div data-testid="cycle-wizard">
      <PageHeader title={t('people.wizard.title')} description={t('people.wizard.description')} />
      <Steps
        current={step}
        style={{ marginBottom: 16 }}
        items={steps.map((s) => ({ title: t(`people.wizard.steps.${s}`) }))}
      />
      <Card>
        <FormError message={api.formError} />
        <Form<WizardForm>
          form={form}
          layout="vertical"
          onFinish={api.onFinish}
          onFinishFailed={(e) => {
            const first = e.errorFields[0]?.name[0];
            const at = steps.findIndex((s) => stepFields[s].includes(String(first)));
            if (at >= 0) {
              setStep(at);
            }
          }}
          initialValues={{
            ...defaultPeriod(),
            opensAt: dayjs().add(noticeDays, 'day').add(1, 'hour'),
            criteria: [
              { text: { zh: '工作业绩', en: 'Results' }, weight: 60 },
              { text: { zh: '团队协作', en: 'Teamwork' }, weight: 40 },
            ],
            bottomBandPercent: 10,
            participants: { orgUnitIds: [], partyIds: [] },
          }}
        >
          <div style={{ display: step === 0 ? 'block' : 'none' }}>
            <BasicsStep noticeDays={noticeDays} />
          </div>
          <div style={{ display: step === 1 ? 'block' : 'none' }}>
            <CriteriaStep total={total} />
          </div>
          <div style={{ display: step === 2 ? 'block' : 'none' }}>
            <ParticipantsStep />
          </div>
        </Form>
        {step === 2 && (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('people.wizard.draftNote')} />
        )}
        <Space>
          {step > 0 && (
            <Button onClick={() => setStep((s) => s - 1)} data-testid="wizard-back">
              {t('people.wizard.back')}
            </Button>
          )}
          {step < steps.length - 1 ? (
            <Button type="primary" onClick={() => void next()} data-testid="wizard-next">
              {t('people.wizard.next')}
            </Button>
          ) : (
            <Button type="primary" loading={api.submitting} onClick={() => form.submit()} data-testid="wizard-create">
              {t('people.wizard.create')}
            </Button>
          )}
        </Space>
      </Card>
    </div>
  );
}

function toValues(v: WizardForm): CycleWizardValues {
  return {
    ...v,
    periodStart: v.periodStart.format('YYYY-MM-DD'),
    periodEnd: v.periodEnd.format('YYYY-MM-DD'),
    opensAt: v.opensAt.toISOString(),
  };
}
