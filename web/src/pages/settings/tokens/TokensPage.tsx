import { useMemo, useState } from 'react';
import { Button, Popconfirm, Switch, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { ApiToken, ApiTokenCreated } from '../../../api/types.ts';
import { DataTable, listKey, type DataColumn } from '../../../components/DataTable/index.ts';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { useToast } from '../../../components/feedback/toast.tsx';
import { CreateTokenModal } from './CreateTokenModal.tsx';
import { TokenCreatedModal } from './TokenCreatedModal.tsx';

/** `/settings/tokens`: the user's own API tokens. */
export default function TokensPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const message = useToast();
  const { notify } = useErrorMessage();
  const queryClient = useQueryClient();
  const [showRevoked, setShowRevoked] = useState(false);
  const [naming, setNaming] = useState(false);
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: listKey('/api/tokens') });

  const revoke = useMutation({
    mutationFn: (token: ApiToken) => api<void>(`/api/tokens/${token.id}`, { method: 'DELETE' }),
    onSuccess: (_v, token) => void message.success(t('tokens.revoked', { name: token.name })),
    onError: notify,
    onSettled: refresh,
  });

  const columns = useMemo<DataColumn<ApiToken>[]>(
    () => [
      { key: 'name', title: t('tokens.name'), render: (k) => <Typography.Text strong>{k.name}</Typography.Text> },
      { key: 'prefix', title: t('tokens.prefix'), render: (k) => <Typography.Text code>{k.prefix}…</Typography.Text> },
      { key: 'createdAt', title: t('common.createdAt'), render: (k) => format.dateTime(k.createdAt) },
      {
        key: 'lastUsedAt',
        title: t('tokens.lastUsed'),
        render: (k) => (k.lastUsedAt ? format.relative(k.lastUsedAt) : t('tokens.neverUsed')),
      },
      {
        key: 'revokedAt',
        title: t('tokens.status'),
        render: (k) =>
          k.revokedAt ? (
            <Tag data-testid="token-status-revoked">{t('tokens.revokedAt', { date: format.date(k.revokedAt) })}</Tag>
          ) : (
            <Tag color="green">{t('tokens.active')}</Tag>
          ),
      },
      {
        key: 'actions',
        kind: 'actions',
        title: t('common.actions'),
        render: (k) =>
          k.revokedAt ? null : (
            <Popconfirm
              title={t('tokens.revokeConfirm', { name: k.name })}
              description={t('tokens.revokeHint')}
              onConfirm={() => revoke.mutate(k)}
              okText={t('tokens.revoke')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
            >
              <Button size="small" danger data-testid={`token-revoke-${k.name}`}>
                {t('tokens.revoke')}
              </Button>
            </Popconfirm>
          ),
      },
    ],
    [t, format, revoke],
  );

  return (
    <div data-testid="tokens-page">
      <PageHeader
        title={t('nav.tokens')}
        description={t('tokens.description')}
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setNaming(true)} data-testid="token-create">
            {t('tokens.create')}
          </Button>
        }
      />
      <DataTable<ApiToken>
        tableKey="settings.tokens"
        endpoint="/api/tokens"
        columns={columns}
        rowKey={(k) => k.id}
        rowLabel={(k) => k.name}
        fixedParams={{ includeRevoked: showRevoked }}
        toolbar={
          <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
            <Switch checked={showRevoked} onChange={setShowRevoked} data-testid="tokens-show-revoked" />
            {t('tokens.showRevoked')}
          </label>
        }
        data-testid="tokens-table"
      />
      <CreateTokenModal
        open={naming}
        onClose={() => setNaming(false)}
        onCreated={(token) => {
          setNaming(false);
          setCreated(token);
          void refresh();
        }}
      />
      <TokenCreatedModal token={created} onClose={() => setCreated(null)} />
    </div>
  );
}
