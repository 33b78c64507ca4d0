import { Button, Card, Form, InputNumber, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/forms/FormError.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useToast } from '../../../components/feedback/toast.tsx';
import {
  peopleKey,
  putAttritionWeights,
  putPeopleSettings,
  useAttritionWeights,
  usePeopleSettings,
} from '../shared/api.ts';
import { attritionFactors, type AttritionWeights, type PeopleSettings } from '../shared/types.ts';

type SettingsValues = Omit<PeopleSettings, 'version'>;
const shareFields = ['raiseWarningShare', 'renewalFlagShare'] as const;

/** The organisation's people rules: appraisal frequency and notice, the raise warning, contract and risk windows. */
export function SettingsCard() {
  const { t } = useTranslation();
  const toast = useToast();
  const qc = useQueryClient();
  const settings = usePeopleSettings();
  const form = useApiForm<SettingsValues, PeopleSettings>({
    submit: (v) =>
      putPeopleSettings({
        ...v,
        raiseWarningShare: v.raiseWarningShare / 100,
        renewalFlagShare: v.renewalFlagShare / 100,
        version: settings.data?.version ?? 1,
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: peopleKey });
      void toast.success(t('people.saved'));
    },
    onConflict: () => void settings.refetch(),
  });
  if (settings.isPending) {
    return <PageLoading minHeight={200} />;
  }
  if (settings.isError) {
    return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  }
  const s = settings.data;
  const number = (name: keyof SettingsValues, min: number, max: number, suffix?: string) => (
    <Form.Item
      key={name}
      name={name}
      label={t(`people.settings.fields.${name}`)}
      extra={t(`people.settings.hints.${name}`)}
      rules={[{ required: true, message: t('validation.required') }]}
    >
      <InputNumber min={min} max={max} addonAfter={suffix} style={{ width: 200 }} />
    </Form.Item>
  );
  return (
    <Card size="small" title={t('people.settings.rules')} data-testid="people-rules">
      <FormError message={form.formError} />
      <Form<SettingsValues>
        form={form.form}
        layout="vertical"
        onFinish={form.onFinish}
        initialValues={{
          ...s,
          ...Object.fromEntries(shareFields.map((f) => [f, Math.round(s[f] * 1000) / 10])),
        }}
      >
        {number('maxAppraisalsPerYear', 1, 2)}
        {number('noticeDays', 1, 90, t('people.settings.days'))}
        {number('raiseWarningShare', 0, 100, '%')}
        {number('contractWindowDays', 1, 730, t('people.settings.days'))}
        {number('renewalFlagShare', 0, 100, '%')}
        {number('riskWindowFromMonths', 0, 600, t('people.settings.months'))}
        {number('riskWindowToMonths', 1, 600, t('people.settings.months'))}
        <Button type="primary" htmlType="submit" loading={form.submitting} data-testid="people-rules-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}

/** The attrition factors' weights (any non-negative numbers, normalised to 100 by the server). */
export function WeightsCard() {
  const { t } = useTranslation();
  const toast = useToast();
  const qc = useQueryClient();
  const weights = useAttritionWeights();
  const form = useApiForm<{ weights: Record<string, number> }, AttritionWeights>({
    submit: (v) => putAttritionWeights({ weights: v.weights, version: weights.data?.version ?? 1 }),
    onSuccess: (saved) => {
      qc.setQueryData([...peopleKey, 'attrition-weights'], saved);
      void qc.invalidateQueries({ queryKey: [...peopleKey, 'attrition-risk'] });
      void toast.success(t('people.saved'));
    },
    onConflict: () => void weights.refetch(),
  });
  if (weights.isPending) {
    return <PageLoading minHeight={200} />;
  }
  if (weights.isError) {
    return <QueryError error={weights.error} onRetry={() => void weights.refetch()} />;
  }
  const w = weights.data;
  return (
    <Card size="small" title={t('people.settings.weights')} data-testid="attrition-weights">
      <Typography.Paragraph type="secondary">{t('people.settings.weightsHint')}</Typography.Paragraph>
      <FormError message={form.formError} />
      <Form
        form={form.form}
        layout="horizontal"
        labelCol={{ span: 12 }}
        onFinish={form.onFinish}
        initialValues={{ weights: w.weights }}
      >
        {attritionFactors.map((f) => (
          <Form.Item
            key={f}
            name={['weights', f]}
            label={t(`people.attritionFactors.${f}`)}
            extra={t('people.settings.normalised', {
              value: Math.round(w.normalised[f] * 10) / 10,
              default: w.defaults[f],
            })}
          >
            <InputNumber min={0} max={100} />
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" loading={form.submitting} data-testid="attrition-weights-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
