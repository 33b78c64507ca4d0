import { randomBytes } from 'node:crypto';
import { validation } from '../../platform/errors.ts';
import type { AnswerValue, Question, QuestionInput, SubmitResponse } from './surveys.schema.ts';
import { questionSchema } from './surveys.schema.ts';

// Pure checks of survey questions and of answers against them.

type Issue = { path: (string | number)[]; message: string; code: string };

/** Fills in question ids and checks what zod cannot: unique ids and keys, ranges, gap pairings. */
export function normaliseQuestions(input: QuestionInput[]): Question[] {
  const issues: Issue[] = [];
  const taken = new Set(input.map((q) => q.id).filter((id): id is string => Boolean(id)));
  const seen = new Set<string>();
  const out = input.map((q, i) => {
    let id = q.id;
    while (!id || (!q.id && seen.has(id))) {
      const candidate = `q${randomBytes(3).toString('hex')}`;
      id = taken.has(candidate) ? undefined : candidate;
    }
    if (seen.has(id)) {
      issues.push({
        path: ['body', 'questions', i, 'id'],
        message: `Duplicate question id ${id}`,
        code: 'duplicate_id',
      });
    }
    seen.add(id);
    const parsed = questionSchema.parse({ ...q, id });
    if ((parsed.type === 'scale' || parsed.type === 'matrix') && parsed.min >= parsed.max) {
      issues.push({ path: ['body', 'questions', i, 'max'], message: 'max must be above min', code: 'bad_range' });
    }
    if (parsed.pairing && !parsed.dimension) {
      issues.push({
        path: ['body', 'questions', i, 'pairing'],
        message: 'A gap pairing needs a dimension',
        code: 'pairing_without_dimension',
      });
    }
    if (parsed.pairing && parsed.type !== 'scale') {
      issues.push({
        path: ['body', 'questions', i, 'pairing'],
        message: 'Gap questions are scale questions',
        code: 'pairing_type',
      });
    }
    const keys =
      parsed.type === 'choice'
        ? parsed.options.map((o) => o.key)
        : parsed.type === 'matrix'
          ? parsed.rows.map((o) => o.key)
          : [];
    if (new Set(keys).size !== keys.length) {
      issues.push({
        path: ['body', 'questions', i],
        message: 'Option and row keys must be unique',
        code: 'duplicate_key',
      });
    }
    return parsed;
  });
  if (issues.length) {
    throw validation('Invalid questions', issues);
  }
  return out;
}

export interface AnswerRow {
  question_id: string;
  item: string;
  num: number | null;
  choices: string[] | null;
  text_value: string | null;
}

const isInt = (v: AnswerValue): v is number => typeof v === 'number' && Number.isInteger(v);

/** Checks every answer against its question (type, range, options, length, required) and returns the rows to store. */
export function checkAnswers(questions: Question[], body: SubmitResponse): AnswerRow[] {
  const issues: Issue[] = [];
  const rows: AnswerRow[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  const answered = new Set<string>();
  body.answers.forEach(({ questionId, value }, i) => {
    const path = ['body', 'answers', i, 'value'];
    const q = byId.get(questionId);
    if (!q) {
      issues.push({
        path: ['body', 'answers', i, 'questionId'],
        message: `No question ${questionId} in this survey`,
        code: 'unknown_question',
      });
      return;
    }
    if (answered.has(questionId)) {
      issues.push({
        path: ['body', 'answers', i, 'questionId'],
        message: `Question ${questionId} answered twice`,
        code: 'duplicate_answer',
      });
      return;
    }
    answered.add(questionId);
    const base = { question_id: q.id, item: '', num: null, choices: null, text_value: null };
    switch (q.type) {
      case 'nps':
      case 'scale': {
        const [min, max] = q.type === 'nps' ? [0, 10] : [q.min, q.max];
        if (!isInt(value) || value < min || value > max) {
          issues.push({ path, message: `A whole number from ${min} to ${max}`, code: 'out_of_range' });
        } else {
          rows.push({ ...base, num: value });
        }
        return;
      }
      case 'choice': {
        const picked = Array.isArray(value) ? value : typeof value === 'string' ? [value] : null;
        const keys = new Set(q.options.map((o) => o.key));
        if (
          !picked ||
          !picked.length ||
          (!q.multiple && picked.length > 1) ||
          picked.some((p) => !keys.has(p)) ||
          new Set(picked).size !== picked.length
        ) {
          issues.push({
            path,
            message: q.multiple ? 'One or more option keys of this question' : 'One option key of this question',
            code: 'bad_choice',
          });
        } else {
          rows.push({ ...base, choices: picked });
        }
        return;
      }
      case 'text': {
        if (typeof value !== 'string' || [...value].length > q.maxLength) {
          issues.push({ path, message: `Text of at most ${q.maxLength} characters`, code: 'bad_text' });
        } else if (value.trim()) {
          rows.push({ ...base, text_value: value.trim() });
        }
        return;
      }
      case 'matrix': {
        const keys = new Set(q.rows.map((r) => r.key));
        const entries = typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : null;
        if (
          !entries ||
          entries.some(([k, v]) => !keys.has(k) || !Number.isInteger(v) || v < q.min || v > q.max) ||
          (q.required && entries.length < keys.size)
        ) {
          issues.push({
            path,
            message: `An object of row key → whole number from ${q.min} to ${q.max}${q.required ? ', every row' : ''}`,
            code: 'bad_matrix',
          });
        } else {
          rows.push(...entries.map(([k, v]) => ({ ...base, item: k, num: v })));
        }
        return;
      }
    }
  });
  for (const q of questions) {
    if (q.required && !answered.has(q.id)) {
      issues.push({ path: ['body', 'answers'], message: `Question ${q.id} is required`, code: 'required' });
    }
  }
  if (issues.length) {
    throw validation('Invalid answers', issues);
  }
  return rows;
}
