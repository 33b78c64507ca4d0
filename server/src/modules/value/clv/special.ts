// Special functions the CLV models need (docs/metrics.md "CLV, probabilistic"), in plain doubles: log-gamma, log-beta,
// log-sum-exp and the Gauss hypergeometric function in log form, so heavy buyers (large x) never overflow.

// Lanczos approximation, g = 7, n = 9 (relative error about 1e-15 for x > 0).
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (NaN for x ≤ 0: callers keep parameters positive by working on their logarithms). */
export function lnGamma(x: number): number {
  if (!(x > 0)) {
    return NaN;
  }
  if (x < 0.5) {
    // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS[0] as number;
  for (let i = 1; i < 9; i++) {
    sum += (LANCZOS[i] as number) / (z + i);
  }
  const t = z + 7.5;
  return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
export const lnBeta = (a: number, b: number): number => lnGamma(a) + lnGamma(b) - lnGamma(a + b);

/** ln(e^u + e^v) without overflow; −Infinity stands for a missing term. */
export function logAddExp(u: number, v: number): number {
  if (u === -Infinity) {
    return v;
  }
  if (v === -Infinity) {
    return u;
  }
  const m = Math.max(u, v);
  return m + Math.log(Math.exp(u - m) + Math.exp(v - m));
}

/**
 * ln ₂F₁(a, b; c; z) for a, b, c > 0 and 0 ≤ z < 1, by its power series: every term is positive there, so the sum is
 * accumulated relative to the largest term seen (log form), which keeps it finite when the terms grow large before
 * they shrink (heavy buyers). Stops when a term no longer changes the sum in double precision.
 */
export function lnHyp2f1(a: number, b: number, c: number, z: number): number {
  if (z === 0) {
    return 0;
  }
  if (!(z > 0 && z < 1 && a > 0 && b > 0 && c > 0)) {
    return NaN;
  }
  // sum = Σ termₖ, kept as scale · s with scale = e^lnScale.
  let lnTerm = 0;
  let lnScale = 0;
  let s = 1;
  const lnZ = Math.log(z);
  for (let k = 0; k < 200_000; k++) {
    lnTerm += Math.log(((a + k) * (b + k)) / ((c + k) * (k + 1))) + lnZ;
    if (lnTerm > lnScale) {
      s = s * Math.exp(lnScale - lnTerm) + 1;
      lnScale = lnTerm;
    } else {
      const rel = Math.exp(lnTerm - lnScale);
      s += rel;
      // Past the peak (the ratio of terms is below 1 from here on) and too small to matter.
      if (rel < 1e-17 * s && (a + k + 1) * (b + k + 1) * z < (c + k + 1) * (k + 2)) {
        break;
      }
    }
  }
  return lnScale + Math.log(s);
}
