import { useMemo } from 'react';
import { Button, Drawer, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataColumn } from '../../../components/DataTable/index.ts';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useToast } from '../../../components/feedback/toast.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { deliveriesEndpoint, useWebhookActions, type Webhook, type WebhookDelivery } from '../shared/api.ts';

/** The attempt log of one endpoint, newest first, with replay of any logged message. */
export function DeliveriesDrawer({ webhook, onClose }: { webhook: Webhook | null; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const message = useToast();
  const { notify } = useErrorMessage();
  const { replay } = useWebhookActions();
  const columns = useMemo<DataColumn<WebhookDelivery>[]>(
    () => [
      { key: 'at', title: t('webhooks.log.at'), render: (d) => format.dateTime(d.at) },
      {
        key: 'type',
        title: t('webhooks.log.type'),
        render: (d) => (
          <Tooltip title={`${t('webhooks.log.messageId')}: ${d.eventId}`}>
            <Typography.Text code>{d.type}</Typography.Text>
          </Tooltip>
        ),
      },
      { key: 'trigger', title: t('webhooks.log.trigger'), render: (d) => t(`webhooks.log.triggers.${d.trigger}`) },
      { key: 'attempt', title: t('webhooks.log.attempt'), render: (d) => d.attempt },
      {
        key: 'ok',
        title: t('webhooks.log.result'),
        render: (d) => (
          <span data-testid={`webhook-delivery-${d.ok ? 'ok' : 'failed'}`}>
            <Tag color={d.ok ? 'green' : 'red'}>
              {d.ok ? t('webhooks.log.ok') : t('webhooks.log.failed')}
              {d.statusCode !== null ? ` · ${d.statusCode}` : ''}
            </Tag>
            {!d.ok && d.trigger === 'auto' ? <Tag>{t(`webhooks.log.messageStatus.${d.eventStatus}`)}</Tag> : null}
          </span>
        ),
      },
      {
        key: 'latencyMs',
        title: t('webhooks.log.latency'),
        render: (d) => t('webhooks.log.latencyMs', { ms: format.number(d.latencyMs) }),
      },
      {
        key: 'response',
        title: t('webhooks.log.response'),
        render: (d) => (
          <Typography.Text type={d.error ? 'danger' : 'secondary'} ellipsis style={{ maxWidth: 240 }}>
            {d.error ?? d.responseExcerpt ?? ''}
          </Typography.Text>
        ),
      },
      {
        key: 'actions',
        kind: 'actions',
        title: t('common.actions'),
        render: (d) =>
          d.trigger === 'ping' ? null : (
            <Button
              size="small"
              loading={replay.isPending && replay.variables.id === d.id}
              onClick={() =>
                replay.mutate(d, {
                  onSuccess: (r) =>
                    void message.info(t('webhooks.log.replayed', { status: r.statusCode ?? r.error ?? '' })),
                  onError: notify,
                })
              }
              data-testid={`webhook-replay-${d.id}`}
            >
              {t('webhooks.log.replay')}
            </Button>
          ),
      },
    ],
    [t, format, replay, message, notify],
  );
  return (
    <Drawer
      open={webhook !== null}
      onClose={onClose}
      width={980}
      title={t('webhooks.log.title', { url: webhook?.url ?? '' })}
      data-testid="webhook-log"
    >
      {webhook ? (
        <DataTable<WebhookDelivery>
          tableKey="settings.webhook-deliveries"
          endpoint={deliveriesEndpoint(webhook.id)}
          columns={columns}
          rowKey={(d) => d.id}
          syncUrl={false}
          data-testid="webhook-log-table"
        />
      ) : null}
    </Drawer>
  );
}
