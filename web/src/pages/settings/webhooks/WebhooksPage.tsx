import { useState } from 'react';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable/index.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { useWebhookActions, webhooksEndpoint, type Webhook, type WebhookWithSecret } from '../shared/api.ts';
import { DeliveriesDrawer } from './DeliveriesDrawer.tsx';
import { SecretModal } from './SecretModal.tsx';
import { WebhookFormModal } from './WebhookFormModal.tsx';
import { useWebhookColumns } from './useWebhookColumns.tsx';

/** `/settings/webhooks` (admin): endpoints, their secrets (shown once), ping, rotation and the delivery log. */
export default function WebhooksPage() {
  const { t } = useTranslation();
  const actions = useWebhookActions();
  const [form, setForm] = useState<{ editing: Webhook | null } | null>(null);
  const [secret, setSecret] = useState<WebhookWithSecret | null>(null);
  const [log, setLog] = useState<Webhook | null>(null);

  const columns = useWebhookColumns({
    onLog: setLog,
    onEdit: (w) => setForm({ editing: w }),
    onSecret: setSecret,
  });

  return (
    <div data-testid="webhooks-page">
      <PageHeader
        title={t('nav.webhooks')}
        description={t('webhooks.description')}
        actions={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setForm({ editing: null })}
            data-testid="webhook-create"
          >
            {t('webhooks.create')}
          </Button>
        }
      />
      <DataTable<Webhook>
        tableKey="settings.webhooks"
        endpoint={webhooksEndpoint}
        columns={columns}
        rowKey={(w) => w.id}
        rowLabel={(w) => w.url}
        data-testid="webhooks-table"
      />
      <WebhookFormModal
        open={form !== null}
        editing={form?.editing ?? null}
        onClose={() => setForm(null)}
        onCreated={(w) => {
          setForm(null);
          setSecret(w);
          actions.refresh();
        }}
        onSaved={() => {
          setForm(null);
          actions.refresh();
        }}
      />
      <SecretModal webhook={secret} onClose={() => setSecret(null)} />
      <DeliveriesDrawer webhook={log} onClose={() => setLog(null)} />
    </div>
  );
}
