import { useMemo, useState } from 'react';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { hasRole, useMe } from '../../../auth/session.ts';
import type { User } from '../../../api/types.ts';
import { DataTable, listKey } from '../../../components/DataTable/index.ts';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useOrgUnits } from '../shared/useOrgUnits.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { CreateUserModal } from './CreateUserModal.tsx';
import { userColumns } from './userColumns.tsx';
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
  const admin = hasRole(useMe().user, 'admin');
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

  const columns = useMemo(
    () =>
      userColumns({
        t,
        format,
        orgUnits: units.map((o) => ({ value: o.id, label: pathOf(o.id) })),
        orgPath: pathOf,
        toggleActive: (u) => setActive.mutate(u),
        admin,
      }),
    [t, format, units, pathOf, setActive, admin],
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
