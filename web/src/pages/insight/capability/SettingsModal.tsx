import { Col, Form, InputNumber, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { api } from '../../../api/client.ts';
import { useQueryClient } from '@tanstack/react-query';
import { insightKey } from '../shared/api.ts';
import {
  capabilityIndicators,
  capabilityKeys,
  type CapabilitySettings,
  type CapabilitySettingsBody,
} from '../shared/types.ts';

/** Targets of the automatic indicators, the assessed target and the weights; the server's field errors show on fields. */
export function SettingsModal({ settings, onClose }: { settings: CapabilitySettings; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useApiForm<CapabilitySettingsBody, CapabilitySettings>({
    submit: (values) =>
      api<CapabilitySettings>('/api/insight/capability/settings', {
        method: 'PUT',
        body: { ...values, ...(settings.version === null ? {} : { version: settings.version }) },
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: insightKey });
      onClose();
    },
    onConflict: () => void client.invalidateQueries({ queryKey: [...insightKey, 'capability-settings'] }),
  });
  const auto = capabilityIndicators.filter((i) => i.auto);
  return (
    <FormModal<CapabilitySettingsBody>
      form={form}
      open
      width={760}
      title={t('insight.capability.settings')}
      okText={t('common.save')}
      onCancel={onClose}
      initialValues={{
        targets: settings.targets,
        assessedTarget: settings.assessedTarget,
        capabilityWeights: settings.capabilityWeights,
        indicatorWeights: settings.indicatorWeights,
      }}
      okTestId="capability-settings-save"
      data-testid="capability-settings-modal"
    >
      <Typography.Title level={5}>{t('insight.capability.targets')}</Typography.Title>
      <Row gutter={12}>
        {auto.map((i) => (
          <Col xs={24} md={12} key={i.key}>
            <Form.Item
              name={['targets', i.key]}
              label={`${t(`insight.capability.indicators.${i.key}`)} (${i.auto?.unit ?? ''})`}
            >
              <InputNumber min={0} style={{ width: '100%' }} data-testid={`target-${i.key}`} />
            </Form.Item>
          </Col>
        ))}
        <Col xs={24} md={12}>
          <Form.Item name="assessedTarget" label={t('insight.capability.assessedTarget')}>
            <InputNumber min={1.5} max={5} step={0.5} style={{ width: '100%' }} data-testid="assessed-target" />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={5}>{t('insight.capability.weights')}</Typography.Title>
      <Row gutter={12}>
        {capabilityKeys.map((k) => (
          <Col xs={8} key={k}>
            <Form.Item name={['capabilityWeights', k]} label={t(`insight.capability.capabilities.${k}`)}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
        {capabilityIndicators.map((i) => (
          <Col xs={12} md={8} key={i.key}>
            <Form.Item name={['indicatorWeights', i.key]} label={t(`insight.capability.indicators.${i.key}`)}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </FormModal>
  );
}
