import { Button, Card, Checkbox, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { isApiError } from '../../../api/errors.ts';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { FormError } from '../../../components/forms/FormError.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { PublicHeader } from '../../../components/PublicHeader/PublicHeader.tsx';
import { referralBody, type Values } from './referralBody.ts';

/**
 * `/r/:code`: the page a customer's referral link opens (docs/care.md "Referral"). No sign-in, no app shell, made
 * for a 375 px phone, in the browser's language with the header's switch. The person leaves a name and an email or a
 * phone (email consent only when ticked); an unknown or forged code gets a friendly page.
 */
/** An unknown or forged code (gone), or a failure to ask (try again later). */
function InvalidLink({ gone }: { gone: boolean }) {
  const { t } = useTranslation();
  return (
    <div role="alert" data-testid="referral-invalid">
      <Result
        status="warning"
        title={t(gone ? 'care.landing.invalidTitle' : 'care.landing.failedTitle')}
        subTitle={t(gone ? 'care.landing.invalidText' : 'care.landing.failedText')}
      />
    </div>
  );
}

export default function ReferralLandingPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const [done, setDone] = useState(false);
  const endpoint = `/api/public/referrals/${encodeURIComponent(code)}`;
  const info = useQuery({
    queryKey: ['referral-landing', code],
    queryFn: ({ signal }) => api<{ organization: string }>(endpoint, { signal }),
    retry: (count, error) => !isApiError(error) && count < 2,
    refetchOnWindowFocus: false,
  });
  const f = useApiForm<Values>({
    submit: (v) => api<{ ok: true }>(endpoint, { method: 'POST', body: referralBody(v) }),
    onSuccess: () => setDone(true),
  });
  const email = Form.useWatch('email', f.form);

  let body;
  if (info.error) {
    body = <InvalidLink gone={isApiError(info.error) && info.error.status === 404} />;
  } else if (info.isPending) {
    body = <PageLoading />;
  } else if (done) {
    body = (
      <div role="status" data-testid="referral-done">
        <Result
          status="success"
          title={t('care.landing.doneTitle')}
          subTitle={t('care.landing.doneText', { organization: info.data.organization })}
        />
      </div>
    );
  } else {
    body = (
      <Card data-testid="referral-form-card">
        <Typography.Title level={4}>
          {t('care.landing.title', { organization: info.data.organization })}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('care.landing.intro')}</Typography.Paragraph>
        <Form form={f.form} layout="vertical" onFinish={f.onFinish} requiredMark={false} data-testid="referral-form">
          <Form.Item
            name="displayName"
            label={t('care.landing.name')}
            rules={[{ required: true, whitespace: true, message: t('care.landing.nameRequired') }]}
          >
            <Input autoComplete="name" size="large" data-testid="referral-name" />
          </Form.Item>
          <Form.Item
            name="email"
            label={t('care.landing.email')}
            dependencies={['phone']}
            rules={[
              { type: 'email', message: t('care.landing.emailInvalid') },
              ({ getFieldValue }) => ({
                validator: (_, value?: string) =>
                  value?.trim() || String(getFieldValue('phone') ?? '').trim()
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('care.landing.contactRequired'))),
              }),
            ]}
          >
            <Input type="email" inputMode="email" autoComplete="email" size="large" data-testid="referral-email" />
          </Form.Item>
          <Form.Item name="phone" label={t('care.landing.phone')}>
            <Input type="tel" inputMode="tel" autoComplete="tel" size="large" data-testid="referral-phone" />
          </Form.Item>
          <Form.Item name="consentEmail" valuePropName="checked">
            <Checkbox disabled={!email} data-testid="referral-consent">
              {t('care.landing.consent', { organization: info.data.organization })}
            </Checkbox>
          </Form.Item>
          <FormError message={f.formError} />
          <Button
            type="primary"
            htmlType="submit"
            block
            size="large"
            loading={f.submitting}
            data-testid="referral-submit"
          >
            {t('care.landing.submit')}
          </Button>
        </Form>
      </Card>
    );
  }
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5' }} data-testid="referral-page">
      <PublicHeader languageTestId="referral-language" />
      <main style={{ maxWidth: 480, margin: '0 auto', padding: '24px 16px' }}>{body}</main>
    </div>
  );
}
