import { lnBeta, lnGamma, lnHyp2f1, logAddExp } from './special.ts';

// BG/NBD (Fader, Hardie & Lee, docs/sources.md [L-FHL05]; formulas in docs/metrics.md "CLV, probabilistic"): pure
// functions of the parameters and one customer's (x, tₓ, T), in the model's time unit.

export interface BgnbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** One row of the compressed counts: `n` customers share (x, tₓ, T). */
export interface RfCount {
  x: number;
  tx: number;
  T: number;
  n: number;
}

/**
 * ln L(r, α, a, b | x, tₓ, T), in log-sum-exp form:
 * ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
 *   + ln( (α+T)^−(r+x) + [x > 0] · a/(b+x−1) · (α+tₓ)^−(r+x) ),
 * since B(a+1, b+x−1) = B(a, b+x) · a / (b+x−1).
 */
export function bgnbdLogLik(p: BgnbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = p;
  const head = lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha) + lnBeta(a, b + x) - lnBeta(a, b);
  const alive = -(r + x) * Math.log(alpha + T);
  const dropped = x > 0 ? Math.log(a / (b + x - 1)) - (r + x) * Math.log(alpha + tx) : -Infinity;
  return head + logAddExp(alive, dropped);
}

/**
 * The log-likelihood of compressed counts: Σ n · ln L. The terms that depend on x alone (the gamma and beta
 * functions) are computed once per distinct x, which is what makes a fit over many customers cheap.
 */
export function bgnbdTotalLogLik(p: BgnbdParams, rows: readonly RfCount[]): number {
  const { r, alpha, a, b } = p;
  const lnAlpha = Math.log(alpha);
  const base = -lnGamma(r) + r * lnAlpha - lnBeta(a, b);
  const byX = new Map<number, number>();
  let total = 0;
  for (const row of rows) {
    const { x, tx, T, n } = row;
    let head = byX.get(x);
    if (head === undefined) {
      head = lnGamma(r + x) + lnBeta(a, b + x);
      byX.set(x, head);
    }
    const alive = -(r + x) * Math.log(alpha + T);
    const dropped = x > 0 ? Math.log(a / (b + x - 1)) - (r + x) * Math.log(alpha + tx) : -Infinity;
    total += n * (base + head + logAddExp(alive, dropped));
  }
  return total;
}

/** ln of the odds term a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x) (−Infinity when x = 0: a customer who never came back is alive). */
function lnDeadOdds(p: BgnbdParams, x: number, tx: number, T: number): number {
  if (x === 0) {
    return -Infinity;
  }
  return Math.log(p.a / (p.b + x - 1)) + (p.r + x) * Math.log((p.alpha + T) / (p.alpha + tx));
}

/** P(alive | x, tₓ, T) = 1 / (1 + [x > 0] · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)). */
export function pAlive(p: BgnbdParams, x: number, tx: number, T: number): number {
  const lnOdds = lnDeadOdds(p, x, tx, T);
  // 1 / (1 + e^u) without overflow.
  return lnOdds > 0 ? Math.exp(-lnOdds) / (1 + Math.exp(-lnOdds)) : 1 / (1 + Math.exp(lnOdds));
}

/**
 * E[Y(t) | x, tₓ, T]: expected purchase days in the next t time units,
 * (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))] / (1 + odds).
 * At a = 1 the factor is a removable singularity: the value is the mean of a just above and below.
 */
export function expectedPurchases(p: BgnbdParams, x: number, tx: number, T: number, t: number): number {
  if (t <= 0) {
    return 0;
  }
  if (Math.abs(p.a - 1) < 1e-7) {
    const lo = expectedPurchases({ ...p, a: 1 - 1e-6 }, x, tx, T, t);
    const hi = expectedPurchases({ ...p, a: 1 + 1e-6 }, x, tx, T, t);
    return (lo + hi) / 2;
  }
  const { r, alpha, a, b } = p;
  const lnH =
    (r + x) * Math.log((alpha + T) / (alpha + T + t)) + lnHyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t));
  // 1 − e^lnH, accurate when lnH is near 0.
  const bracket = -Math.expm1(lnH);
  const factor = (a + b + x - 1) / (a - 1);
  return factor * bracket * pAlive(p, x, tx, T);
}

/**
 * P(X(t) = k) for a customer observed for t (FHL05 eq. 8): the share of customers expected to make k repeat purchase
 * days in their first t time units. Used to compare predicted and actual repeat-purchase counts (model diagnostics).
 */
export function repeatPmf(p: BgnbdParams, k: number, t: number): number {
  const { r, alpha, a, b } = p;
  const lnShareA = Math.log(alpha / (alpha + t));
  const lnShareT = Math.log(t / (alpha + t));
  const lnNb = (j: number) => lnGamma(r + j) - lnGamma(r) - lnGamma(j + 1) + r * lnShareA + j * lnShareT;
  let value = Math.exp(lnBeta(a, b + k) - lnBeta(a, b) + lnNb(k));
  if (k > 0) {
    let cdf = 0;
    for (let j = 0; j < k; j++) {
      cdf += Math.exp(lnNb(j));
    }
    value += Math.exp(lnBeta(a + 1, b + k - 1) - lnBeta(a, b)) * Math.max(0, 1 - cdf);
  }
  return value;
}
