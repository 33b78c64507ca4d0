import { Alert, Button, Input, Modal, Space } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ApiTokenCreated } from '../../../api/types.ts';
import { useToast } from '../../../components/feedback/toast.tsx';

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

/** Shows a new token's secret once, with a copy button. */
export function TokenCreatedModal({ token, onClose }: { token: ApiTokenCreated | null; onClose: () => void }) {
  const { t } = useTranslation();
  const message = useToast();
  const copy = () => {
    const input = document.getElementById('new-token-value') as HTMLInputElement | null;
    copyText(token?.token ?? '', input).then(
      () => void message.success(t('tokens.copied')),
      () => void message.warning(t('tokens.copyFailed')),
    );
  };
  return (
    <Modal
      open={token !== null}
      title={t('tokens.createdTitle', { name: token?.name ?? '' })}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="token-done">
          {t('tokens.done')}
        </Button>
      }
      data-testid="token-created"
    >
      <Alert type="warning" showIcon message={t('tokens.shownOnce')} style={{ marginBottom: 16 }} />
      <label htmlFor="new-token-value" style={{ display: 'block', marginBottom: 4 }}>
        {t('tokens.secret')}
      </label>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          id="new-token-value"
          readOnly
          value={token?.token ?? ''}
          style={{ fontFamily: 'monospace' }}
          data-testid="token-value"
          onFocus={(e) => e.target.select()}
        />
        <Button icon={<CopyOutlined />} onClick={copy} data-testid="token-copy">
          {t('tokens.copy')}
        </Button>
      </Space.Compact>
    </Modal>
  );
}
