import { useEffect, useEffectEvent } from 'react';
import { Button, Card, Descriptions, Form, Popconfirm, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { UpdateUser, User } from '../../../api/types.ts';
import { listKey } from '../../../components/DataTable/index.ts';
import { DetailLayout } from '../../../components/DetailLayout/DetailLayout.tsx';
import { RoleTags } from '../../../components/RoleTags/RoleTags.tsx';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { VersionConflictModal, type ConflictField } from '../../../components/feedback/VersionConflictModal.tsx';
import { FormError } from '../../../components/forms/FormError.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { useOrgUnits } from '../shared/orgUnits.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { UserFields } from '../shared/UserFields/UserFields.tsx';
import { UserHistory } from './UserHistory.tsx';
import { useToast } from '../../../components/feedback/toast.tsx';

type ProfileValues = Pick<User, 'displayName' | 'email' | 'roles' | 'orgUnitId' | 'locale'> & { password?: string };

const toValues = (u: User): ProfileValues => ({
  displayName: u.displayName,
  email: u.email,
  roles: u.roles,
  orgUnitId: u.orgUnitId,
  locale: u.locale,
});

/** `/settings/users/:id`: edit a user's profile and roles, (de)activate, see their history. */
export default function UserDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const message = useToast();
  const { notify } = useErrorMessage();
  const queryClient = useQueryClient();
  const { pathOf } = useOrgUnits();
  const key = ['users', id];
  const user = useQuery({ queryKey: key, queryFn: ({ signal }) => api<User>(`/api/users/${id}`, { signal }) });
  const version = user.data?.version;

  const saved = (u: User) => {
    queryClient.setQueryData(key, u);
    void queryClient.invalidateQueries({ queryKey: listKey('/api/users') });
    void queryClient.invalidateQueries({ queryKey: ['history', 'user', id] });
    void queryClient.invalidateQueries({ queryKey: ['users', 'stats'] });
  };
  const profile = useApiForm<ProfileValues, User>({
    submit: (values) => {
      const body: UpdateUser = { ...values, version };
      if (!values.password) {
        delete body.password;
      }
      return api<User>(`/api/users/${id}`, { method: 'PATCH', body });
    },
    onSuccess: (u) => {
      saved(u);
      void message.success(t('common.saved'));
    },
    onConflict: () => void user.refetch(),
  });
  const { form } = profile;

  // New server data resets the form, except while a conflict shows both versions side by side.
  const refill = useEffectEvent((u: User) => {
    if (profile.conflict === null) {
      form.resetFields();
      form.setFieldsValue(toValues(u));
    }
  });
  const data = user.data;
  useEffect(() => {
    if (data) {
      refill(data);
    }
  }, [data]);

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
  const conflictFields: ConflictField[] = [
    { name: 'displayName', label: t('users.displayName') },
    { name: 'email', label: t('users.email') },
    {
      name: 'roles',
      label: t('users.roles'),
      format: (v) => <RoleTags roles={Array.isArray(v) ? (v as string[]) : []} />,
    },
    { name: 'orgUnitId', label: t('users.orgUnit'), format: (v) => pathOf(typeof v === 'string' ? v : null) || '—' },
    {
      name: 'locale',
      label: t('users.locale'),
      format: (v) => (typeof v === 'string' ? t(`languages.${v}`) : t('users.localeDefault')),
    },
  ];

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
      <Card title={t('users.profile')} size="small" style={{ marginBottom: 16 }}>
        <FormError message={profile.formError} />
        <Form<ProfileValues>
          form={form}
          layout="vertical"
          onFinish={profile.onFinish}
          initialValues={toValues(u)}
          style={{ maxWidth: 560 }}
        >
          <UserFields mode="edit" />
          <Button type="primary" htmlType="submit" loading={profile.submitting} data-testid="user-profile-save">
            {t('common.save')}
          </Button>
        </Form>
      </Card>
      <Card title={t('users.details')} size="small">
        <Descriptions column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 3 }} size="small">
          <Descriptions.Item label={t('common.createdAt')}>{format.dateTime(u.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('common.updatedAt')}>{format.dateTime(u.updatedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('users.lastLogin')}>
            {u.lastLoginAt ? format.dateTime(u.lastLoginAt) : t('users.never')}
          </Descriptions.Item>
          <Descriptions.Item label={t('common.version')}>{format.number(u.version)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <VersionConflictModal
        open={profile.conflict !== null}
        fields={conflictFields}
        mine={profile.conflict ?? {}}
        current={user.isFetching ? undefined : user.data}
        onCancel={profile.clearConflict}
        onReload={() => {
          form.setFieldsValue(toValues(u));
          profile.clearConflict();
        }}
      />
    </DetailLayout>
  );
}
