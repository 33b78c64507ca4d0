import { bgnbdTotalLogLik, type BgnbdParams, type RfCount } from './bgnbd.ts';
import { gammaGammaTotalLogLik, type GammaGammaParams, type SpendCount } from './gamma-gamma.ts';
import { nelderMead, type MinimiseResult } from './nelder-mead.ts';

// Maximum-likelihood fits of BG/NBD and Gamma-Gamma on compressed counts (docs/metrics.md "CLV, probabilistic"):
// Nelder–Mead on the logarithms of the parameters (so they stay positive), from several starting points, each run
// restarted from where it stopped until it no longer improves; the best run wins.

/** Fewer customers, or fewer repeat buyers, than this and a fit says nothing (422 `too_few_repeat_buyers`). */
export const MIN_CUSTOMERS = 20;
export const MIN_REPEAT_BUYERS = 10;
/** A log-parameter beyond ±this (a parameter above ~5e8 or below ~2e-9) ran away: the data do not identify the model. */
const MAX_LOG_PARAM = 20;

export type FitFailure = {
  ok: false;
  reason: 'too_few_repeat_buyers' | 'not_converged';
  message: string;
};
export type FitSuccess<P> = {
  ok: true;
  params: P;
  logLikelihood: number;
  customers: number;
  iterations: number;
};
export type FitResult<P> = FitSuccess<P> | FitFailure;

interface Run {
  best: MinimiseResult;
  iterations: number;
  converged: boolean;
}

/** Minimises `f` from each start (restarting each run from its end point until it stops improving); the best run. */
function bestOf(f: (x: number[]) => number, starts: number[][]): Run {
  let winner: Run | undefined;
  for (const start of starts) {
    let run = nelderMead(f, start);
    let iterations = run.iterations;
    for (let restart = 0; restart < 20; restart++) {
      const again = nelderMead(f, run.x, { step: 0.1 });
      iterations += again.iterations;
      // Improved beyond rounding noise (relative, as the minimiser's own tolerance).
      const improved = again.value < run.value - 1e-12 * (1 + Math.abs(run.value));
      run = again.value <= run.value ? again : run;
      if (!improved) {
        break;
      }
    }
    if (!winner || run.value < winner.best.value) {
      winner = { best: run, iterations, converged: run.converged };
    }
  }
  return winner as Run;
}

function judged<P>(run: Run, params: P, customers: number): FitResult<P> {
  const finite = Number.isFinite(run.best.value) && Object.values(params as object).every((v) => Number.isFinite(v));
  if (!run.converged || !finite || run.best.x.some((v) => Math.abs(v) > MAX_LOG_PARAM)) {
    return {
      ok: false,
      reason: 'not_converged',
      message: finite
        ? 'The fit did not converge: a parameter ran off towards zero or infinity, so the data do not identify the model (more customers, or a longer history, help)'
        : 'The fit did not converge to a finite likelihood',
    };
  }
  return { ok: true, params, logLikelihood: -run.best.value, customers, iterations: run.iterations };
}

const tooFew = (what: string): FitFailure => ({ ok: false, reason: 'too_few_repeat_buyers', message: what });

/** BG/NBD by maximum likelihood over compressed (x, tₓ, T) counts. */
export function fitBgnbd(rows: readonly RfCount[]): FitResult<BgnbdParams> {
  const customers = rows.reduce((s, r) => s + r.n, 0);
  const repeaters = rows.reduce((s, r) => s + (r.x > 0 ? r.n : 0), 0);
  if (customers < MIN_CUSTOMERS || repeaters < MIN_REPEAT_BUYERS) {
    return tooFew(
      `BG/NBD needs at least ${MIN_CUSTOMERS} customers and ${MIN_REPEAT_BUYERS} repeat buyers; there are ${customers} and ${repeaters}`,
    );
  }
  // α is in the time unit: start it near 1 / (mean repeat rate), so days and weeks start alike.
  const exposure = rows.reduce((s, r) => s + r.n * r.T, 0);
  const purchases = rows.reduce((s, r) => s + r.n * r.x, 0);
  const alpha0 = Math.log(Math.max(1e-3, exposure / Math.max(1, purchases)));
  const toParams = (v: number[]): BgnbdParams => ({
    r: Math.exp(v[0] as number),
    alpha: Math.exp(v[1] as number),
    a: Math.exp(v[2] as number),
    b: Math.exp(v[3] as number),
  });
  const f = (v: number[]) => -bgnbdTotalLogLik(toParams(v), rows);
  const starts = [
    [0, alpha0, 0, 0],
    [Math.log(0.3), alpha0, Math.log(0.8), Math.log(2.5)],
    [Math.log(3), alpha0 + 1, Math.log(2), Math.log(0.5)],
  ];
  const run = bestOf(f, starts);
  return judged(run, toParams(run.best.x), customers);
}

/** Gamma-Gamma by maximum likelihood over compressed (x, m̄ₓ) counts of repeat buyers (x > 0, m̄ₓ > 0). */
export function fitGammaGamma(rows: readonly SpendCount[]): FitResult<GammaGammaParams> {
  const usable = rows.filter((r) => r.x > 0 && r.mean > 0);
  const customers = usable.reduce((s, r) => s + r.n, 0);
  if (customers < MIN_REPEAT_BUYERS) {
    return tooFew(`Gamma-Gamma needs at least ${MIN_REPEAT_BUYERS} repeat buyers; there are ${customers}`);
  }
  const meanSpend = usable.reduce((s, r) => s + r.n * r.mean, 0) / customers;
  const toParams = (v: number[]): GammaGammaParams => ({
    p: Math.exp(v[0] as number),
    q: Math.exp(v[1] as number),
    gamma: Math.exp(v[2] as number),
  });
  const f = (v: number[]) => -gammaGammaTotalLogLik(toParams(v), usable);
  const g0 = Math.log(Math.max(1e-6, meanSpend));
  const starts = [
    [0, 0, g0],
    [Math.log(5), Math.log(3), g0],
    [Math.log(0.5), Math.log(10), g0 + 2],
  ];
  const run = bestOf(f, starts);
  const result = judged(run, toParams(run.best.x), customers);
  if (result.ok && !(result.params.q > 1)) {
    return {
      ok: false,
      reason: 'not_converged',
      message: `Gamma-Gamma fitted q = ${result.params.q.toPrecision(3)} ≤ 1: the population's mean spend per purchase day is not finite under the model`,
    };
  }
  return result;
}

/** Weighted Pearson correlation of x and m̄ₓ over the repeat buyers: Gamma-Gamma assumes it is near 0. */
export function frequencySpendCorrelation(rows: readonly SpendCount[]): number | null {
  const usable = rows.filter((r) => r.x > 0 && r.mean > 0);
  const n = usable.reduce((s, r) => s + r.n, 0);
  if (n < 3) {
    return null;
  }
  const mx = usable.reduce((s, r) => s + r.n * r.x, 0) / n;
  const mm = usable.reduce((s, r) => s + r.n * r.mean, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const r of usable) {
    sxy += r.n * (r.x - mx) * (r.mean - mm);
    sxx += r.n * (r.x - mx) ** 2;
    syy += r.n * (r.mean - mm) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}
