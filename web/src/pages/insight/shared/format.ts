// Text forms of the insight statistics (unit-tested).

/** A correlation with two decimals and a true minus sign; — when there is none. */
export function formatR(r: number | null | undefined): string {
  if (r === null || r === undefined || !Number.isFinite(r)) {
    return '—';
  }
  return r.toFixed(2).replace('-', '−');
}

/** The 95 % interval as [lo, hi]; — when there is none (fewer than four units). */
export function formatCi(ci: readonly [number, number] | null | undefined): string {
  return ci ? `[${formatR(ci[0])}, ${formatR(ci[1])}]` : '—';
}

/** A capability score 0–100 without decimals; — when unmeasured (never zero). */
export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined || !Number.isFinite(score) ? '—' : String(Math.round(score));
}
