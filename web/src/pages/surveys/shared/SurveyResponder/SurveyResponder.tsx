import { useMemo, useRef, useState } from 'react';
import { Alert, Button, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PublicSurvey, SurveyQuestion, SurveySubmitResponse } from '../../../../api/types.ts';
import { formatDateTime } from '../../../../i18n/format.ts';
import { localized, missingRequired, scalePoints, toSubmission, type Answers, type AnswerValue } from '../answers.ts';
import type { Lang } from '../builder.ts';
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
  const t = useMemo(() => i18n.getFixedT(lang === 'zh' ? 'zh-CN' : 'en'), [i18n, lang]);
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
      {survey.questions.map((q, i) => {
        const error = missing.includes(q.id) ? t('surveys.answer.requiredError') : serverErrors?.[q.id];
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
                {i + 1}.
              </span>
              {localized(q.text, lang) || (
                <Typography.Text type="secondary">{t('surveys.answer.untitled')}</Typography.Text>
              )}
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
              <QuestionInput q={q} lang={lang} value={answers[q.id]} onChange={(v) => set(q.id, v)} t={t} />
            </div>
            {error && (
              <div role="alert" style={{ color: '#ff4d4f', marginTop: 8 }} data-testid={`answer-error-${q.id}`}>
                {error}
              </div>
            )}
          </fieldset>
        );
      })}
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

type FixedT = (key: string, options?: Record<string, unknown>) => string;

function Points({
  q,
  points,
  value,
  onChange,
  label,
  testId,
}: {
  q: SurveyQuestion;
  points: number[];
  value: number | undefined;
  onChange: (v: number) => void;
  label: string;
  testId: string;
}) {
  return (
    <div
      role="radiogroup"
      aria-label={label}
      className="tandem-survey-points"
      data-many={points.length > 7}
      style={{ ['--cols' as string]: String(points.length) }}
      data-testid={testId}
    >
      {points.map((p) => (
        <button
          key={p}
          type="button"
          role="radio"
          aria-checked={value === p}
          className="tandem-survey-point"
          onClick={() => onChange(p)}
          data-testid={`${testId}-${p}`}
          data-question-type={q.type}
        >
          {p}
        </button>
      ))}
    </div>
  );
}

function Ends({ low, high }: { low: string; high: string }) {
  if (!low && !high) {
    return null;
  }
  return (
    <div className="tandem-survey-ends" aria-hidden>
      <span>{low}</span>
      <span>{high}</span>
    </div>
  );
}

function QuestionInput({
  q,
  lang,
  value,
  onChange,
  t,
}: {
  q: SurveyQuestion;
  lang: Lang;
  value: AnswerValue | undefined;
  onChange: (v: AnswerValue | undefined) => void;
  t: FixedT;
}) {
  const label = localized(q.text, lang);
  switch (q.type) {
    case 'nps':
      return (
        <>
          <Points
            q={q}
            points={scalePoints(q)}
            value={typeof value === 'number' ? value : undefined}
            onChange={onChange}
            label={label}
            testId={`answer-${q.id}`}
          />
          <Ends low={t('surveys.answer.npsLow')} high={t('surveys.answer.npsHigh')} />
        </>
      );
    case 'scale':
      return (
        <>
          <Points
            q={q}
            points={scalePoints(q)}
            value={typeof value === 'number' ? value : undefined}
            onChange={onChange}
            label={label}
            testId={`answer-${q.id}`}
          />
          <Ends low={localized(q.labels?.min, lang)} high={localized(q.labels?.max, lang)} />
        </>
      );
    case 'choice': {
      const picked = Array.isArray(value) ? value : [];
      return (
        <div role={q.multiple ? 'group' : 'radiogroup'} aria-label={label} data-testid={`answer-${q.id}`}>
          {q.multiple && (
            <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6, fontSize: 13 }}>
              {t('surveys.answer.pickMany')}
            </Typography.Text>
          )}
          {q.options.map((o) => {
            const on = picked.includes(o.key);
            return (
              <button
                key={o.key}
                type="button"
                role={q.multiple ? 'checkbox' : 'radio'}
                aria-checked={on}
                data-multiple={q.multiple}
                className="tandem-survey-option"
                onClick={() =>
                  onChange(q.multiple ? (on ? picked.filter((k) => k !== o.key) : [...picked, o.key]) : [o.key])
                }
                data-testid={`answer-${q.id}-${o.key}`}
              >
                <span className="tandem-survey-mark" aria-hidden />
                <span style={{ overflowWrap: 'anywhere' }}>{localized(o.text, lang)}</span>
              </button>
            );
          })}
        </div>
      );
    }
    case 'text':
      return (
        <Input.TextArea
          className="tandem-survey-text"
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
          maxLength={q.maxLength}
          showCount
          autoSize={{ minRows: 3, maxRows: 10 }}
          aria-label={label}
          placeholder={t('surveys.answer.textPlaceholder')}
          style={{ fontSize: 16 }}
          data-testid={`answer-${q.id}`}
        />
      );
    case 'matrix': {
      const grid = typeof value === 'object' && !Array.isArray(value) ? value : {};
      return (
        <div data-testid={`answer-${q.id}`}>
          {q.rows.map((r) => (
            <div key={r.key} className="tandem-survey-row">
              <div className="tandem-survey-row-label">{localized(r.text, lang)}</div>
              <Points
                q={q}
                points={scalePoints(q)}
                value={grid[r.key]}
                onChange={(v) => onChange({ ...grid, [r.key]: v })}
                label={`${label} — ${localized(r.text, lang)}`}
                testId={`answer-${q.id}-${r.key}`}
              />
            </div>
          ))}
          <Ends low={localized(q.labels?.min, lang)} high={localized(q.labels?.max, lang)} />
        </div>
      );
    }
  }
}
