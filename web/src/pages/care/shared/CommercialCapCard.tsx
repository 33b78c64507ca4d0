import { useState } from 'react';
import { Alert, Button, Card, InputNumber, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useToast } from '../../../components/feedback/toast.tsx';
import { invalidateCare, putCareSettings, useCareSettings } from './api.ts';

/**
 * Settings (admins): the organisation's cap on commercial messages among all it sent in the last 30 days
 * (docs/care.md "Commercial-content guard"); campaigns above it need an admin's override. Audited.
 */
export function CommercialCapCard() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const toast = useToast();
  const { describe } = useErrorMessage();
  const settings = useCareSettings();
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const s = settings.data;
  const shown = percent ?? (s ? Math.round(s.commercialCap * 1000) / 10 : null);
  const save = () => {
    if (!s || shown === null) {
      return;
    }
    setError(null);
    putCareSettings({ commercialCap: shown / 100, version: s.version }).then(
      () => {
        invalidateCare(qc);
        setPercent(null);
        void toast.success(t('care.settings.saved'));
      },
      (e: unknown) => setError(describe(e)),
    );
  };
  return (
    <Card title={t('care.settings.capTitle')} loading={settings.isPending} data-testid="commercial-cap">
      <Typography.Paragraph type="secondary">{t('care.settings.capHint')}</Typography.Paragraph>
      <Space>
        <InputNumber
          min={0}
          max={100}
          step={0.5}
          value={shown}
          onChange={(v) => setPercent(v)}
          addonAfter="%"
          aria-label={t('care.settings.capTitle')}
          data-testid="commercial-cap-input"
        />
        <Button type="primary" onClick={save} disabled={percent === null} data-testid="commercial-cap-save">
          {t('common.save')}
        </Button>
      </Space>
      {s?.isDefault && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('care.settings.isDefault')}
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} />}
    </Card>
  );
}
