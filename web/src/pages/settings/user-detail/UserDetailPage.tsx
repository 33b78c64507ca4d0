import { Button, Card, Descriptions, Popconfirm, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { hasRole, useMe } from '../../../auth/session.ts';
import type { User } from '../../../api/types.ts';
import { listKey } from '../../../components/DataTable/index.ts';
import { DetailLayout } from '../../../components/DetailLayout/DetailLayout.tsx';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { UserProfileCard } from './UserProfileCard.tsx';
import { UserHistory } from './UserHistory.tsx';

/** `/settings/users/:id`: edit a user's profile and roles, (de)activate, see their history. */
export default function UserDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const admin = hasRole(useMe().user, 'admin');
  const { notify } = useErrorMessage();
  const queryClient = useQueryClient();
  const key = ['users', id];
  const user = useQuery({ queryKey: key, queryFn: ({ signal }) => api<User>(`/api/users/${id}`, { signal }) });

  const saved = (u: User) => {
    queryClient.setQueryData(key, u);
    void queryClient.invalidateQueries({ queryKey: listKey('/api/users') });
    void queryClient.invalidateQueries({ queryKey: ['history', 'user', id] });
    void queryClient.invalidateQueries({ queryKey: ['users', 'stats'] });
  };
  const setActive = useMutation({
    mutationFn: (u: User) =>
      api<User>(`/api/users/${u.id}`, { method: 'PATCH', body: { active: !u.active, version: u.version } }),
    onSuccess: saved,
    onError: (e) => {
      notify(e);
      void user.refetch();
    },
  });

  if (user.isPending) {
    return <PageLoading />;
  }
  if (user.error) {
    return <QueryError error={user.error} onRetry={() => void user.refetch()} fullPage />;
  }
  const u = user.data;

  return (
    <DetailLayout
      back={{ to: '/settings/users', label: t('nav.users') }}
      title={<span data-testid="user-title">{u.displayName}</span>}
      subtitle={u.email}
      tags={u.active ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.inactive')}</Tag>}
      actions={
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
          <Button danger={u.active} loading={setActive.isPending} data-testid="user-toggle-active">
            {u.active ? t('users.deactivate') : t('users.reactivate')}
          </Button>
        </Popconfirm>
      }
      timeline={<UserHistory userId={u.id} />}
    >
      <UserProfileCard user={u} refreshing={user.isFetching} onSaved={saved} onConflict={() => void user.refetch()} />
      <Card title={t('users.details')} size="small">
        <Descriptions column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 3 }} size="small">
          <Descriptions.Item label={t('common.createdAt')}>{format.dateTime(u.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('common.updatedAt')}>{format.dateTime(u.updatedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('users.lastLogin')}>
            {u.lastLoginAt ? format.dateTime(u.lastLoginAt) : admin ? t('users.never') : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('common.version')}>{format.number(u.version)}</Descriptions.Item>
        </Descriptions>
      </Card>
    </DetailLayout>
  );
}
