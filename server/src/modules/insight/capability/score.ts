import { indicators, type AutoPart, type CapabilityKey, type CapabilitySettings } from './catalogue.ts';

// Normalisation and weighting of the CRM capability index (docs/capability-index.md "Computing the index"). Pure.

/** 0–100 against the target: up = 100·min(1, v/t); down = 100·min(1, t/v), 100 at 0. Negative "up" values score 0. */
export function autoScore(part: AutoPart, target: number, value: number): number {
  if (part.direction === 'up') {
    return target <= 0 ? 100 : Math.max(0, 100 * Math.min(1, value / target));
  }
  return value <= 0 ? 100 : 100 * Math.min(1, target / value);
}

/** Mean rating (1–5) against the target rating: 100·min(1, (mean − 1)/(target − 1)). */
export const assessedScore = (mean: number, target: number): number =>
  Math.max(0, 100 * Math.min(1, (mean - 1) / Math.max(target - 1, 1e-9)));

export interface IndicatorResult {
  key: string;
  capability: CapabilityKey;
  kind: 'auto' | 'assessed' | 'auto+assessed';
  raw: number | null;
  unit: string | null;
  direction: 'up' | 'down' | null;
  target: number | null;
  autoScore: number | null;
  assessment: { mean: number; assessors: number } | null;
  assessedScore: number | null;
  score: number | null;
  /** Share of the indicator's parts with data (0, 0.5 or 1). */
  coverage: number;
  weight: number;
  missing?: { reason: 'no_data' | 'not_recorded' | 'not_assessed'; whatToRecord: string };
}

export interface IndexResult {
  capabilities: { key: CapabilityKey; score: number | null; coverage: number; weight: number }[];
  index: number | null;
  coverage: number;
}

/** One indicator from its automatic raw value (null: no data) and its assessment (null: none). */
export function indicatorResult(
  key: string,
  s: CapabilitySettings,
  raw: number | null,
  assessment: { mean: number; assessors: number } | null,
): IndicatorResult {
  const def = indicators.find((i) => i.key === key);
  if (!def) {
    throw new Error(`Unknown indicator ${key}`);
  }
  const target = def.auto ? (s.targets[key] ?? def.auto.target) : null;
  const a = def.auto && raw !== null && target !== null ? autoScore(def.auto, target, raw) : null;
  const b = def.assessed && assessment ? assessedScore(assessment.mean, s.assessedTarget) : null;
  const parts = [def.auto ? a : undefined, def.assessed ? b : undefined].filter((x) => x !== undefined);
  const have = parts.filter((x): x is number => x !== null);
  const score = have.length ? have.reduce((t, x) => t + x, 0) / have.length : null;
  const result: IndicatorResult = {
    key,
    capability: def.capability,
    kind: def.auto && def.assessed ? 'auto+assessed' : def.auto ? 'auto' : 'assessed',
    raw: def.auto ? raw : null,
    unit: def.auto?.unit ?? null,
    direction: def.auto?.direction ?? null,
    target,
    autoScore: a,
    assessment,
    assessedScore: b,
    score,
    coverage: have.length / parts.length,
    weight: s.indicatorWeights[key] ?? 1,
  };
  if (score === null) {
    result.missing = {
      reason: def.auto ? (def.assessed ? 'no_data' : 'no_data') : 'not_assessed',
      whatToRecord: def.record,
    };
  } else if (def.auto && a === null) {
    result.missing = { reason: 'no_data', whatToRecord: def.record };
  }
  return result;
}

/**
 * Capability score = Σ wᵢ·scoreᵢ / Σ wᵢ over its indicators with a score (missing ones do not count as zero: their
 * weight is shared among the rest); index likewise over the capabilities. Coverage = the share of weight measured.
 */
export function indexResult(results: IndicatorResult[], s: CapabilitySettings): IndexResult {
  const capabilities = (['insight', 'value', 'lifecycle'] as const).map((key) => {
    const mine = results.filter((r) => r.capability === key);
    const total = mine.reduce((t, r) => t + r.weight, 0);
    const scored = mine.filter((r) => r.score !== null);
    const w = scored.reduce((t, r) => t + r.weight, 0);
    return {
      key,
      score: w > 0 ? scored.reduce((t, r) => t + r.weight * (r.score as number), 0) / w : null,
      coverage: total > 0 ? mine.reduce((t, r) => t + r.weight * r.coverage, 0) / total : 0,
      weight: s.capabilityWeights[key] ?? 1,
    };
  });
  const scored = capabilities.filter((c) => c.score !== null);
  const w = scored.reduce((t, c) => t + c.weight, 0);
  const all = capabilities.reduce((t, c) => t + c.weight, 0);
  return {
    capabilities,
    index: w > 0 ? scored.reduce((t, c) => t + c.weight * (c.score as number), 0) / w : null,
    coverage: all > 0 ? capabilities.reduce((t, c) => t + c.weight * c.coverage, 0) / all : 0,
  };
}
