import { Alert, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CopyValue } from '../../../components/CopyValue/CopyValue.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';

/** After resolving: the satisfaction link to pass on to the customer, until it expires. */
export function FeedbackLinkAlert({
  url,
  expiresAt,
  onClose,
}: {
  url: string;
  expiresAt: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Alert
      type="info"
      showIcon
      closable
      onClose={onClose}
      message={t('service.detail.feedbackLink')}
      description={
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('service.detail.feedbackLinkHint', { date: format.date(expiresAt) })}</Typography.Text>
          <CopyValue value={new URL(url, window.location.origin).href} data-testid="feedback-link" />
        </Space>
      }
      data-testid="feedback-link-alert"
    />
  );
}
