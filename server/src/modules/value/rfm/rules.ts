import { z } from 'zod';
import { rfmRuleSchema, type RfmRule } from './rfm.schema.ts';

/**
 * The default segment rules of docs/metrics.md "RFM", first match wins. "Can't lose" (R1 F5 M5) comes before
 * "At risk" (R1–2 F3–5): in the documented order it could never match. Champions' "R5 F5 M5 ∪ (R4–5, F4–5, M4–5)"
 * is the second clause alone, since it contains the first.
 */
export const defaultRfmRules: RfmRule[] = [
  { segment: 'champions', r: [4, 5], f: [4, 5], m: [4, 5] },
  { segment: 'loyal', r: [3, 5], f: [4, 5], m: [1, 5] },
  { segment: 'potential_loyalists', r: [4, 5], f: [2, 3], m: [1, 5] },
  { segment: 'new', r: [5, 5], f: [1, 1], m: [1, 5] },
  { segment: 'promising', r: [4, 4], f: [1, 1], m: [1, 5] },
  { segment: 'need_attention', r: [3, 3], f: [2, 3], m: [1, 5] },
  { segment: 'about_to_sleep', r: [3, 3], f: [1, 1], m: [1, 5] },
  { segment: 'cant_lose', r: [1, 1], f: [5, 5], m: [5, 5] },
  { segment: 'at_risk', r: [1, 2], f: [3, 5], m: [1, 5] },
  { segment: 'hibernating', r: [1, 2], f: [1, 2], m: [1, 5] },
];

/** A customer no rule matches (possible only with edited rules). */
export const UNCLASSIFIED = 'unclassified';

/** Stored rules, or null when what is stored no longer parses (the defaults then apply). */
export function parseRules(value: unknown): RfmRule[] | null {
  const parsed = z.array(rfmRuleSchema).min(1).safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The segment of one scored customer under the rules (the SQL applies the same rules; this is for tests and docs). */
export function segmentOf(rules: RfmRule[], s: { r: number; f: number; m: number }): string {
  const inRange = (v: number, [lo, hi]: [number, number]) => v >= lo && v <= hi;
  return rules.find((x) => inRange(s.r, x.r) && inRange(s.f, x.f) && inRange(s.m, x.m))?.segment ?? UNCLASSIFIED;
}
