import { useMemo, useState } from 'react';
import { Button, Popconfirm, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { roles } from '@tandem/server/api';
import { api } from '../../../api/client.ts';
import type { User } from '../../../api/types.ts';
import { DataTable, listKey, type DataColumn } from '../../../components/DataTable/index.ts';
import { RoleTags } from '../../../components/RoleTags/RoleTags.tsx';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useOrgUnits } from '../shared/orgUnits.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { CreateUserModal } from './CreateUserModal.tsx';
import { useToast } from '../../../components/feedback/toast.tsx';

/** `/settings/users`: everybody who can sign in, with roles and status. */
export default function UsersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const message = useToast();
  const { notify } = useErrorMessage();
  const queryClient = useQueryClient();
  const { units, pathOf } = useOrgUnits();
  const [creating, setCreating] = useState(false);
  const [params] = useSearchParams();
  const focus = params.get('focus');

  const setActive = useMutation({
    mutationFn: (u: User) =>
      api<User>(`/api/users/${u.id}`, { method: 'PATCH', body: { active: !u.active, version: u.version } }),
    onSuccess: (u) =>
      void message.success(
        u.active ? t('users.reactivated', { name: u.displayName }) : t('users.deactivated', { name: u.displayName }),
      ),
    onError: notify,
    onSettled: () => queryClient.invalidateQueries({ queryKey: listKey('/api/users') }),
  });

  const columns = useMemo<DataColumn<User>[]>(
    () => [
      {
        key: 'displayName',
        title: t('users.displayName'),
        sortable: true,
        render: (u) => <Typography.Text strong>{u.displayName}</Typography.Text>,
      },
      { key: 'email', title: t('users.email'), sortable: true },
      {
        key: 'roles',
        title: t('users.roles'),
        filter: { type: 'select', param: 'role', options: roles.map((r) => ({ value: r, label: t(`roles.${r}`) })) },
        render: (u) => <RoleTags roles={u.roles} />,
      },
      {
        key: 'orgUnitId',
        title: t('users.orgUnit'),
        filter: { type: 'select', options: units.map((o) => ({ value: o.id, label: pathOf(o.id) })) },
        render: (u) => pathOf(u.orgUnitId),
      },
      {
        key: 'active',
        title: t('users.status'),
        filter: {
          type: 'select',
          options: [
            { value: 'true', label: t('users.active') },
            { value: 'false', label: t('users.inactive') },
          ],
        },
        render: (u) => (u.active ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.inactive')}</Tag>),
      },
      {
        key: 'lastLoginAt',
        title: t('users.lastLogin'),
        sortable: true,
        render: (u) => (u.lastLoginAt ? format.relative(u.lastLoginAt) : t('users.never')),
      },
      {
        key: 'createdAt',
        title: t('common.createdAt'),
        sortable: true,
        hidden: true,
        render: (u) => format.dateTime(u.createdAt),
      },
      {
        key: 'actions',
        kind: 'actions',
        title: t('common.actions'),
        render: (u) => (
          <Popconfirm
            title={
              u.active
                ? t('users.deactivateConfirm', { name: u.displayName })
                : t('users.reactivateConfirm', { name: u.displayName })
            }
            onConfirm={() => setActive.mutate(u)}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
          >
            <Button size="small" danger={u.active} data-testid={`user-toggle-${u.email}`}>
              {u.active ? t('users.deactivate') : t('users.reactivate')}
            </Button>
          </Popconfirm>
        ),
      },
    ],
    [t, format, units, pathOf, setActive],
  );

  if (focus) {
    // Search results link to `?focus=<id>`: open that user.
    return <Navigate to={`/settings/users/${encodeURIComponent(focus)}`} replace />;
  }
  return (
    <div data-testid="users-page">
      <PageHeader
        title={t('nav.users')}
        description={t('users.description')}
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="user-create">
            {t('users.create')}
          </Button>
        }
      />
      <DataTable<User>
        tableKey="settings.users"
        endpoint="/api/users"
        exportEndpoint="/api/users/export"
        columns={columns}
        rowKey={(u) => u.id}
        rowLabel={(u) => `${u.displayName} ${u.email}`}
        onOpen={(u) => void navigate(`/settings/users/${u.id}`)}
        defaultSort="displayName"
        searchParam="q"
        syncUrl
        data-testid="users-table"
      />
      <CreateUserModal open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
