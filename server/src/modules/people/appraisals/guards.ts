// The pure parts of the appraisal guards of [S1] (docs/domain.md "People: appraisals that protect employees").

/** The day 12 months after an ISO day (29 February stays a string that compares correctly). */
const yearAfter = (d: string) => `${Number(d.slice(0, 4)) + 1}${d.slice(4)}`;

/**
 * Would a cycle whose period starts on `start` put someone in more than `max` cycles whose periods start within any
 * 12 months, given the starts of their other cycles? Any 12-month window holding `start` can be slid back to begin
 * at its earliest start, so it is enough to count, from each start s ≤ `start`, the starts in [s, s + 12 months).
 */
export function tooFrequent(others: readonly string[], start: string, max: number): boolean {
  const all = [...others, start].sort();
  return all
    .filter((s) => s <= start && start < yearAfter(s))
    .some((s) => all.filter((x) => x >= s && x < yearAfter(s)).length > max);
}

/** Weighted mean of criterion scores (weights of the cycle), to 2 decimals; null without a score. */
export function overallScore(
  criteria: readonly { key: string; weight: number }[],
  scores: readonly { key: string; score: number }[],
): number | null {
  let sum = 0;
  let weights = 0;
  for (const c of criteria) {
    const s = scores.find((x) => x.key === c.key);
    if (s) {
      sum += s.score * c.weight;
      weights += c.weight;
    }
  }
  return weights > 0 ? Math.round((sum / weights) * 100) / 100 : null;
}

/** Days between two ISO days (b − a). */
export const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
