import { describe, expect, it } from 'vitest';
import type { SurveyQuestion } from '../../../api/types.ts';
import {
  linkStateOf,
  localized,
  missingRequired,
  scalePoints,
  serverIssuesByQuestion,
  toSubmission,
} from './answers.ts';

const text = { zh: '问', en: 'Q' };
const questions: SurveyQuestion[] = [
  { id: 'nps', type: 'nps', required: true, text },
  {
    id: 'pick',
    type: 'choice',
    required: true,
    multiple: false,
    options: [
      { key: 'a', text },
      { key: 'b', text },
    ],
    text,
  },
  {
    id: 'many',
    type: 'choice',
    required: false,
    multiple: true,
    options: [
      { key: 'a', text },
      { key: 'b', text },
    ],
    text,
  },
  {
    id: 'grid',
    type: 'matrix',
    required: true,
    min: 1,
    max: 5,
    rows: [
      { key: 'r1', text },
      { key: 'r2', text },
    ],
    text,
  },
  { id: 'comment', type: 'text', required: false, maxLength: 100, text },
];

describe('answering', () => {
  it('lists required questions that are unanswered or incomplete, NPS 0 counting as an answer', () => {
    expect(missingRequired(questions, {})).toEqual(['nps', 'pick', 'grid']);
    expect(missingRequired(questions, { nps: 0, pick: 'a', grid: { r1: 3 } })).toEqual(['grid']);
    expect(missingRequired(questions, { nps: 0, pick: 'a', grid: { r1: 3, r2: 5 } })).toEqual([]);
  });
  it('builds the body the server checks: single choice as a key, blank text left out', () => {
    expect(
      toSubmission(questions, { nps: 9, pick: ['b'], many: ['a', 'b'], grid: { r1: 1, r2: 2 }, comment: '  ' }).answers,
    ).toEqual([
      { questionId: 'nps', value: 9 },
      { questionId: 'pick', value: 'b' },
      { questionId: 'many', value: ['a', 'b'] },
      { questionId: 'grid', value: { r1: 1, r2: 2 } },
    ]);
    expect(toSubmission(questions, { comment: ' 很好 ' }).answers).toEqual([{ questionId: 'comment', value: '很好' }]);
  });
  it('shows 0–10 for NPS and min–max for scales', () => {
    expect(scalePoints(questions[0]!)).toHaveLength(11);
    expect(scalePoints(questions[3]!)).toEqual([1, 2, 3, 4, 5]);
  });
  it('falls back to the other language for an empty text', () => {
    expect(localized({ zh: '', en: 'Hello' }, 'zh')).toBe('Hello');
    expect(localized({ zh: '你好', en: 'Hello' }, 'zh')).toBe('你好');
  });
  it('tells the link states apart by status and reason', () => {
    expect(linkStateOf({ status: 404, code: 'NOT_FOUND' })).toBe('unknown');
    expect(linkStateOf({ status: 409, code: 'CONFLICT', details: { reason: 'ALREADY_ANSWERED' } })).toBe('answered');
    expect(linkStateOf({ status: 409, code: 'CONFLICT', details: { reason: 'SURVEY_NOT_OPEN' } })).toBe('notOpen');
    expect(linkStateOf({ status: 409, code: 'CONFLICT', details: { reason: 'SURVEY_CLOSED' } })).toBe('closed');
    expect(linkStateOf({ status: 429, code: 'RATE_LIMITED' })).toBe('rateLimited');
    expect(linkStateOf(null)).toBeNull();
  });
});

describe('server answer errors', () => {
  it('lands each VALIDATION_FAILED issue on the question it is about', () => {
    const body = {
      answers: [
        { questionId: 'nps', value: 11 },
        { questionId: 'comment', value: 'x' },
      ],
    };
    expect(
      serverIssuesByQuestion(
        [
          { path: ['body', 'answers', 0, 'value'], message: 'A whole number from 0 to 10', code: 'out_of_range' },
          { path: ['body', 'answers'], message: 'Question grid is required', code: 'required' },
          { path: ['body'], message: 'Invalid', code: 'custom' },
        ],
        body,
      ),
    ).toEqual({ nps: 'A whole number from 0 to 10', grid: 'Question grid is required' });
  });
});
