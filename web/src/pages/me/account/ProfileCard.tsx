import { useEffect } from 'react';
import { Button, Card, Descriptions, Form, Input, Select, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { Locale, MeResponse, SessionUser } from '../../../api/types.ts';
import { meKey, useMe } from '../../../auth/session.ts';
import { RoleTags } from '../../../components/RoleTags/RoleTags.tsx';
import { useToast } from '../../../components/feedback/toast.tsx';
import { FormError } from '../../../components/forms/FormError.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { rememberLanguage, supportedLanguages } from '../../../i18n/language.ts';

interface ProfileValues {
  displayName: string;
  /** '' stands for "browser default" (null on the server): a Select cannot hold null as a choice. */
  locale: Locale | '';
}

/** The user's own name and language (`PATCH /api/auth/me`); email and roles are the administrators' to change. */
export function ProfileCard() {
  const { t, i18n } = useTranslation();
  const { user } = useMe();
  const toast = useToast();
  const queryClient = useQueryClient();
  const profile = useApiForm<ProfileValues, { user: SessionUser }>({
    submit: (values) =>
      api<{ user: SessionUser }>('/api/auth/me', {
        method: 'PATCH',
        body: { displayName: values.displayName, locale: values.locale || null },
      }),
    onSuccess: ({ user: saved }) => {
      queryClient.setQueryData<MeResponse | null>(meKey, (old) => (old ? { ...old, user: saved } : old));
      if (saved.locale && saved.locale !== i18n.language) {
        rememberLanguage(saved.locale);
        void i18n.changeLanguage(saved.locale);
      }
      void toast.success(t('common.saved'));
    },
  });
  // The language switch in the header changes the saved language too.
  const { form } = profile;
  useEffect(() => form.setFieldValue('locale', user.locale ?? ''), [form, user.locale]);
  return (
    <Card size="small" title={t('me.account.profile')} style={{ height: '100%' }} data-testid="account-profile">
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('me.account.email')}>{user.email}</Descriptions.Item>
        <Descriptions.Item label={t('me.account.roles')}>
          <RoleTags roles={user.roles} />
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary">{t('me.account.adminOnly')}</Typography.Paragraph>
      <FormError message={profile.formError} />
      <Form<ProfileValues>
        form={profile.form}
        layout="vertical"
        onFinish={profile.onFinish}
        initialValues={{ displayName: user.displayName, locale: user.locale ?? '' }}
      >
        <Form.Item
          name="displayName"
          label={t('me.account.displayName')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={200} data-testid="account-display-name" />
        </Form.Item>
        <Form.Item name="locale" label={t('me.account.locale')}>
          <Select
            data-testid="account-locale"
            options={[
              { value: '', label: t('me.account.localeDefault') },
              ...supportedLanguages.map((l) => ({ value: l, label: t(`languages.${l}`) })),
            ]}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={profile.submitting} data-testid="account-profile-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
