import { Alert, Button, Input, Modal, Space } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useToast } from '../../../components/feedback/toast.tsx';
import type { WebhookWithSecret } from '../shared/api.ts';

async function copyText(text: string, input: HTMLInputElement | null): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Plain-HTTP deployments have no Clipboard API: select the text and use the legacy command.
  input?.select();
  if (!document.execCommand('copy')) {
    throw new Error('copy failed');
  }
}

/** Shows an endpoint's new secret once (after create or rotate), with a copy button. */
export function SecretModal({ webhook, onClose }: { webhook: WebhookWithSecret | null; onClose: () => void }) {
  const { t } = useTranslation();
  const message = useToast();
  const copy = () => {
    const input = document.getElementById('webhook-secret-value') as HTMLInputElement | null;
    copyText(webhook?.secret ?? '', input).then(
      () => void message.success(t('webhooks.copied')),
      () => void message.warning(t('webhooks.copyFailed')),
    );
  };
  return (
    <Modal
      open={webhook !== null}
      title={t('webhooks.secretTitle')}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="webhook-secret-done">
          {t('webhooks.done')}
        </Button>
      }
      data-testid="webhook-secret"
    >
      <Alert type="warning" showIcon message={t('webhooks.shownOnce')} style={{ marginBottom: 16 }} />
      <label htmlFor="webhook-secret-value" style={{ display: 'block', marginBottom: 4 }}>
        {t('webhooks.secret')}
      </label>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          id="webhook-secret-value"
          readOnly
          value={webhook?.secret ?? ''}
          style={{ fontFamily: 'monospace' }}
          data-testid="webhook-secret-value"
          onFocus={(e) => e.target.select()}
        />
        <Button icon={<CopyOutlined />} onClick={copy} data-testid="webhook-secret-copy">
          {t('webhooks.copy')}
        </Button>
      </Space.Compact>
    </Modal>
  );
}
