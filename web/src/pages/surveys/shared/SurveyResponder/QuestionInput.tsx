import { Input, Typography } from 'antd';
import type { SurveyQuestion } from '../../../../api/types.ts';
import { localized, scalePoints, type AnswerValue } from '../answers.ts';
import type { Lang } from '../builder.ts';

export type FixedT = (key: string, options?: Record<string, unknown>) => string;

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

export function QuestionInput({
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
    case 'choice':
      return <ChoiceInput q={q} lang={lang} value={value} onChange={onChange} t={t} />;
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
    case 'matrix':
      return <MatrixInput q={q} lang={lang} value={value} onChange={onChange} />;
  }
}

type InputProps<T extends SurveyQuestion['type']> = {
  q: Extract<SurveyQuestion, { type: T }>;
  lang: Lang;
  value: AnswerValue | undefined;
  onChange: (v: AnswerValue | undefined) => void;
};

/** Big option buttons: radios, or checkboxes for a multiple choice. */
function ChoiceInput({ q, lang, value, onChange, t }: InputProps<'choice'> & { t: FixedT }) {
  const label = localized(q.text, lang);
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

/** One row of points per matrix item, on the same scale. */
function MatrixInput({ q, lang, value, onChange }: InputProps<'matrix'>) {
  const label = localized(q.text, lang);
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
