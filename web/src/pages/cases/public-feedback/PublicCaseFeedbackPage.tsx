import { useState, type ReactNode } from 'react';
import { Button, Input, Typography } from 'antd';
import { CheckCircleFilled, ClockCircleOutlined, LinkOutlined, WarningFilled } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { isApiError } from '../../../api/errors.ts';
import type { PublicFeedback } from '../../../api/types.ts';
import { PageLoading } from '../../../components/feedback/states.tsx';
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
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [done, setDone] = useState(false);
  const info = useQuery({
    queryKey: ['case-feedback', token],
    queryFn: ({ signal }) => api<PublicFeedback>(`/api/public/case-feedback/${encodeURIComponent(token)}`, { signal }),
    retry: (count, error) => !isApiError(error) && count < 2,
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });
  const submit = useMutation({
    mutationFn: () =>
      api<{ ok: true }>(`/api/public/case-feedback/${encodeURIComponent(token)}`, {
        method: 'POST',
        body: { score, comment: comment.trim() || undefined },
      }),
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
          <div>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
              {t('service.feedback.about')}
            </Typography.Paragraph>
            <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="feedback-subject">
              {info.data.subject}
            </Typography.Title>
            <Typography.Paragraph style={{ fontSize: 17, fontWeight: 500 }} id="feedback-question">
              {t('service.feedback.question')}
            </Typography.Paragraph>
            <div className="tandem-feedback-scores" role="radiogroup" aria-labelledby="feedback-question">
              {[1, 2, 3, 4, 5].map((n) => (
                <Button
                  key={n}
                  type={score === n ? 'primary' : 'default'}
                  role="radio"
                  aria-checked={score === n}
                  onClick={() => setScore(n)}
                  data-testid={`feedback-score-${n}`}
                >
                  {n}
                </Button>
              ))}
            </div>
            <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 6 }}>
              <Typography.Text type="secondary">{t('service.feedback.low')}</Typography.Text>
              <Typography.Text type="secondary">{t('service.feedback.high')}</Typography.Text>
            </div>
            <Input.TextArea
              rows={3}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              maxLength={2000}
              placeholder={t('service.feedback.comment')}
              aria-label={t('service.feedback.comment')}
              style={{ marginTop: 20 }}
              data-testid="feedback-comment"
            />
            {state === 'failed' && (
              <Typography.Paragraph type="danger" role="alert" style={{ marginTop: 12 }}>
                {t('service.feedback.failed.text')}
              </Typography.Paragraph>
            )}
            <Button
              type="primary"
              size="large"
              block
              disabled={score === null}
              loading={submit.isPending}
              onClick={() => submit.mutate()}
              style={{ marginTop: 16, height: 48 }}
              data-testid="feedback-submit"
            >
              {t('service.feedback.submit')}
            </Button>
          </div>
        ) : null}
      </main>
    </div>
  );
}
