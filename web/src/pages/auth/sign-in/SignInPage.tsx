import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/errors.ts';
import { safeNext } from '../../../auth/next.ts';
import { useLogin, useSession } from '../../../auth/session.ts';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { Logo } from '../../../layout/Logo.tsx';
import { SignInLanguage } from './SignInLanguage.tsx';

interface Credentials {
  email: string;
  password: string;
}

export default function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const login = useLogin();
  const { describe } = useErrorMessage();
  const next = safeNext(params.get('next'));

  if (session.isPending) {
    return <PageLoading minHeight="100vh" />;
  }
  if (session.data && !login.isPending) {
    return <Navigate to={next} replace />;
  }

  let failure: string | null = null;
  if (login.error) {
    failure =
      isApiError(login.error) && login.error.code === 'UNAUTHENTICATED'
        ? t('signIn.badCredentials')
        : describe(login.error);
  }
  const submit = (values: Credentials) =>
    login.mutate(values, { onSuccess: () => void navigate(next, { replace: true }) });

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 16, background: 'linear-gradient(160deg, #eef4ff 0%, #f5f6f8 55%)' }}
    >
      <div style={{ position: 'absolute', top: 12, right: 16 }}>
        <SignInLanguage />
      </div>
      <Card style={{ width: '100%', maxWidth: 400, boxShadow: '0 8px 24px rgba(0,0,0,0.06)' }}>
        <Flex vertical align="center" style={{ marginBottom: 8 }}>
          <Logo />
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('signIn.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
        </Flex>
        {params.get('next') && !failure && (
          <Alert
            type="info"
            showIcon
            message={t('signIn.continue')}
            style={{ margin: '16px 0' }}
            data-testid="sign-in-notice"
          />
        )}
        {failure && (
          <Alert
            type="error"
            showIcon
            message={failure}
            role="alert"
            style={{ margin: '16px 0' }}
            data-testid="sign-in-error"
          />
        )}
        <Form<Credentials> layout="vertical" onFinish={submit} requiredMark={false} style={{ marginTop: 16 }}>
          <Form.Item
            name="email"
            label={t('signIn.email')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input
              prefix={<MailOutlined aria-hidden />}
              type="email"
              autoComplete="username"
              autoFocus
              data-testid="sign-in-email"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('signIn.password')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input.Password
              prefix={<LockOutlined aria-hidden />}
              autoComplete="current-password"
              data-testid="sign-in-password"
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            size="large"
            loading={login.isPending}
            data-testid="sign-in-submit"
          >
            {t('signIn.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
