// Pareto concentration, Lorenz curve and Gini (docs/metrics.md "Pareto concentration, Lorenz curve, Gini") as pure
// functions of positive amounts, for callers that hold the amounts already (insight's key-person risk); the
// endpoint computes the same in SQL (concentration.repository.ts), and the tests hold the two to each other.

export interface LorenzPoint {
  x: number;
  y: number;
}

const ascending = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);
const sum = (xs: readonly number[]) => xs.reduce((s, v) => s + v, 0);

/** Gini = Σᵢ (2i − n − 1) · x₍ᵢ₎ / (n · Σ x), x ascending, i from 1 (no n/(n−1) correction); 0 when n = 0. */
export function gini(amounts: readonly number[]): number {
  const xs = ascending(amounts);
  const n = xs.length;
  const total = sum(xs);
  if (n === 0 || total <= 0) {
    return 0;
  }
  return xs.reduce((s, x, k) => s + (2 * (k + 1) - n - 1) * x, 0) / (n * total);
}

/** Share of the total held by the top `ceil(share · n)` amounts (share 0.2: the top-20 % share); 0 when n = 0. */
export function topShare(amounts: readonly number[], share = 0.2): number {
  const xs = ascending(amounts);
  const total = sum(xs);
  if (!xs.length || total <= 0) {
    return 0;
  }
  const top = Math.ceil(share * xs.length);
  return sum(xs.slice(xs.length - top)) / total;
}

/** The ranks of the Lorenz points kept: all of 1…n up to n = 100, else ceil(k·n/100) for k = 1…100. */
export function lorenzRanks(n: number): number[] {
  if (n <= 100) {
    return Array.from({ length: n }, (_, k) => k + 1);
  }
  return [...new Set(Array.from({ length: 100 }, (_, k) => Math.ceil(((k + 1) * n) / 100)))];
}

/** Lorenz curve: (0, 0) and (i/n, Σ_{j≤i} x₍ⱼ₎ / Σ x) at the kept ranks — at most 101 points; [] when n = 0. */
export function lorenz(amounts: readonly number[]): LorenzPoint[] {
  const xs = ascending(amounts);
  const n = xs.length;
  const total = sum(xs);
  if (n === 0 || total <= 0) {
    return [];
  }
  const cum: number[] = [];
  xs.reduce((s, x) => {
    cum.push(s + x);
    return s + x;
  }, 0);
  return [{ x: 0, y: 0 }, ...lorenzRanks(n).map((i) => ({ x: i / n, y: (cum[i - 1] as number) / total }))];
}
