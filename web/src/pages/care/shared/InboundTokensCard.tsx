import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Modal, Space, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MailSettings, MailToken, MentionInboundToken, MentionSettings } from '@tandem/server/api';
import { api } from '../../../api/client.ts';
import { CopyValue } from '../../../components/CopyValue/CopyValue.tsx';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useFormat } from '../../../i18n/useFormat.ts';

type Shown = { kind: 'mentions' | 'mail'; token: string };

/**
 * Settings (admins): the two inbound webhooks of care (docs/care.md): social listening tools post mentions with the
 * X-Tandem-Token header, and a mail provider posts replies to an address that carries its token. Each token is shown
 * once when made or rotated (only its hash is stored); rotating stops the old one at once.
 */
export function InboundTokensCard() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { describe } = useErrorMessage();
  const fmt = useFormat();
  const mentions = useQuery({
    queryKey: ['care', 'inbound', 'mentions'],
    queryFn: ({ signal }) => api<MentionSettings>('/api/mentions/settings', { signal }),
  });
  const mail = useQuery({
    queryKey: ['care', 'inbound', 'mail'],
    queryFn: ({ signal }) => api<MailSettings>('/api/care/mail/settings', { signal }),
  });
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<string | null>(null);
  const rotate = (kind: Shown['kind']) => {
    setError(null);
    const path = kind === 'mentions' ? '/api/mentions/token' : '/api/care/mail/token';
    api<MentionInboundToken | MailToken>(path, { method: 'POST' }).then(
      (r) => {
        setShown({ kind, token: r.token });
        void qc.invalidateQueries({ queryKey: ['care', 'inbound'] });
      },
      (e: unknown) => setError(describe(e)),
    );
  };
  const since = (at: string | null | undefined) =>
    at ? t('care.inbound.since', { at: fmt.dateTime(at) }) : t('care.inbound.notSet');
  const origin = window.location.origin;
  const row = (kind: Shown['kind'], set: boolean | undefined, at: string | null | undefined) => (
    <Space wrap>
      <Typography.Text data-testid={`inbound-${kind}-state`}>{since(set ? at : null)}</Typography.Text>
      <Button size="small" onClick={() => rotate(kind)} data-testid={`inbound-${kind}-rotate`}>
        {set ? t('care.inbound.rotate') : t('care.inbound.create')}
      </Button>
    </Space>
  );
  return (
    <Card title={t('care.inbound.title')} loading={mentions.isPending || mail.isPending} data-testid="inbound-tokens">
      <Typography.Paragraph type="secondary">{t('care.inbound.hint')}</Typography.Paragraph>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('care.inbound.mentions')}>
          {row('mentions', mentions.data?.tokenSet, mentions.data?.tokenCreatedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('care.inbound.mail')}>
          {row('mail', mail.data?.tokenSet, mail.data?.tokenCreatedAt)}
        </Descriptions.Item>
      </Descriptions>
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} />}
      <Modal
        open={shown !== null}
        title={t('care.inbound.shownTitle')}
        onCancel={() => setShown(null)}
        footer={
          <Button onClick={() => setShown(null)} data-testid="inbound-token-close">
            {t('care.inbound.close')}
          </Button>
        }
        destroyOnHidden
      >
        <Typography.Paragraph>{t('care.inbound.shownOnce')}</Typography.Paragraph>
        {shown?.kind === 'mentions' && (
          <>
            <Typography.Paragraph>
              {t('care.inbound.mentionsHow', { url: `${origin}/api/public/mentions/inbound` })}
            </Typography.Paragraph>
            <CopyValue value={shown.token} data-testid="inbound-token-value" />
          </>
        )}
        {shown?.kind === 'mail' && (
          <>
            <Typography.Paragraph>{t('care.inbound.mailHow')}</Typography.Paragraph>
            <CopyValue value={`${origin}/api/public/mail-inbound/${shown.token}`} data-testid="inbound-token-value" />
          </>
        )}
      </Modal>
    </Card>
  );
}
