// Feedback metrics of shared/spec/metrics.md, from counts and means the database aggregated.
// SQL does the row work (counts per bucket, means); these functions hold the one definition of each metric.

export const round = (x: number, digits = 1) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** NPS: promoters 9–10, passives 7–8, detractors 0–6; score = %promoters − %detractors (−100…+100). */
export function nps(c: { promoters: number; passives: number; detractors: number }) {
  const n = c.promoters + c.passives + c.detractors;
  if (n === 0) {
    return null;
  }
  const pct = (k: number) => (100 * k) / n;
  return {
    score: round(pct(c.promoters) - pct(c.detractors)),
    promoters: round(pct(c.promoters)),
    passives: round(pct(c.passives)),
    detractors: round(pct(c.detractors)),
  };
}

/** CSAT (1–5): share of 4 and 5 among all answers × 100. */
export function csat(satisfied: number, n: number): number | null {
  return n === 0 ? null : round((100 * satisfied) / n);
}

/** CES (1–7, "it was easy"): the mean, and the share of 5–7 × 100. */
export function ces(mean: number | null, easy: number, n: number) {
  return n === 0 || mean === null ? null : { mean: round(mean, 2), easyShare: round((100 * easy) / n) };
}

/** Gap (SERVQUAL style): mean(perceived) − mean(expected) on the same scale; negative = expectation not met. */
export function gap(expected: number | null, perceived: number | null) {
  return expected === null || perceived === null
    ? null
    : { expected: round(expected, 2), perceived: round(perceived, 2), gap: round(perceived - expected, 2) };
}

/**
 * Which groups to suppress: every group with n < min, and — when exactly one group is suppressed while
 * the total is shown — the next-smallest group too, so total − others cannot recover the hidden one.
 * (Two or more hidden groups only reveal their sum, which is itself ≥ … or suppressed with the total.)
 */
export function suppressedKeys(groups: { key: string; n: number }[], min: number, totalShown: boolean): Set<string> {
  const hidden = new Set(groups.filter((g) => g.n < min).map((g) => g.key));
  if (totalShown && hidden.size === 1) {
    const next = groups.filter((g) => !hidden.has(g.key)).sort((a, b) => a.n - b.n || a.key.localeCompare(b.key))[0];
    if (next) {
      hidden.add(next.key);
    }
  }
  return hidden;
}

export type Quadrant = 'strength' | 'priority' | 'maintain' | 'low_priority';
/**
 * Importance × performance: importance is the driver's relative weight against the average weight,
 * performance its mean (as a share of its scale) against the drivers' average.
 */
export function quadrant(
  importance: number,
  avgImportance: number,
  performance: number,
  avgPerformance: number,
): Quadrant {
  const important = importance >= avgImportance;
  const good = performance >= avgPerformance;
  return important ? (good ? 'strength' : 'priority') : good ? 'maintain' : 'low_priority';
}
