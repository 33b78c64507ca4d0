import { useState, type ReactNode } from 'react';
import { Alert, Button, Typography } from 'antd';
import { CheckCircleFilled, ClockCircleOutlined, LinkOutlined, StopOutlined, WarningFilled } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { isApiError, validationIssues } from '../../../api/errors.ts';
import type { PublicSurvey, SurveySubmitResponse } from '../../../api/types.ts';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { langOf, linkStateOf, serverIssuesByQuestion, type LinkState } from '../shared/answers.ts';
import { SurveyResponder } from '../shared/SurveyResponder/SurveyResponder.tsx';
import { PublicHeader } from '../../../components/PublicHeader/PublicHeader.tsx';
import '../shared/SurveyResponder/survey.css';

const icons: Record<LinkState | 'thanks', ReactNode> = {
  thanks: <CheckCircleFilled style={{ color: '#52c41a' }} />,
  answered: <CheckCircleFilled style={{ color: '#52c41a' }} />,
  unknown: <LinkOutlined style={{ color: '#8c8c8c' }} />,
  closed: <StopOutlined style={{ color: '#8c8c8c' }} />,
  notOpen: <ClockCircleOutlined style={{ color: '#1668dc' }} />,
  rateLimited: <ClockCircleOutlined style={{ color: '#faad14' }} />,
  invalid: <WarningFilled style={{ color: '#faad14' }} />,
  failed: <WarningFilled style={{ color: '#ff4d4f' }} />,
};

/** `/s/:token`: the answer page behind an invitation link. No app shell, no sign-in; made for phones. */
export default function PublicSurveyPage() {
  const { token = '' } = useParams();
  // Opened from My surveys (signed in): the thanks page leads back there.
  const back = (useLocation().state as { back?: string } | null)?.back;
  const navigate = useNavigate();
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const [done, setDone] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const survey = useQuery({
    queryKey: ['public-survey', token],
    queryFn: ({ signal }) => api<PublicSurvey>(`/api/public/surveys/${encodeURIComponent(token)}`, { signal }),
    retry: (count, error) => !isApiError(error) && count < 2,
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });
  const submit = useMutation({
    mutationFn: (body: SurveySubmitResponse) =>
      api<{ ok: true }>(`/api/public/surveys/${encodeURIComponent(token)}/responses`, { method: 'POST', body }),
    onSuccess: () => {
      setDone(true);
      window.scrollTo({ top: 0 });
    },
  });

  const onSubmit = async (body: SurveySubmitResponse) => {
    setServerErrors({});
    try {
      await submit.mutateAsync(body);
    } catch (error) {
      const issues = validationIssues(error);
      if (issues.length) {
        setServerErrors(serverIssuesByQuestion(issues, body));
      } else {
        window.scrollTo({ top: 0 });
      }
    }
  };

  // A failed submit that is not about the answers (answered meanwhile, closed, rate limited) replaces the form.
  const submitState =
    submit.error && !validationIssues(submit.error).length
      ? linkStateOf(isApiError(submit.error) ? submit.error : { status: 0, code: 'NETWORK' })
      : null;
  const loadState = survey.error
    ? linkStateOf(isApiError(survey.error) ? survey.error : { status: 0, code: 'NETWORK' })
    : null;
  // A network failure, rate limit or refused body keeps the answers on screen so the respondent can try again.
  const retryable = submitState === 'failed' || submitState === 'rateLimited' || submitState === 'invalid';
  const state: LinkState | 'thanks' | null = done ? 'thanks' : (loadState ?? (retryable ? null : submitState));

  return (
    <div className="tandem-survey-page" data-testid="public-survey">
      <PublicHeader className="tandem-survey-header" languageTestId="survey-language" />
      <main>
        {state ? (
          <div
            role={state === 'thanks' ? 'status' : 'alert'}
            style={{ textAlign: 'center', padding: '72px 16px', maxWidth: 520, margin: '0 auto' }}
            data-testid={`survey-state-${state}`}
          >
            <div style={{ fontSize: 56, lineHeight: 1, marginBottom: 20 }} aria-hidden>
              {icons[state]}
            </div>
            <Typography.Title level={3}>{t(`surveys.public.${state}.title`)}</Typography.Title>
            <Typography.Paragraph type="secondary" style={{ fontSize: 16 }}>
              {t(`surveys.public.${state}.text`)}
            </Typography.Paragraph>
            {back && (
              <Button type="primary" onClick={() => void navigate(back)} data-testid="survey-back">
                {t('surveys.public.backToMine')}
              </Button>
            )}
          </div>
        ) : survey.isPending ? (
          <PageLoading />
        ) : survey.data ? (
          <>
            {retryable && submitState && (
              <Alert
                type="error"
                showIcon
                style={{ maxWidth: 720, margin: '0 auto 12px' }}
                message={t(`surveys.public.${submitState}.title`)}
                description={t(`surveys.public.${submitState}.text`)}
                data-testid="submit-error"
              />
            )}
            <SurveyResponder
              survey={survey.data}
              lang={lang}
              onSubmit={onSubmit}
              serverErrors={serverErrors}
              submitting={submit.isPending}
            />
          </>
        ) : null}
      </main>
    </div>
  );
}
