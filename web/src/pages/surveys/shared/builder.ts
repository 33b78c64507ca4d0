import dayjs, { type Dayjs } from 'dayjs';
import { DEFAULT_MIN_GROUP_SIZE, employeeSurveyRoles, surveyKinds, surveyManagerRoles } from '@tandem/server/api';
import type {
  Role,
  Survey,
  SurveyAudience,
  SurveyKind,
  SurveyQuestion,
  SurveyQuestionInput,
  SurveyQuestionType,
  UpdateSurvey,
} from '../../../api/types.ts';

// Pure logic of the survey builder: form values ↔ API payloads, question defaults, gap pairing, who may do what.

export type Lang = 'zh' | 'en';
export type Pairing = 'expected' | 'perceived';
export type DriverTag = 'hygiene' | 'motivator' | 'other';

export interface LocalizedDraft {
  zh?: string;
  en?: string;
}
export interface OptionDraft {
  key?: string;
  text?: LocalizedDraft;
}
/** One question as the form holds it: every field optional, named like the API so server errors land on it. */
export interface QuestionDraft {
  id?: string;
  type: SurveyQuestionType;
  text?: LocalizedDraft;
  required?: boolean;
  dimension?: string | null;
  pairing?: Pairing | null;
  driver?: DriverTag | null;
  min?: number;
  max?: number;
  labels?: { min?: LocalizedDraft; max?: LocalizedDraft };
  multiple?: boolean;
  options?: OptionDraft[];
  rows?: OptionDraft[];
  maxLength?: number;
}
export interface BuilderValues {
  title?: LocalizedDraft;
  description?: LocalizedDraft;
  audience: {
    kind: SurveyAudience['kind'];
    stakeholderGroup?: string | null;
    partyIds?: string[];
    segmentId?: string | null;
  };
  anonymous: boolean;
  minGroupSize: number;
  opensAt?: Dayjs | null;
  closesAt?: Dayjs | null;
  questions: QuestionDraft[];
}

const any = (roles: readonly Role[], allowed: readonly Role[]) => roles.some((r) => allowed.includes(r));
export const mayManageSurveys = (roles: readonly Role[]) => any(roles, surveyManagerRoles);
/** Employee-side surveys (eNPS, engagement, audience employees) exist only for HR and admin. */
export const mayRunEmployeeSurveys = (roles: readonly Role[]) => any(roles, employeeSurveyRoles);
export const employeeKinds: readonly SurveyKind[] = ['enps', 'engagement'];
export const kindsFor = (roles: readonly Role[]): SurveyKind[] =>
  surveyKinds.filter((k) => mayRunEmployeeSurveys(roles) || !employeeKinds.includes(k));
export function audienceKindsFor(roles: readonly Role[], kind: SurveyKind): SurveyAudience['kind'][] {
  if (employeeKinds.includes(kind)) {
    return ['employees', 'stakeholderGroup', 'parties'];
  }
  // A segment (value's dynamic customer groups) is a customer audience.
  return mayRunEmployeeSurveys(roles)
    ? ['customers', 'employees', 'stakeholderGroup', 'parties', 'segment']
    : ['customers', 'stakeholderGroup', 'parties', 'segment'];
}
/** The audience a new survey of this kind starts with. */
export const defaultAudience = (kind: SurveyKind): SurveyAudience['kind'] =>
  employeeKinds.includes(kind) ? 'employees' : 'customers';

/** Questions, audience and anonymity change only while the survey is a draft (the server refuses otherwise). */
export const questionsEditable = (s: Pick<Survey, 'status'> | null | undefined) => !s || s.status === 'draft';

const clean = (v: LocalizedDraft | undefined) => ({ zh: (v?.zh ?? '').trim(), en: (v?.en ?? '').trim() });
const filled = (v: LocalizedDraft | undefined) => Boolean(v?.zh?.trim() || v?.en?.trim());
const iso = (d: Dayjs | null | undefined) => (d ? d.toISOString() : null);

export function nextKey(prefix: string, taken: readonly (string | undefined)[]): string {
  let i = 1;
  while (taken.includes(`${prefix}${i}`)) {
    i++;
  }
  return `${prefix}${i}`;
}

/** A new question of a type with sensible defaults (scales 1–5, two options, one matrix row). */
export function blankQuestion(type: SurveyQuestionType): QuestionDraft {
  const base: QuestionDraft = { type, text: { zh: '', en: '' }, required: true };
  switch (type) {
    case 'scale':
      return { ...base, min: 1, max: 5 };
    case 'matrix':
      return { ...base, min: 1, max: 5, rows: [{ key: 'r1', text: { zh: '', en: '' } }] };
    case 'choice':
      return {
        ...base,
        multiple: false,
        options: [
          { key: 'o1', text: { zh: '', en: '' } },
          { key: 'o2', text: { zh: '', en: '' } },
        ],
      };
    case 'text':
      return { ...base, required: false, maxLength: 2000 };
    case 'nps':
      return base;
  }
}

export function draftFromQuestion(q: SurveyQuestion): QuestionDraft {
  return structuredClone(q);
}

/** One question as the API takes it: only the fields of its type (the server's schema is strict). */
export function toQuestionInput(d: QuestionDraft): SurveyQuestionInput {
  const base = {
    ...(d.id ? { id: d.id } : {}),
    text: clean(d.text),
    required: d.required ?? true,
    ...(d.dimension ? { dimension: d.dimension } : {}),
    ...(d.dimension && d.pairing ? { pairing: d.pairing } : {}),
    ...(d.driver ? { driver: d.driver } : {}),
  };
  const options = (list: OptionDraft[] | undefined, prefix: string) => {
    const keys = (list ?? []).map((o) => o.key?.trim() || undefined);
    const taken: (string | undefined)[] = [...keys];
    return (list ?? []).map((o, i) => {
      const key = keys[i] ?? nextKey(prefix, taken);
      taken.push(key);
      return { key, text: clean(o.text) };
    });
  };
  const range = () => {
    const labels = {
      ...(filled(d.labels?.min) ? { min: clean(d.labels?.min) } : {}),
      ...(filled(d.labels?.max) ? { max: clean(d.labels?.max) } : {}),
    };
    return { min: d.min ?? 1, max: d.max ?? 5, ...(Object.keys(labels).length ? { labels } : {}) };
  };
  switch (d.type) {
    case 'nps':
      return { ...base, type: 'nps' };
    case 'scale':
      return { ...base, type: 'scale', ...range() };
    case 'matrix':
      return { ...base, type: 'matrix', ...range(), rows: options(d.rows, 'r') };
    case 'choice':
      return { ...base, type: 'choice', multiple: d.multiple ?? false, options: options(d.options, 'o') };
    case 'text':
      return { ...base, type: 'text', maxLength: d.maxLength ?? 2000 };
  }
}

export function valuesFromSurvey(s: Survey): BuilderValues {
  return {
    title: { ...s.title },
    description: s.description ? { ...s.description } : { zh: '', en: '' },
    audience: {
      kind: s.audience.kind,
      stakeholderGroup: s.audience.stakeholderGroup ?? null,
      partyIds: s.audience.partyIds ?? [],
      segmentId: s.audience.segmentId ?? null,
    },
    anonymous: s.anonymous,
    minGroupSize: s.minGroupSize,
    opensAt: s.opensAt ? dayjs(s.opensAt) : null,
    closesAt: s.closesAt ? dayjs(s.closesAt) : null,
    questions: s.questions.map(draftFromQuestion),
  };
}

export function toAudience(a: BuilderValues['audience']): SurveyAudience {
  return {
    kind: a.kind,
    ...(a.kind === 'stakeholderGroup' && a.stakeholderGroup ? { stakeholderGroup: a.stakeholderGroup } : {}),
    ...(a.kind === 'parties' ? { partyIds: a.partyIds ?? [] } : {}),
    ...(a.kind === 'segment' && a.segmentId ? { segmentId: a.segmentId } : {}),
  };
}

/** The PATCH body as sent (questions in their input form: ids and defaults may be left out). */
export type UpdatePayload = Omit<UpdateSurvey, 'questions'> & { questions?: SurveyQuestionInput[] };

/** The PATCH body: everything the status allows, with the version the user edited. */
export function toUpdatePayload(v: BuilderValues, survey: Pick<Survey, 'status' | 'version'>): UpdatePayload {
  return {
    title: clean(v.title),
    description: filled(v.description) ? clean(v.description) : null,
    minGroupSize: v.minGroupSize,
    opensAt: iso(v.opensAt),
    closesAt: iso(v.closesAt),
    ...(questionsEditable(survey)
      ? { questions: v.questions.map(toQuestionInput), audience: toAudience(v.audience), anonymous: v.anonymous }
      : {}),
    version: survey.version,
  };
}

/** Questions as the public page shows them (preview of unsaved edits: ids filled in, empty texts kept). */
export function previewQuestions(drafts: QuestionDraft[]): SurveyQuestion[] {
  return drafts.map((d, i) => {
    const q = toQuestionInput(d);
    return { ...q, id: q.id ?? `draft${i + 1}` } as SurveyQuestion;
  });
}

export interface GapPair {
  dimension: string;
  expected: number[];
  perceived: number[];
}

/** Gap surveys pair an expected and a perceived scale question per dimension; lists what is paired and what is not. */
export function gapPairs(drafts: QuestionDraft[]): {
  pairs: GapPair[];
  problems: { dimension: string; problem: 'missingExpected' | 'missingPerceived' | 'duplicate' | 'notScale' }[];
} {
  const byDim = new Map<string, GapPair>();
  drafts.forEach((d, i) => {
    if (!d.dimension || !d.pairing) {
      return;
    }
    const pair = byDim.get(d.dimension) ?? { dimension: d.dimension, expected: [], perceived: [] };
    pair[d.pairing].push(i);
    byDim.set(d.dimension, pair);
  });
  const pairs = [...byDim.values()];
  const problems = pairs.flatMap((p) => {
    const out: { dimension: string; problem: 'missingExpected' | 'missingPerceived' | 'duplicate' | 'notScale' }[] = [];
    if (!p.expected.length) {
      out.push({ dimension: p.dimension, problem: 'missingExpected' });
    }
    if (!p.perceived.length) {
      out.push({ dimension: p.dimension, problem: 'missingPerceived' });
    }
    if (p.expected.length > 1 || p.perceived.length > 1) {
      out.push({ dimension: p.dimension, problem: 'duplicate' });
    }
    if ([...p.expected, ...p.perceived].some((i) => drafts[i]?.type !== 'scale')) {
      out.push({ dimension: p.dimension, problem: 'notScale' });
    }
    return out;
  });
  return { pairs, problems };
}

/** Default new-survey values for a kind (the server fills in the template's questions). */
export function newSurveyDefaults(kind: SurveyKind, title: LocalizedDraft) {
  return {
    kind,
    title,
    audience: { kind: defaultAudience(kind) },
    anonymous: employeeKinds.includes(kind),
    minGroupSize: DEFAULT_MIN_GROUP_SIZE,
  };
}
