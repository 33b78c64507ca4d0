import { useEffect, useEffectEvent } from 'react';
import { Alert, Col, Form, Input, InputNumber, Row, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useToast } from '../../../components/feedback/toast.tsx';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { useClassSettings, useSaveValueSetting } from '../shared/api.ts';
import type { ValueClassSettings, ValueClassSettingsReply } from '../shared/types.ts';

type Nullable = 'highProfitMin' | 'highRevenueMin' | 'highCostMin';
type Values = { settings: Omit<ValueClassSettings, Nullable> & Record<Nullable, string | null | undefined> };

const thresholds: Nullable[] = ['highRevenueMin', 'highProfitMin', 'highCostMin'];
// An empty threshold means "the median of the customers" (null on the server).
const toBody = (v: Values['settings']): ValueClassSettings => ({
  ...v,
  highProfitMin: v.highProfitMin?.trim() || null,
  highRevenueMin: v.highRevenueMin?.trim() || null,
  highCostMin: v.highCostMin?.trim() || null,
});

/** Edits the org's value-class thresholds and unit costs at the version read (a 409 reloads them). */
export function ClassSettingsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const current = useClassSettings();
  const save = useSaveValueSetting<{ settings: ValueClassSettings; version: number }, ValueClassSettingsReply>(
    '/api/value/class-settings',
  );
  const form = useApiForm<Values, ValueClassSettingsReply>({
    submit: (values) => save.mutateAsync({ settings: toBody(values.settings), version: current.data?.version ?? 0 }),
    onSuccess: () => {
      void toast.success(t('value.classesPage.settingsSaved'));
      onClose();
    },
    onConflict: () => void current.refetch(),
  });
  const data = current.data;
  const ready = Boolean(data);
  const fill = useEffectEvent(() => {
    if (data) {
      form.form.setFieldsValue({ settings: data.settings });
      form.reset();
    }
  });
  // Filled when the dialog opens (or when the settings arrive), not on every render: typing must not be undone.
  useEffect(() => {
    if (open && ready) {
      fill();
    }
  }, [open, ready]);
  return (
    <FormModal<Values>
      form={form}
      open={open}
      title={t('value.classesPage.settingsTitle')}
      okText={t('common.save')}
      onCancel={onClose}
      destroyOnHidden={false}
      width={640}
      okTestId="class-settings-save"
      data-testid="class-settings"
      notice={
        form.conflict && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('value.settingsConflict')}
            data-testid="class-settings-conflict"
          />
        )
      }
    >
      <SettingsFields />
    </FormModal>
  );
}

function SettingsFields() {
  const { t } = useTranslation();
  const money = [{ pattern: /^\d{1,12}(\.\d{1,2})?$/, message: t('value.classesPage.moneyHint') }];
  return (
    <Row gutter={12}>
      <Col span={12}>
        <Form.Item name={['settings', 'grossMargin']} label={t('value.classesPage.grossMargin')} required>
          <InputNumber min={0} max={1} step={0.05} style={{ width: '100%' }} data-testid="class-grossMargin" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          name={['settings', 'loyalMinPurchaseDays']}
          label={t('value.classesPage.loyalMinPurchaseDays')}
          required
        >
          <InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} data-testid="class-loyalMin" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          name={['settings', 'interactionCost']}
          label={t('value.classesPage.interactionCost')}
          rules={money}
          required
        >
          <Input inputMode="decimal" data-testid="class-interactionCost" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name={['settings', 'caseCost']} label={t('value.classesPage.caseCost')} rules={money} required>
          <Input inputMode="decimal" data-testid="class-caseCost" />
        </Form.Item>
      </Col>
      {thresholds.map((name) => (
        <Col span={8} key={name}>
          <Form.Item
            name={['settings', name]}
            label={t(`value.classesPage.${name}`)}
            rules={money}
            tooltip={t('value.classesPage.medianHint')}
          >
            <Input inputMode="decimal" placeholder={t('value.classesPage.median')} data-testid={`class-${name}`} />
          </Form.Item>
        </Col>
      ))}
      <Col span={24}>
        <Form.Item
          name={['settings', 'includeRemedyCost']}
          label={t('value.classesPage.includeRemedyCost')}
          valuePropName="checked"
        >
          <Switch data-testid="class-includeRemedyCost" />
        </Form.Item>
      </Col>
    </Row>
  );
}
