import { Alert, Card, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNotificationSettings, usePutNotificationSettings } from '../shared/notifications.ts';

/** The daily email digest of unread notifications (off by default; sent only when the server can send mail). */
export function DigestCard() {
  const { t } = useTranslation();
  const settings = useNotificationSettings();
  const put = usePutNotificationSettings();
  const s = settings.data;
  return (
    <Card size="small" title={t('notifications.digest.title')} style={{ marginTop: 16 }} data-testid="digest-card">
      <Typography.Paragraph type="secondary">{t('notifications.digest.text')}</Typography.Paragraph>
      <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
        <Switch
          checked={s?.emailDigest ?? false}
          loading={settings.isLoading || put.isPending}
          onChange={(v) => put.mutate(v)}
          data-testid="digest-switch"
        />
        {t('notifications.digest.label')}
      </label>
      {s && !s.mailConfigured && (
        <Alert type="info" showIcon style={{ marginTop: 12 }} message={t('notifications.digest.noMail')} />
      )}
    </Card>
  );
}
