// Correlation for the service-profit chain (docs/metrics.md "The chain"): Pearson r, Spearman ρ on mid-ranks, and
// the 95 % interval by Fisher's z. Pure functions on the unit aggregates SQL produced; null, never NaN, where a
// value is undefined (fewer than 3 points, or a side without spread).

const Z95 = 1.959963984540054;

/** Pearson r of paired values; null below 3 pairs or when either side has no spread. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = Math.min(xs.length, ys.length);
  if (n < 3) {
    return null;
  }
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i] as number;
    my += ys[i] as number;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) {
    return null;
  }
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** Ranks from 1, ties sharing the mean of the ranks they span (mid-ranks). */
export function midRanks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(xs.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (
      j + 1 < order.length &&
      (order[j + 1] as readonly [number, number])[0] === (order[i] as readonly [number, number])[0]
    ) {
      j++;
    }
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      ranks[(order[k] as readonly [number, number])[1]] = rank;
    }
    i = j + 1;
  }
  return ranks;
}

/** Spearman ρ: Pearson r of the mid-ranks. */
export const spearman = (xs: readonly number[], ys: readonly number[]): number | null =>
  pearson(midRanks(xs), midRanks(ys));

/**
 * 95 % interval of a correlation by Fisher's z: tanh(atanh(r) ± 1.96 · √(v/(n−3))), v = 1 for Pearson and 1.06 for
 * Spearman (Fieller, Hartley & Pearson). Null below 4 points; |r| = 1 gives [r, r].
 */
export function fisherCi(r: number | null, n: number, v = 1): [number, number] | null {
  if (r === null || n < 4) {
    return null;
  }
  if (Math.abs(r) >= 1) {
    return [r, r];
  }
  const z = Math.atanh(r);
  const se = Math.sqrt(v / (n - 3));
  return [Math.tanh(z - Z95 * se), Math.tanh(z + Z95 * se)];
}
