// Feedback metrics of docs/metrics.md, from counts and means the database aggregated.
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
 * Which cells of one grouping to suppress, so that no cell below the minimum can be read or computed: every cell
 * with n < min, and then, while the hidden remainder (the shown total minus the shown cells) is above zero but
 * below the minimum, the next-smallest shown cell too. `total` is the shown total's n (null when it is hidden:
 * then nothing can be subtracted from it). Cells are groups, or one question's answers across groups.
 */
export function suppressedKeys(cells: { key: string; n: number }[], min: number, total: number | null): Set<string> {
  const hidden = new Set(cells.filter((c) => c.n < min).map((c) => c.key));
  if (total === null) {
    return hidden;
  }
  const shown = cells.filter((c) => !hidden.has(c.key)).sort((a, b) => a.n - b.n || a.key.localeCompare(b.key));
  let remainder = total - shown.reduce((sum, c) => sum + c.n, 0);
  while (remainder > 0 && remainder < min && shown.length) {
    const next = shown.shift() as { key: string; n: number };
    hidden.add(next.key);
    remainder += next.n;
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
