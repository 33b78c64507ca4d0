// The least-squares line and its 95 % confidence band drawn over the chain scatter (docs/metrics.md "The chain"). For
// drawing only: r, ρ and their intervals come from the server. The band is the interval of the mean response,
// ŷ ± t(0.975, n − 2) · s · √(1/n + (x − x̄)² / Sxx), with s² = SSE / (n − 2).

export interface XY {
  x: number;
  y: number;
}

export interface Fit {
  intercept: number;
  slope: number;
  n: number;
  /** Points along the x range: the line and the band's bounds. */
  line: { x: number; y: number; lower: number; upper: number }[];
}

/** Two-sided 95 % critical values of Student's t for 1–30 degrees of freedom. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** t(0.975, df): the table to 30, then the normal value with the first-order correction (within 0.001 beyond 30). */
export function tCritical(df: number): number {
  if (df < 1) {
    return Number.NaN;
  }
  return df <= 30 ? (T975[df - 1] as number) : 1.96 + 2.4 / df;
}

/** The fit over `points`, sampled at `steps + 1` x values; null below three points or when every x is the same. */
export function leastSquares(points: XY[], steps = 40): Fit | null {
  const n = points.length;
  if (n < 3) {
    return null;
  }
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - mx) ** 2;
    sxy += (p.x - mx) * (p.y - my);
  }
  if (sxx === 0) {
    return null;
  }
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const sse = points.reduce((a, p) => a + (p.y - intercept - slope * p.x) ** 2, 0);
  const s = Math.sqrt(sse / (n - 2));
  const t = tCritical(n - 2);
  const xs = points.map((p) => p.x);
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const line = Array.from({ length: steps + 1 }, (_, i) => {
    const x = lo + ((hi - lo) * i) / steps;
    const y = intercept + slope * x;
    const half = t * s * Math.sqrt(1 / n + (x - mx) ** 2 / sxx);
    return { x, y, lower: y - half, upper: y + half };
  });
  return { intercept, slope, n, line };
}
