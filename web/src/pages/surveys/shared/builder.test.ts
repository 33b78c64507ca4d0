import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { Survey } from '../../../api/types.ts';
import {
  audienceKindsFor,
  blankQuestion,
  gapPairs,
  kindsFor,
  mayManageSurveys,
  previewQuestions,
  toQuestionInput,
  toUpdatePayload,
  valuesFromSurvey,
  type QuestionDraft,
} from './builder.ts';

const survey: Survey = {
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'nps',
  title: { zh: '调查', en: 'Survey' },
  description: null,
  audience: { kind: 'customers' },
  anonymous: false,
  minGroupSize: 5,
  opensAt: null,
  closesAt: '2030-01-31T16:00:00.000Z',
  status: 'draft',
  legalNextStatuses: ['open'],
  questions: [
    { id: 'nps', type: 'nps', required: true, text: { zh: '推荐？', en: 'Recommend?' } },
    { id: 'comment', type: 'text', required: false, maxLength: 2000, text: { zh: '还有？', en: 'Anything else?' } },
  ],
  createdBy: null,
  createdAt: '2030-01-01T00:00:00.000Z',
  updatedAt: '2030-01-01T00:00:00.000Z',
  version: 3,
};

describe('builder values ↔ API payload', () => {
  it('round-trips a survey into a PATCH body with its version', () => {
    const body = toUpdatePayload(valuesFromSurvey(survey), survey);
    expect(body).toEqual({
      title: survey.title,
      description: null,
      minGroupSize: 5,
      opensAt: null,
      closesAt: '2030-01-31T16:00:00.000Z',
      questions: survey.questions,
      audience: { kind: 'customers' },
      anonymous: false,
      version: 3,
    });
  });

  it('leaves out questions, audience and anonymity once the survey is open (the server refuses them)', () => {
    const values = { ...valuesFromSurvey(survey), opensAt: dayjs('2030-01-02T08:00:00Z') };
    const body = toUpdatePayload(values, { status: 'open', version: 4 });
    expect(body).not.toHaveProperty('questions');
    expect(body).not.toHaveProperty('audience');
    expect(body).not.toHaveProperty('anonymous');
    expect(body.opensAt).toBe('2030-01-02T08:00:00.000Z');
  });

  it('sends only the fields of a question type (the schema is strict) and trims texts', () => {
    const changed: QuestionDraft = {
      ...blankQuestion('scale'),
      type: 'nps',
      text: { zh: ' 推荐 ', en: ' Recommend ' },
      options: [{ key: 'x' }],
      labels: { min: { zh: '', en: '' } },
    };
    expect(toQuestionInput(changed)).toEqual({ type: 'nps', text: { zh: '推荐', en: 'Recommend' }, required: true });
    const scale: QuestionDraft = {
      ...blankQuestion('scale'),
      labels: { min: { zh: '差', en: 'Bad' }, max: { zh: '', en: '' } },
      driver: 'motivator',
    };
    expect(toQuestionInput(scale)).toEqual({
      type: 'scale',
      text: { zh: '', en: '' },
      required: true,
      min: 1,
      max: 5,
      labels: { min: { zh: '差', en: 'Bad' } },
      driver: 'motivator',
    });
  });

  it('gives options without a key a unique one', () => {
    const q: QuestionDraft = {
      type: 'choice',
      multiple: true,
      options: [
        { key: 'o2', text: { zh: 'A', en: 'A' } },
        { text: { zh: 'B', en: 'B' } },
        { key: ' ', text: { zh: 'C', en: 'C' } },
      ],
    };
    const out = toQuestionInput(q);
    expect(out.type === 'choice' && out.options.map((o) => o.key)).toEqual(['o2', 'o1', 'o3']);
  });

  it('keeps a pairing only with a dimension, and the audience fields of its kind', () => {
    expect(toQuestionInput({ ...blankQuestion('scale'), pairing: 'expected' })).not.toHaveProperty('pairing');
    const body = toUpdatePayload(
      {
        ...valuesFromSurvey(survey),
        audience: { kind: 'stakeholderGroup', stakeholderGroup: 'investors', partyIds: ['x'] },
      },
      survey,
    );
    expect(body.audience).toEqual({ kind: 'stakeholderGroup', stakeholderGroup: 'investors' });
  });

  it('previews unsaved questions with ids', () => {
    expect(previewQuestions([blankQuestion('nps'), { ...blankQuestion('text'), id: 'c' }]).map((q) => q.id)).toEqual([
      'draft1',
      'c',
    ]);
  });
});

describe('gap pairing', () => {
  const scale = (dimension: string, pairing: 'expected' | 'perceived'): QuestionDraft => ({
    ...blankQuestion('scale'),
    dimension,
    pairing,
  });
  it('pairs expected with perceived per dimension and names what is missing', () => {
    const { pairs, problems } = gapPairs([
      scale('quality', 'expected'),
      scale('quality', 'perceived'),
      scale('price', 'expected'),
      blankQuestion('text'),
    ]);
    expect(pairs).toEqual([
      { dimension: 'quality', expected: [0], perceived: [1] },
      { dimension: 'price', expected: [2], perceived: [] },
    ]);
    expect(problems).toEqual([{ dimension: 'price', problem: 'missingPerceived' }]);
  });
  it('flags duplicates and non-scale questions', () => {
    const { problems } = gapPairs([
      scale('brand', 'expected'),
      scale('brand', 'expected'),
      { ...blankQuestion('nps'), dimension: 'brand', pairing: 'perceived' },
    ]);
    expect(problems.map((p) => p.problem)).toEqual(['duplicate', 'notScale']);
  });
});

describe('who may do what', () => {
  it('follows the server: executives read, hr/marketing/admin manage, employee surveys only for hr/admin', () => {
    expect(mayManageSurveys(['executive'])).toBe(false);
    expect(mayManageSurveys(['marketing'])).toBe(true);
    expect(kindsFor(['marketing'])).not.toContain('enps');
    expect(kindsFor(['hr'])).toContain('engagement');
    expect(audienceKindsFor(['marketing'], 'nps')).toEqual(['customers', 'stakeholderGroup', 'parties', 'segment']);
    expect(audienceKindsFor(['admin'], 'enps')[0]).toBe('employees');
  });
});
