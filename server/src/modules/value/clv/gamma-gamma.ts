import { lnGamma } from './special.ts';

// Gamma-Gamma spend model (Fader & Hardie, docs/sources.md [L-FH13], [L-FHL05b]; docs/metrics.md "CLV,
// probabilistic"): the amount of each repeat purchase day is Gamma(p, ν), ν ~ Gamma(q, γ) across customers.

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** One row of the compressed spend data: `n` customers with x repeat purchase days whose mean amount is `mean`. */
export interface SpendCount {
  x: number;
  mean: number;
  n: number;
}

/**
 * ln f(m̄ₓ | p, q, γ, x) = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m̄ₓ + px ln x − (px+q) ln(γ + m̄ₓ x):
 * the density of the mean of x independent Gamma(p, ν) amounts, ν integrated out.
 */
export function gammaGammaLogLik(g: GammaGammaParams, x: number, mean: number): number {
  const { p, q, gamma } = g;
  const px = p * x;
  return (
    lnGamma(px + q) -
    lnGamma(px) -
    lnGamma(q) +
    q * Math.log(gamma) +
    (px - 1) * Math.log(mean) +
    px * Math.log(x) -
    (px + q) * Math.log(gamma + mean * x)
  );
}

/** Σ n · ln f over the compressed rows; the gamma functions are computed once per distinct x. */
export function gammaGammaTotalLogLik(g: GammaGammaParams, rows: readonly SpendCount[]): number {
  const { p, q, gamma } = g;
  const base = -lnGamma(q) + q * Math.log(gamma);
  const byX = new Map<number, number>();
  let total = 0;
  for (const { x, mean, n } of rows) {
    const px = p * x;
    let head = byX.get(x);
    if (head === undefined) {
      head = lnGamma(px + q) - lnGamma(px) + px * Math.log(x);
      byX.set(x, head);
    }
    total += n * (base + head + (px - 1) * Math.log(mean) - (px + q) * Math.log(gamma + mean * x));
  }
  return total;
}

/**
 * E[M | m̄ₓ, x] = (γ + m̄ₓ x) p / (p x + q − 1): the expected amount of a future purchase day, a weighted mean of the
 * population mean γp/(q−1) and the customer's own mean. Needs q > 1 (else the population mean is infinite): null.
 */
export function expectedSpend(g: GammaGammaParams, x: number, mean: number): number | null {
  if (!(g.q > 1)) {
    return null;
  }
  return ((g.gamma + mean * x) * g.p) / (g.p * x + g.q - 1);
}
