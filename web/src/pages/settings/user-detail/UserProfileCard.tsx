import { useEffect, useEffectEvent } from 'react';
import { Button, Card, Form } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { UpdateUser, User } from '../../../api/types.ts';
import { RoleTags } from '../../../components/RoleTags/RoleTags.tsx';
import { useToast } from '../../../components/feedback/toast.tsx';
import { VersionConflictModal, type ConflictField } from '../../../components/feedback/VersionConflictModal.tsx';
import { FormError } from '../../../components/forms/FormError.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { useOrgUnits } from '../shared/useOrgUnits.ts';
import { UserFields } from '../shared/UserFields/UserFields.tsx';

type ProfileValues = Pick<User, 'displayName' | 'email' | 'roles' | 'orgUnitId' | 'locale'> & { password?: string };

const toValues = (u: User): ProfileValues => ({
  displayName: u.displayName,
  email: u.email,
  roles: u.roles,
  orgUnitId: u.orgUnitId,
  locale: u.locale,
});

const conflictFieldsOf = (t: TFunction, pathOf: (id: string | null) => string): ConflictField[] => [
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

interface Props {
  user: User;
  /** The user is being reloaded (after a conflict): the dialog waits for the server's version. */
  refreshing: boolean;
  onSaved: (user: User) => void;
  onConflict: () => void;
}

/** Name, email, roles, org unit, language and a new password, saved with the user's version. */
export function UserProfileCard({ user, refreshing, onSaved, onConflict }: Props) {
  const { t } = useTranslation();
  const message = useToast();
  const { pathOf } = useOrgUnits();
  const profile = useApiForm<ProfileValues, User>({
    submit: (values) => {
      const body: UpdateUser = { ...values, version: user.version };
      if (!values.password) {
        delete body.password;
      }
      return api<User>(`/api/users/${user.id}`, { method: 'PATCH', body });
    },
    onSuccess: (u) => {
      onSaved(u);
      void message.success(t('common.saved'));
    },
    onConflict,
  });
  const { form } = profile;

  // New server data resets the form, except while a conflict shows both versions side by side.
  const refill = useEffectEvent((u: User) => {
    if (profile.conflict === null) {
      form.resetFields();
      form.setFieldsValue(toValues(u));
    }
  });
  useEffect(() => refill(user), [user]);

  return (
    <>
      <Card title={t('users.profile')} size="small" style={{ marginBottom: 16 }}>
        <FormError message={profile.formError} />
        <Form<ProfileValues>
          form={form}
          layout="vertical"
          onFinish={profile.onFinish}
          initialValues={toValues(user)}
          style={{ maxWidth: 560 }}
        >
          <UserFields mode="edit" />
          <Button type="primary" htmlType="submit" loading={profile.submitting} data-testid="user-profile-save">
            {t('common.save')}
          </Button>
        </Form>
      </Card>
      <VersionConflictModal
        open={profile.conflict !== null}
        fields={conflictFieldsOf(t, pathOf)}
        mine={profile.conflict ?? {}}
        current={refreshing ? undefined : user}
        onCancel={profile.clearConflict}
        onReload={() => {
          form.setFieldsValue(toValues(user));
          profile.clearConflict();
        }}
      />
    </>
  );
}
