import { useMemo, useRef, useState } from 'react';
import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PublicSurvey, SurveyQuestion, SurveySubmitResponse } from '../../../../api/types.ts';
import { formatDateTime } from '../../../../i18n/format.ts';
import { localized, missingRequired, toSubmission, type Answers, type AnswerValue } from '../answers.ts';
import { QuestionInput, type FixedT } from './QuestionInput.tsx';
import type { Lang } from '../builder.ts';
import { useLanguages } from '../../../../i18n/useLanguages.ts';
import './survey.css';

interface Props {
  survey: PublicSurvey;
  lang: Lang;
  /** Absent in the builder's preview: the answers are checked but not sent. */
  onSubmit?: (body: SurveySubmitResponse) => Promise<void>;
  /** Per-question messages from a 400 of the server (question id → message). */
  serverErrors?: Record<string, string>;
  submitting?: boolean;
}

/** A survey as a respondent sees it (the public page and the builder's preview render the same). */
export function SurveyResponder({ survey, lang, onSubmit, serverErrors, submitting }: Props) {
  const { i18n } = useTranslation();
  const language = lang === 'zh' ? 'zh-CN' : 'en';
  // The respondent's language may not be the page's: its strings are loaded first (a separate chunk).
  const ready = useLanguages([language]);
  const t = useMemo(() => i18n.getFixedT(language), [i18n, language, ready]); // eslint-disable-line react-hooks/exhaustive-deps
  const [answers, setAnswers] = useState<Answers>({});
  const [missing, setMissing] = useState<string[]>([]);
  const [previewDone, setPreviewDone] = useState(false);
  const root = useRef<HTMLFormElement>(null);
  const set = (id: string, v: AnswerValue | undefined) => {
    setAnswers((a) => ({ ...a, [id]: v }));
    setMissing((m) => m.filter((x) => x !== id));
    setPreviewDone(false);
  };

  const submit = () => {
    const gaps = missingRequired(survey.questions, answers);
    setMissing(gaps);
    if (gaps.length) {
      root.current
        ?.querySelector<HTMLElement>(`[data-question="${gaps[0]}"]`)
        ?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      return;
    }
    if (onSubmit) {
      void onSubmit(toSubmission(survey.questions, answers));
    } else {
      setPreviewDone(true);
    }
  };

  return (
    <form
      ref={root}
      className="tandem-survey"
      lang={lang === 'zh' ? 'zh-CN' : 'en'}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      data-testid="survey-form"
    >
      <Typography.Title level={3} style={{ marginTop: 8, overflowWrap: 'anywhere' }} data-testid="survey-title">
        {localized(survey.title, lang)}
      </Typography.Title>
      {survey.description && (
        <Typography.Paragraph style={{ fontSize: 15 }}>{localized(survey.description, lang)}</Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {survey.anonymous ? t('surveys.answer.anonymousNote') : t('surveys.answer.namedNote')}
        {survey.closesAt && (
          <>
            {' '}
            {t('surveys.answer.closesAt', { date: formatDateTime(survey.closesAt, lang === 'zh' ? 'zh-CN' : 'en') })}
          </>
        )}
      </Typography.Paragraph>
      {survey.questions.map((q, i) => (
        <QuestionField
          key={q.id}
          q={q}
          index={i}
          lang={lang}
          t={t}
          error={missing.includes(q.id) ? t('surveys.answer.requiredError') : serverErrors?.[q.id]}
          value={answers[q.id]}
          onChange={(v) => set(q.id, v)}
        />
      ))}
      {missing.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('surveys.answer.missing', { count: missing.length })}
          data-testid="answer-missing"
        />
      )}
      {previewDone && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('surveys.answer.previewOk')}
          data-testid="preview-ok"
        />
      )}
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        block
        loading={submitting}
        style={{ height: 52, fontSize: 17 }}
        data-testid="answer-submit"
      >
        {onSubmit ? t('surveys.answer.submit') : t('surveys.answer.checkPreview')}
      </Button>
    </form>
  );
}

/** One question: its number and text, required or optional, the input, and why it is not accepted yet. */
function QuestionField({
  q,
  index,
  lang,
  t,
  error,
  value,
  onChange,
}: {
  q: SurveyQuestion;
  index: number;
  lang: Lang;
  t: FixedT;
  error: string | undefined;
  value: AnswerValue | undefined;
  onChange: (v: AnswerValue | undefined) => void;
}) {
  return (
    <fieldset
      key={q.id}
      className="tandem-survey-question"
      data-question={q.id}
      data-invalid={Boolean(error)}
      style={{ minWidth: 0 }}
      aria-invalid={Boolean(error)}
    >
      <legend className="tandem-survey-qtext" style={{ float: 'left', width: '100%', padding: 0 }}>
        <span aria-hidden style={{ color: 'rgba(0,0,0,0.45)', marginInlineEnd: 6 }}>
          {index + 1}.
        </span>
        {localized(q.text, lang) || <Typography.Text type="secondary">{t('surveys.answer.untitled')}</Typography.Text>}
        {q.required ? (
          <span style={{ color: '#ff4d4f', marginInlineStart: 4 }} aria-label={t('surveys.answer.required')}>
            *
          </span>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 400, marginInlineStart: 6 }}>
            {t('surveys.answer.optional')}
          </Typography.Text>
        )}
      </legend>
      <div style={{ clear: 'both' }}>
        <QuestionInput q={q} lang={lang} value={value} onChange={onChange} t={t} />
      </div>
      {error && (
        <div role="alert" style={{ color: '#ff4d4f', marginTop: 8 }} data-testid={`answer-error-${q.id}`}>
          {error}
        </div>
      )}
    </fieldset>
  );
}
