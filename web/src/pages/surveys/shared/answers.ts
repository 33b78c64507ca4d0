import type { SurveyQuestion, SurveySubmitResponse, ValidationIssue } from '../../../api/types.ts';
import type { Lang } from './builder.ts';

// Pure logic of answering a survey (the public page and the builder's preview).

export type AnswerValue = number | string | string[] | Record<string, number>;
export type Answers = Record<string, AnswerValue | undefined>;

/** Survey texts come in zh and en; shows the other language when one is empty (a draft in preview). */
export function localized(text: { zh?: string; en?: string } | null | undefined, lang: Lang): string {
  if (!text) {
    return '';
  }
  return (lang === 'zh' ? text.zh || text.en : text.en || text.zh) ?? '';
}

/** `zh-CN` → zh, anything else → en. */
export const langOf = (locale: string): Lang => (locale.toLowerCase().startsWith('zh') ? 'zh' : 'en');

export function isAnswered(q: SurveyQuestion, v: AnswerValue | undefined): boolean {
  if (v === undefined) {
    return false;
  }
  switch (q.type) {
    case 'nps':
    case 'scale':
      return typeof v === 'number';
    case 'choice':
      return Array.isArray(v) ? v.length > 0 : typeof v === 'string' && v !== '';
    case 'text':
      return typeof v === 'string' && v.trim() !== '';
    case 'matrix':
      return typeof v === 'object' && !Array.isArray(v) && q.rows.every((r) => typeof v[r.key] === 'number');
  }
}

/** Ids of required questions without a (complete) answer, in question order. */
export function missingRequired(questions: SurveyQuestion[], answers: Answers): string[] {
  return questions.filter((q) => q.required && !isAnswered(q, answers[q.id])).map((q) => q.id);
}

/** The POST body: answered questions only (an optional question left empty sends nothing). */
export function toSubmission(questions: SurveyQuestion[], answers: Answers): SurveySubmitResponse {
  const out: SurveySubmitResponse['answers'] = [];
  for (const q of questions) {
    const v = answers[q.id];
    if (v === undefined) {
      continue;
    }
    if (q.type === 'text') {
      if (typeof v === 'string' && v.trim()) {
        out.push({ questionId: q.id, value: v.trim() });
      }
    } else if (q.type === 'matrix') {
      if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length) {
        out.push({ questionId: q.id, value: v });
      }
    } else if (q.type === 'choice') {
      const picked = Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
      if (picked.length) {
        out.push({ questionId: q.id, value: q.multiple ? picked : (picked[0] ?? '') });
      }
    } else if (typeof v === 'number') {
      out.push({ questionId: q.id, value: v });
    }
  }
  return { answers: out };
}

/** The points of a scale: min…max inclusive (0…10 for NPS). */
export function scalePoints(q: SurveyQuestion): number[] {
  const [min, max] = q.type === 'nps' ? [0, 10] : q.type === 'scale' || q.type === 'matrix' ? [q.min, q.max] : [0, -1];
  return Array.from({ length: Math.max(0, max - min + 1) }, (_, i) => min + i);
}

/** What a public link's error means for the respondent. */
export type LinkState = 'unknown' | 'answered' | 'closed' | 'notOpen' | 'rateLimited' | 'invalid' | 'failed';
export function linkStateOf(
  error: { status: number; code: string; details?: unknown } | null | undefined,
): LinkState | null {
  if (!error) {
    return null;
  }
  if (error.status === 404) {
    return 'unknown';
  }
  if (error.status === 429) {
    return 'rateLimited';
  }
  if (error.status === 409) {
    const reason = (error.details as { reason?: string } | undefined)?.reason;
    return reason === 'ALREADY_ANSWERED' ? 'answered' : reason === 'SURVEY_NOT_OPEN' ? 'notOpen' : 'closed';
  }
  if (error.status === 400) {
    return 'invalid';
  }
  return 'failed';
}

/** Maps the server's VALIDATION_FAILED issues (paths into the submitted answers) onto question ids. */
export function serverIssuesByQuestion(issues: ValidationIssue[], body: SurveySubmitResponse): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const [, part, index] = issue.path;
    const qid = part === 'answers' && typeof index === 'number' ? body.answers[index]?.questionId : undefined;
    const required = /Question (\S+) is required/.exec(issue.message)?.[1];
    const id = qid ?? required;
    if (id) {
      out[id] = issue.message;
    }
  }
  return out;
}
