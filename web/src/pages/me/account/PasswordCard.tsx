import { useState } from 'react';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { ChangePassword } from '../../../api/types.ts';
import { FormError } from '../../../components/forms/FormError.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { sessionsKey } from '../shared/api.ts';

type PasswordValues = ChangePassword & { repeat: string };

/**
 * A new password, with the current one first. The server says on the field why a password is refused (wrong current
 * password; a common one, the email, too short); success signs out the other sessions and every API token.
 */
export function PasswordCard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [changed, setChanged] = useState(false);
  const password = useApiForm<PasswordValues>({
    submit: ({ currentPassword, newPassword }) =>
      api<void>('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } }),
    onSuccess: () => {
      password.form.resetFields();
      setChanged(true);
      void queryClient.invalidateQueries({ queryKey: sessionsKey });
    },
  });
  const required = { required: true, message: t('validation.required') };
  return (
    <Card size="small" title={t('me.account.password')} style={{ height: '100%' }} data-testid="account-password">
      {changed && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setChanged(false)}
          style={{ marginBottom: 12 }}
          message={t('me.account.passwordChanged')}
          description={t('me.account.passwordChangedText')}
          data-testid="password-changed"
        />
      )}
      <FormError message={password.formError} />
      <Form<PasswordValues>
        form={password.form}
        layout="vertical"
        onFinish={password.onFinish}
        onValuesChange={() => setChanged(false)}
      >
        <Form.Item name="currentPassword" label={t('me.account.currentPassword')} rules={[required]}>
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('me.account.newPassword')}
          extra={t('me.account.newPasswordHint')}
          rules={[required]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="repeat"
          label={t('me.account.repeatPassword')}
          dependencies={['newPassword']}
          rules={[
            required,
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('me.account.passwordsDiffer'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-repeat" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={password.submitting} data-testid="password-save">
          {t('me.account.changePassword')}
        </Button>
      </Form>
    </Card>
  );
}
