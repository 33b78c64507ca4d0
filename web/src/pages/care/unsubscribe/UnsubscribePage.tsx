import { useEffect, useRef } from 'react';
import { Button, Card, Result, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { isApiError } from '../../../api/errors.ts';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { PublicHeader } from '../../../components/PublicHeader/PublicHeader.tsx';
import type { UnsubscribeInfo } from '../shared/types.ts';
import { unsubscribeLanguage } from './unsubscribeLanguage.ts';

const endpoint = '/api/public/unsubscribe';

/**
 * `/unsubscribe?token=…[&lang=zh|en]`: the link in every campaign message. No sign-in, no app shell, made for
 * phones. Opening it shows what will happen (GET writes nothing); the button confirms (POST).
 */
export default function UnsubscribePage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { t, i18n } = useTranslation();
  const info = useQuery({
    queryKey: ['unsubscribe', token],
    queryFn: ({ signal }) => api<UnsubscribeInfo>(endpoint, { query: { token }, signal }),
    enabled: Boolean(token),
    retry: (count, error) => !isApiError(error) && count < 2,
    refetchOnWindowFocus: false,
  });
  const confirm = useMutation({
    mutationFn: () => api<{ ok: true }>(endpoint, { method: 'POST', query: { token }, body: {} }),
  });
  // The language once, when the link's hint is known; the header's switch changes it afterwards.
  const chosen = useRef(false);
  const locale = info.data?.locale;
  const langParam = params.get('lang');
  useEffect(() => {
    if (chosen.current || (!langParam && locale === undefined)) {
      return;
    }
    chosen.current = true;
    const lang = unsubscribeLanguage(langParam, locale);
    if (lang && lang !== i18n.language) {
      void i18n.changeLanguage(lang);
    }
  }, [langParam, locale, i18n]);

  let body;
  if (!token || info.error) {
    const gone = !token || (isApiError(info.error) && info.error.status === 404);
    body = (
      <div role="alert" data-testid="unsubscribe-invalid">
        <Result
          status="warning"
          title={t(gone ? 'care.unsubscribe.invalidTitle' : 'care.unsubscribe.failedTitle')}
          subTitle={t(gone ? 'care.unsubscribe.invalidText' : 'care.unsubscribe.failedText')}
        />
      </div>
    );
  } else if (info.isPending) {
    body = <PageLoading />;
  } else if (confirm.isSuccess || info.data.unsubscribed) {
    body = (
      <div role="status" data-testid="unsubscribe-done">
        <Result
          status="success"
          title={t('care.unsubscribe.doneTitle')}
          subTitle={t('care.unsubscribe.doneText', { organization: info.data.organization })}
        />
      </div>
    );
  } else {
    body = (
      <Card data-testid="unsubscribe-confirm">
        <Typography.Title level={4}>{t('care.unsubscribe.title')}</Typography.Title>
        <Typography.Paragraph data-testid="unsubscribe-what">
          {t('care.unsubscribe.what', { organization: info.data.organization, address: info.data.address ?? '—' })}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('care.unsubscribe.transactional')}</Typography.Paragraph>
        {confirm.error && (
          <Typography.Paragraph type="danger" role="alert">
            {t('care.unsubscribe.failedText')}
          </Typography.Paragraph>
        )}
        <Button
          type="primary"
          danger
          block
          size="large"
          loading={confirm.isPending}
          onClick={() => confirm.mutate()}
          data-testid="unsubscribe-button"
        >
          {t('care.unsubscribe.button')}
        </Button>
      </Card>
    );
  }
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5' }} data-testid="unsubscribe-page">
      <PublicHeader languageTestId="unsubscribe-language" />
      <main style={{ maxWidth: 480, margin: '0 auto', padding: '24px 16px' }}>{body}</main>
    </div>
  );
}
