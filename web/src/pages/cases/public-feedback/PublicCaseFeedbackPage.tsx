import { useState, type ReactNode } from 'react';
import { Typography } from 'antd';
import { CheckCircleFilled, ClockCircleOutlined, LinkOutlined, WarningFilled } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { isApiError } from '../../../api/errors.ts';
import type { FeedbackInput, PublicFeedback } from '../../../api/types.ts';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { FeedbackForm } from './FeedbackForm.tsx';
import { PublicHeader } from '../../../components/PublicHeader/PublicHeader.tsx';
import '../shared/public.css';

type State = 'thanks' | 'answered' | 'unknown' | 'rateLimited' | 'failed';
const icons: Record<State, ReactNode> = {
  thanks: <CheckCircleFilled style={{ color: '#52c41a' }} />,
  answered: <CheckCircleFilled style={{ color: '#52c41a' }} />,
  unknown: <LinkOutlined style={{ color: '#8c8c8c' }} />,
  rateLimited: <ClockCircleOutlined style={{ color: '#faad14' }} />,
  failed: <WarningFilled style={{ color: '#ff4d4f' }} />,
};

/** The page state an API error means: unknown and expired links answer the same 404 on purpose. */
function feedbackStateOf(error: unknown): State {
  if (!isApiError(error)) {
    return 'failed';
  }
  if (error.status === 404) {
    return 'unknown';
  }
  if (error.status === 409) {
    return 'answered';
  }
  if (error.status === 429) {
    return 'rateLimited';
  }
  return 'failed';
}

/** `/feedback/:token`: the customer's one-question satisfaction answer after a case was resolved. No sign-in. */
export default function PublicCaseFeedbackPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const [done, setDone] = useState(false);
  const info = useQuery({
    queryKey: ['case-feedback', token],
    queryFn: ({ signal }) => api<PublicFeedback>(`/api/public/case-feedback/${encodeURIComponent(token)}`, { signal }),
    retry: (count, error) => !isApiError(error) && count < 2,
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });
  const submit = useMutation({
    mutationFn: (body: FeedbackInput) =>
      api<{ ok: true }>(`/api/public/case-feedback/${encodeURIComponent(token)}`, { method: 'POST', body }),
    onSuccess: () => setDone(true),
  });
  const state: State | null = done
    ? 'thanks'
    : info.error
      ? feedbackStateOf(info.error)
      : info.data?.answered
        ? 'answered'
        : submit.error
          ? feedbackStateOf(submit.error)
          : null;

  return (
    <div className="tandem-public-page" data-testid="case-feedback">
      <PublicHeader languageTestId="feedback-language" />
      <main className="tandem-public-main">
        {state && state !== 'failed' ? (
          <div
            role={state === 'thanks' ? 'status' : 'alert'}
            style={{ textAlign: 'center', padding: '64px 8px' }}
            data-testid={`feedback-state-${state}`}
          >
            <div style={{ fontSize: 56, lineHeight: 1, marginBottom: 20 }} aria-hidden>
              {icons[state]}
            </div>
            <Typography.Title level={3}>{t(`service.feedback.${state}.title`)}</Typography.Title>
            <Typography.Paragraph type="secondary" style={{ fontSize: 16 }}>
              {t(`service.feedback.${state}.text`)}
            </Typography.Paragraph>
          </div>
        ) : info.isPending ? (
          <PageLoading />
        ) : info.data ? (
          <FeedbackForm
            subject={info.data.subject}
            failed={state === 'failed'}
            submitting={submit.isPending}
            onSubmit={(body) => submit.mutate(body)}
          />
        ) : null}
      </main>
    </div>
  );
}
