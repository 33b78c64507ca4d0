// Pay arithmetic the UI shows next to the server's numbers (money arrives as decimal strings).

const num = (v: string | number | null | undefined): number | null => {
  if (v === null || v === undefined || v === '') {
    return null;
  }
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
};

/** amount / monthly pay, or null when either is missing or the pay is zero. */
export function shareOfPay(amount: string | number | null | undefined, monthly: string | number | null | undefined) {
  const a = num(amount);
  const m = num(monthly);
  return a === null || m === null || m <= 0 ? null : a / m;
}

/** Whether a money amount falls under the org's warning share of monthly pay (a warning, never a refusal). */
export function isSmallRaise(share: number | null, threshold: number): boolean {
  return share !== null && share < threshold;
}

/** A share as a percentage with one decimal ("4.8 %" style is left to the caller's formatter). */
export const percent = (share: number | null | undefined): string =>
  share === null || share === undefined ? '—' : `${Math.round(share * 1000) / 10}%`;

export type CompaPosition = 'below' | 'within' | 'above';
/** Where a compa-ratio sits: below 0.9, within 0.9–1.1, above 1.1 (docs/metrics.md "Compa-ratio"). */
export function compaPosition(ratio: number | null | undefined): CompaPosition | null {
  if (ratio === null || ratio === undefined) {
    return null;
  }
  return ratio < 0.9 ? 'below' : ratio > 1.1 ? 'above' : 'within';
}

/** The pay change of each history line against the one before it (null for the first). */
export function payChanges<T extends { salary: string; previousSalary: string | null }>(
  history: T[],
): (T & { change: number | null; changeShare: number | null })[] {
  return history.map((h) => {
    const now = num(h.salary);
    const before = num(h.previousSalary);
    const change = now === null || before === null ? null : now - before;
    return { ...h, change, changeShare: change === null ? null : shareOfPay(change, before) };
  });
}
