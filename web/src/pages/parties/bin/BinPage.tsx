import { useMemo } from 'react';
import { Button, Popconfirm, Space, Tooltip, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { BIN_RETENTION_DAYS, type BinItem, type PurgeOutcome } from '@tandem/server/api';
import { api } from '../../../api/client.ts';
import { hasRole, useMe } from '../../../auth/session.ts';
import { DataTable, listKey, type DataColumn } from '../../../components/DataTable/index.ts';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useToast } from '../../../components/feedback/toast.tsx';
import { UserName } from '../../../components/UserName/UserName.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';

/** `/parties/bin`: deleted parties the user could restore, who deleted them and when; admins purge old ones for good. */
export default function BinPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const { notify } = useErrorMessage();
  const { user } = useMe();
  const isAdmin = hasRole(user, 'admin');
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: listKey('/api/bin') });

  const restore = useMutation({
    mutationFn: (item: BinItem) => api(`/api/parties/${item.id}/restore`, { method: 'POST' }),
    onSuccess: (_v, item) => void toast.success(t('bin.restored', { name: item.name })),
    onError: notify,
    onSettled: refresh,
  });
  const purge = useMutation({
    mutationFn: (item: BinItem) =>
      api<PurgeOutcome>('/api/bin/purge', { method: 'POST', body: { type: item.type, ids: [item.id] } }),
    onSuccess: (out, item) =>
      void (out.purged.length > 0
        ? toast.success(t('bin.purged', { name: item.name }))
        : toast.warning(t('bin.notPurged', { name: item.name }))),
    onError: notify,
    onSettled: refresh,
  });

  const columns = useMemo<DataColumn<BinItem>[]>(
    () => [
      {
        key: 'name',
        title: t('bin.name'),
        render: (i) => (
          <Link to={`/parties/${i.id}`} data-testid={`bin-open-${i.id}`}>
            {i.name}
          </Link>
        ),
      },
      { key: 'type', title: t('bin.type'), render: (i) => t(`bin.types.${i.type}`) },
      { key: 'deletedAt', title: t('bin.deletedAt'), render: (i) => format.dateTime(i.deletedAt) },
      {
        key: 'deletedBy',
        title: t('bin.deletedBy'),
        render: (i) =>
          i.deletedBy ? (
            <UserName id={i.deletedBy.id} name={i.deletedBy.name} />
          ) : (
            <Typography.Text type="secondary">—</Typography.Text>
          ),
      },
      { key: 'purgeableFrom', title: t('bin.purgeableFrom'), render: (i) => format.date(i.purgeableFrom) },
      {
        key: 'actions',
        kind: 'actions',
        title: t('common.actions'),
        render: (i) => {
          const early = Date.parse(i.purgeableFrom) > Date.now();
          return (
            <Space>
              <Button size="small" onClick={() => restore.mutate(i)} data-testid={`bin-restore-${i.id}`}>
                {t('bin.restore')}
              </Button>
              {isAdmin && (
                <Tooltip title={early ? t('bin.tooEarly', { date: format.date(i.purgeableFrom) }) : undefined}>
                  <Popconfirm
                    title={t('bin.purgeConfirm', { name: i.name })}
                    description={t('bin.purgeHint')}
                    onConfirm={() => purge.mutate(i)}
                    okText={t('bin.purge')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    disabled={early}
                  >
                    <Button size="small" danger disabled={early} data-testid={`bin-purge-${i.id}`}>
                      {t('bin.purge')}
                    </Button>
                  </Popconfirm>
                </Tooltip>
              )}
            </Space>
          );
        },
      },
    ],
    [t, format, restore, purge, isAdmin],
  );

  return (
    <div data-testid="bin-page">
      <PageHeader title={t('nav.bin')} description={t('bin.description', { days: BIN_RETENTION_DAYS })} />
      <DataTable<BinItem>
        tableKey="parties.bin"
        endpoint="/api/bin"
        columns={columns}
        rowKey={(i) => i.id}
        rowLabel={(i) => i.name}
        data-testid="bin-table"
      />
    </div>
  );
}
