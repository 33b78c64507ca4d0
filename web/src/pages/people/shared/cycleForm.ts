// The appraisal cycle wizard's values and the API bodies they become (pure: unit-tested).
import type { Appraisal, CreateCycle, PatchAppraisal } from './types.ts';

export interface CriterionValues {
  key?: string;
  text: { zh: string; en: string };
  weight: number;
}

/** The wizard's values: the create body's shape (so server errors land on their fields), dates as strings. */
export interface CycleWizardValues {
  name: { zh: string; en: string };
  periodStart: string;
  periodEnd: string;
  criteria: CriterionValues[];
  bottomBandPercent: number;
  participants?: { orgUnitIds?: string[]; partyIds?: string[] };
  opensAt: string;
  noticeDays?: number | null;
}

/** A lower_snake_case key from the English text ("Customer results" → customer_results), unique in `taken`. */
export function criterionKey(text: string, taken: Set<string>): string {
  const base =
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^[^a-z]+|_+$/g, '')
      .slice(0, 40) || 'criterion';
  let key = base;
  for (let i = 2; taken.has(key); i += 1) {
    key = `${base}_${i}`;
  }
  taken.add(key);
  return key;
}

export const weightTotal = (criteria: ({ weight?: number | null } | undefined)[] | undefined): number =>
  (criteria ?? []).reduce((sum, c) => sum + (Number(c?.weight) || 0), 0);

/** The wizard's values as `POST /api/appraisal-cycles` takes them. */
export function toCreateCycle(v: CycleWizardValues): CreateCycle {
  const taken = new Set(v.criteria.map((c) => c.key).filter((k): k is string => Boolean(k)));
  return {
    name: { zh: v.name.zh.trim(), en: v.name.en.trim() },
    periodStart: v.periodStart,
    periodEnd: v.periodEnd,
    criteria: v.criteria.map((c) => ({
      key: c.key || criterionKey(c.text.en, taken),
      text: { zh: c.text.zh.trim(), en: c.text.en.trim() },
      weight: Number(c.weight),
    })),
    bottomBandPercent: Number(v.bottomBandPercent),
    opensAt: v.opensAt,
    ...(v.noticeDays ? { noticeDays: v.noticeDays } : {}),
    participants: { orgUnitIds: v.participants?.orgUnitIds ?? [], partyIds: v.participants?.partyIds ?? [] },
  };
}

export type ScoreValues = Record<string, { score?: number | null; rationale?: string | null }>;

/** The weighted mean of the scores given so far (the server computes the stored one the same way). */
export function weightedScore(criteria: Appraisal['criteria'], scores: ScoreValues): number | null {
  let total = 0;
  let weights = 0;
  for (const c of criteria) {
    const s = scores[c.key]?.score;
    if (typeof s === 'number') {
      total += s * c.weight;
      weights += c.weight;
    }
  }
  return weights > 0 ? Math.round((total / weights) * 100) / 100 : null;
}

/** The scoring form as `PATCH /api/appraisals/:id` takes it: every criterion with its score and rationale. */
export function toScorePatch(
  criteria: Appraisal['criteria'],
  scores: ScoreValues,
  band: PatchAppraisal['band'] | null | undefined,
  version: number,
): PatchAppraisal {
  return {
    scores: criteria.map((c) => ({
      key: c.key,
      score: Number(scores[c.key]?.score),
      rationale: (scores[c.key]?.rationale ?? '').trim(),
    })),
    ...(band ? { band } : {}),
    version,
  };
}

/** Scores already given, as the form's initial values. */
export function scoreValues(a: Pick<Appraisal, 'scores'>): ScoreValues {
  return Object.fromEntries((a.scores ?? []).map((s) => [s.key, { score: s.score, rationale: s.rationale }]));
}
