import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bgnbdLogLik, bgnbdTotalLogLik, expectedPurchases, pAlive, repeatPmf } from './bgnbd.ts';
import { fitBgnbd, fitGammaGamma, frequencySpendCorrelation } from './fit.ts';
import { expectedSpend, gammaGammaLogLik, gammaGammaTotalLogLik } from './gamma-gamma.ts';
import { nelderMead } from './nelder-mead.ts';
import { compress, simulateCustomers } from './simulate.ts';
import { lnBeta, lnGamma, lnHyp2f1, logAddExp } from './special.ts';

// Reference values of docs/metrics.md "CLV, probabilistic": the published CDNOW parameters (weeks) [L-FHL05], and
// recovery of the parameters that simulated data were drawn with.
const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const cdnowSpend = { p: 6.25, q: 3.74, gamma: 15.44 };
const within = (got: number, want: number, share: number) => Math.abs(got - want) / want <= share;

describe('special functions', () => {
  it('ln Γ and ln B match closed forms', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 14);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
    expect(lnGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(lnGamma(101)).toBeCloseTo(363.73937555556347, 9);
    expect(lnGamma(171.5) - lnGamma(170.5)).toBeCloseTo(Math.log(170.5), 10);
    expect(lnBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 14);
    expect(Number.isNaN(lnGamma(0))).toBe(true);
  });

  it('log-sum-exp stays finite where the exponentials overflow', () => {
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.log(2), 12);
    expect(logAddExp(-Infinity, 3)).toBe(3);
  });

  it('₂F₁ matches closed forms and stays finite for heavy buyers', () => {
    // ₂F₁(1, 1; 2; z) = −ln(1 − z) / z; ₂F₁(a, b; b; z) = (1 − z)^−a.
    expect(Math.exp(lnHyp2f1(1, 1, 2, 0.5))).toBeCloseTo(-Math.log(0.5) / 0.5, 13);
    expect(lnHyp2f1(3.5, 2, 2, 0.9)).toBeCloseTo(-3.5 * Math.log(0.1), 10);
    expect(Number.isFinite(lnHyp2f1(2000, 2000, 2001, 0.95))).toBe(true);
  });
});

describe('BG/NBD', () => {
  it('reproduces the published P(alive) and E[Y(39)] for x = 2, tₓ = 30.43, T = 38.86', () => {
    expect(pAlive(cdnow, 2, 30.43, 38.86)).toBeCloseTo(0.72658, 5);
    expect(expectedPurchases(cdnow, 2, 30.43, 38.86, 39)).toBeCloseTo(1.22603, 5);
  });

  it('a customer who never came back is alive; a long silence makes a frequent buyer likely gone', () => {
    expect(pAlive(cdnow, 0, 0, 38.86)).toBe(1);
    expect(pAlive(cdnow, 20, 5, 38.86)).toBeLessThan(0.01);
    expect(pAlive(cdnow, 20, 38, 38.86)).toBeGreaterThan(0.9);
  });

  it('heavy buyers give finite values, never NaN', () => {
    const ll = bgnbdLogLik(cdnow, 5000, 38, 39);
    const ey = expectedPurchases(cdnow, 5000, 38, 39, 52);
    expect(Number.isFinite(ll)).toBe(true);
    expect(Number.isFinite(ey)).toBe(true);
    expect(ey).toBeGreaterThan(0);
  });

  it('the compressed log-likelihood equals the sum over customers', () => {
    const rows = [
      { x: 0, tx: 0, T: 38.86, n: 3 },
      { x: 2, tx: 30.43, T: 38.86, n: 2 },
      { x: 7, tx: 29.43, T: 38.86, n: 1 },
    ];
    const bySum = rows.reduce((s, r) => s + r.n * bgnbdLogLik(cdnow, r.x, r.tx, r.T), 0);
    expect(bgnbdTotalLogLik(cdnow, rows)).toBeCloseTo(bySum, 9);
  });

  it('the repeat-purchase distribution sums to 1', () => {
    let total = 0;
    for (let k = 0; k < 400; k++) {
      total += repeatPmf(cdnow, k, 39);
    }
    expect(total).toBeCloseTo(1, 6);
  });
});

describe('Gamma-Gamma', () => {
  it('the expected spend is a weighted mean of the population mean and the customer mean', () => {
    const population = (cdnowSpend.gamma * cdnowSpend.p) / (cdnowSpend.q - 1);
    expect(population).toBeCloseTo(35.22, 2);
    expect(expectedSpend(cdnowSpend, 0, 0)).toBeCloseTo(population, 10);
    const w = (cdnowSpend.p * 3) / (cdnowSpend.p * 3 + cdnowSpend.q - 1);
    expect(expectedSpend(cdnowSpend, 3, 50)).toBeCloseTo((1 - w) * population + w * 50, 10);
    expect(expectedSpend({ ...cdnowSpend, q: 0.9 }, 3, 50)).toBeNull();
  });

  it('the compressed log-likelihood equals the sum over customers', () => {
    const rows = [
      { x: 1, mean: 20, n: 2 },
      { x: 4, mean: 35.5, n: 1 },
    ];
    const bySum = rows.reduce((s, r) => s + r.n * gammaGammaLogLik(cdnowSpend, r.x, r.mean), 0);
    expect(gammaGammaTotalLogLik(cdnowSpend, rows)).toBeCloseTo(bySum, 9);
  });
});

describe('Nelder–Mead', () => {
  it('finds the minimum of the Rosenbrock function', () => {
    const f = ([x = 0, y = 0]: number[]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2;
    const res = nelderMead(f, [-1.2, 1], { maxIterations: 10_000, fTolerance: 1e-14, xTolerance: 1e-9 });
    expect(res.converged).toBe(true);
    expect(res.x[0]).toBeCloseTo(1, 4);
    expect(res.x[1]).toBeCloseTo(1, 4);
  });

  it('treats a non-finite value as worse than any finite one', () => {
    const res = nelderMead(([x = 0]) => (x < 0 ? NaN : (x - 2) ** 2), [1]);
    expect(res.x[0]).toBeCloseTo(2, 3);
  });
});

describe('fits on data simulated under the model (10,000 customers, seed 42)', () => {
  const sim = simulateCustomers(cdnow, cdnowSpend, { n: 10_000, tMin: 26, tMax: 78, seed: 42 });
  const { rf, spend } = compress(sim);

  it('BG/NBD recovers r, α, a, b within 10 %, at least as likely as the true parameters', () => {
    const fit = fitBgnbd(rf);
    if (!fit.ok) {
      throw new Error(fit.message);
    }
    expect(fit.customers).toBe(10_000);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) {
      expect(within(fit.params[k], cdnow[k], 0.1), `${k} = ${fit.params[k]}`).toBe(true);
    }
    // The maximum can only beat the published parameters on the same data, and by little (sampling error).
    const atPublished = bgnbdTotalLogLik(cdnow, rf);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(atPublished);
    expect(fit.logLikelihood - atPublished).toBeLessThan(10);
  });

  it('Gamma-Gamma recovers p, q, γ within 10 %', () => {
    const fit = fitGammaGamma(spend);
    if (!fit.ok) {
      throw new Error(fit.message);
    }
    for (const k of ['p', 'q', 'gamma'] as const) {
      expect(within(fit.params[k], cdnowSpend[k], 0.1), `${k} = ${fit.params[k]}`).toBe(true);
    }
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(gammaGammaTotalLogLik(cdnowSpend, spend));
    // Simulated spend is independent of frequency, as the model assumes.
    expect(Math.abs(frequencySpendCorrelation(spend) ?? 1)).toBeLessThan(0.05);
  });

  it('the same fit in days rescales α by 7 and leaves r, a, b as they were', () => {
    const days = rf.map((r) => ({ ...r, tx: r.tx * 7, T: r.T * 7 }));
    const weeks = fitBgnbd(rf);
    const inDays = fitBgnbd(days);
    if (!weeks.ok || !inDays.ok) {
      throw new Error('fit failed');
    }
    expect(within(inDays.params.alpha, weeks.params.alpha * 7, 0.001)).toBe(true);
    expect(within(inDays.params.r, weeks.params.r, 0.001)).toBe(true);
    expect(within(inDays.params.b, weeks.params.b, 0.001)).toBe(true);
  });
});

describe('fits that cannot succeed say why', () => {
  it('too few repeat buyers', () => {
    const fit = fitBgnbd([
      { x: 0, tx: 0, T: 30, n: 40 },
      { x: 1, tx: 3, T: 30, n: 5 },
    ]);
    expect(fit).toMatchObject({ ok: false, reason: 'too_few_repeat_buyers' });
    expect(fitGammaGamma([{ x: 1, mean: 10, n: 9 }])).toMatchObject({ ok: false, reason: 'too_few_repeat_buyers' });
  });

  it('no sign of dropout: a parameter runs away and the fit is refused, not NaN', () => {
    // Everyone buys steadily up to the end: nothing identifies the dropout process.
    const rows = Array.from({ length: 30 }, (_, i) => ({ x: 10 + (i % 5), tx: 39, T: 39, n: 2 }));
    const fit = fitBgnbd(rows);
    expect(fit.ok).toBe(false);
    if (!fit.ok) {
      expect(fit.reason).toBe('not_converged');
      expect(fit.message).not.toMatch(/NaN/);
    }
  });
});

describe('the CDNOW sample (2,357 customers, 39 weeks)', () => {
  const file = path.resolve(import.meta.dirname, '../../../../test/fixtures/value/cdnow-summary.csv');
  const rows = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(',').map(Number));
  const rf = rows.map(([, x = 0, tx = 0, T = 0]) => ({ x, tx, T, n: 1 }));
  const spend = rows.filter(([, x = 0]) => x > 0).map(([, x = 0, , , mean = 0]) => ({ x, mean, n: 1 }));
  const sig3 = (got: number, want: number) =>
    expect(Number(got.toPrecision(3)), `${got}`).toBe(Number(want.toPrecision(3)));

  it('BG/NBD recovers the published r, α, a, b and log-likelihood −9582.4', () => {
    expect(bgnbdTotalLogLik(cdnow, rf)).toBeCloseTo(-9582.43, 2);
    const fit = fitBgnbd(rf);
    if (!fit.ok) {
      throw new Error(fit.message);
    }
    sig3(fit.params.r, cdnow.r);
    sig3(fit.params.alpha, cdnow.alpha);
    sig3(fit.params.a, cdnow.a);
    sig3(fit.params.b, cdnow.b);
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
  });

  it('Gamma-Gamma recovers the published p, q, γ on the 946 repeat buyers', () => {
    expect(spend).toHaveLength(946);
    const fit = fitGammaGamma(spend);
    if (!fit.ok) {
      throw new Error(fit.message);
    }
    sig3(fit.params.p, cdnowSpend.p);
    sig3(fit.params.q, cdnowSpend.q);
    sig3(fit.params.gamma, cdnowSpend.gamma);
  });
});
