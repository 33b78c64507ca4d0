import { useMemo } from 'react';
import { Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DataColumn } from '../../../components/DataTable/index.ts';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useToast } from '../../../components/feedback/toast.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { useWebhookActions, type Webhook, type WebhookWithSecret } from '../shared/api.ts';

/** The endpoint table's columns: address, events, state, and the actions on one endpoint. */
export function useWebhookColumns({
  onLog,
  onEdit,
  onSecret,
}: {
  onLog: (w: Webhook) => void;
  onEdit: (w: Webhook) => void;
  onSecret: (w: WebhookWithSecret) => void;
}): DataColumn<Webhook>[] {
  const { t } = useTranslation();
  const format = useFormat();
  return useMemo<DataColumn<Webhook>[]>(
    () => [
      {
        key: 'url',
        title: t('webhooks.url'),
        render: (w) => (
          <Space direction="vertical" size={0}>
            <Typography.Text code>{w.url}</Typography.Text>
            {w.description ? <Typography.Text type="secondary">{w.description}</Typography.Text> : null}
          </Space>
        ),
      },
      {
        key: 'events',
        title: t('webhooks.events'),
        render: (w) =>
          w.events.length ? w.events.map((e) => <Tag key={e}>{e}</Tag>) : <Tag>{t('webhooks.allEvents')}</Tag>,
      },
      {
        key: 'enabled',
        title: t('webhooks.status'),
        render: (w) => (
          <Space direction="vertical" size={0}>
            {w.enabled ? (
              <Tag color="green">{t('webhooks.active')}</Tag>
            ) : (
              <Tag color="red" data-testid="webhook-disabled">
                {w.disabledReason
                  ? t('webhooks.disabledBecause', { reason: w.disabledReason })
                  : t('webhooks.disabled')}
              </Tag>
            )}
            {w.previousSecretUntil ? (
              <Typography.Text type="secondary">
                {t('webhooks.rotatingUntil', { date: format.dateTime(w.previousSecretUntil) })}
              </Typography.Text>
            ) : null}
          </Space>
        ),
      },
      {
        key: 'actions',
        kind: 'actions',
        title: t('common.actions'),
        render: (w) => <WebhookActions webhook={w} onLog={onLog} onEdit={onEdit} onSecret={onSecret} />,
      },
    ],
    [t, format, onLog, onEdit, onSecret],
  );
}

/** The actions on one endpoint: ping, log, edit, enable or disable, rotate, delete. */
function WebhookActions({
  webhook: w,
  onLog,
  onEdit,
  onSecret,
}: {
  webhook: Webhook;
  onLog: (w: Webhook) => void;
  onEdit: (w: Webhook) => void;
  onSecret: (w: WebhookWithSecret) => void;
}) {
  const { t } = useTranslation();
  const message = useToast();
  const { notify } = useErrorMessage();
  const actions = useWebhookActions();
  const ping = (w: Webhook) =>
    actions.ping.mutate(w, {
      onSuccess: (d) =>
        d.ok
          ? void message.success(t('webhooks.pinged', { status: d.statusCode ?? '', ms: d.latencyMs }))
          : void message.warning(t('webhooks.pingFailed', { error: d.error ?? d.statusCode ?? '' })),
      onError: notify,
    });

  return (
    <Space wrap size="small">
      <Button size="small" onClick={() => ping(w)} loading={actions.ping.isPending} data-testid="webhook-ping">
        {t('webhooks.ping')}
      </Button>
      <Button size="small" onClick={() => onLog(w)} data-testid="webhook-open-log">
        {t('webhooks.openLog')}
      </Button>
      <Button size="small" onClick={() => onEdit(w)} data-testid="webhook-edit">
        {t('webhooks.edit')}
      </Button>
      <Button size="small" onClick={() => actions.toggle.mutate(w, { onError: notify })} data-testid="webhook-toggle">
        {w.enabled ? t('webhooks.disable') : t('webhooks.enable')}
      </Button>
      <Popconfirm
        title={t('webhooks.rotateConfirm', { url: w.url })}
        description={t('webhooks.rotateHint')}
        onConfirm={() => actions.rotate.mutate(w, { onSuccess: onSecret, onError: notify })}
        okText={t('webhooks.rotate')}
        cancelText={t('common.cancel')}
      >
        <Button size="small" data-testid="webhook-rotate">
          {t('webhooks.rotate')}
        </Button>
      </Popconfirm>
      <Popconfirm
        title={t('webhooks.deleteConfirm', { url: w.url })}
        description={t('webhooks.deleteHint')}
        onConfirm={() => actions.remove.mutate(w, { onError: notify })}
        okText={t('webhooks.delete')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
      >
        <Button size="small" danger data-testid="webhook-delete">
          {t('webhooks.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
