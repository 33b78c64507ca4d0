import { expectedPurchases, pAlive, repeatPmf, type BgnbdParams, type RfCount } from './bgnbd.ts';
import { fitBgnbd, fitGammaGamma, frequencySpendCorrelation, type FitFailure } from './fit.ts';
import { expectedSpend, type GammaGammaParams, type SpendCount } from './gamma-gamma.ts';

// From SQL's compressed counts to a fitted model, and from a model to one customer's prediction (docs/metrics.md
// "CLV, probabilistic"). Pure: the service feeds these with what the repository aggregated.

/** Days per time unit of the model. */
export const UNIT_DAYS = { day: 1, week: 7 } as const;
/** A month of the CLV horizon: 365.25 / 12 days. */
export const MONTH_DAYS = 365.25 / 12;

export interface Compressed {
  x: number;
  tx_days: number;
  t_days: number;
  mean: number | null;
  n: number;
}

export interface DiagnosticRow {
  /** Repeat purchase days in the calibration period: "0" … "6", and "7+". */
  repeatPurchases: string;
  actual: number;
  expected: number;
}

export interface FittedModel {
  bgnbd: BgnbdParams & { logLikelihood: number; customers: number };
  gammaGamma: GammaGammaParams & { logLikelihood: number; customers: number };
  repeatBuyers: number;
  frequencySpendCorrelation: number | null;
  diagnostics: DiagnosticRow[];
}

/** Collapses the SQL rows (one per x, tₓ, T, m̄ₓ) into the two likelihoods' inputs, in the model's unit. */
export function splitCounts(rows: readonly Compressed[], unitDays: number): { rf: RfCount[]; spend: SpendCount[] } {
  const rf = new Map<string, RfCount>();
  const spend = new Map<string, SpendCount>();
  for (const r of rows) {
    const k = `${r.x}|${r.tx_days}|${r.t_days}`;
    const at = rf.get(k) ?? { x: r.x, tx: r.tx_days / unitDays, T: r.t_days / unitDays, n: 0 };
    at.n += r.n;
    rf.set(k, at);
    if (r.x > 0 && r.mean !== null && r.mean > 0) {
      const s = `${r.x}|${r.mean}`;
      const sp = spend.get(s) ?? { x: r.x, mean: r.mean, n: 0 };
      sp.n += r.n;
      spend.set(s, sp);
    }
  }
  return { rf: [...rf.values()], spend: [...spend.values()] };
}

const BUCKETS = 8;

/** Actual vs expected customers per number of repeat purchase days, each customer over their own T (FHL05 fig. 2). */
export function diagnostics(p: BgnbdParams, rf: readonly RfCount[]): DiagnosticRow[] {
  const actual = new Array<number>(BUCKETS).fill(0);
  const expected = new Array<number>(BUCKETS).fill(0);
  const byT = new Map<number, number>();
  for (const r of rf) {
    const k = Math.min(r.x, BUCKETS - 1);
    actual[k] = (actual[k] ?? 0) + r.n;
    byT.set(r.T, (byT.get(r.T) ?? 0) + r.n);
  }
  for (const [T, n] of byT) {
    let below = 0;
    for (let k = 0; k < BUCKETS - 1; k++) {
      const pk = T > 0 ? repeatPmf(p, k, T) : k === 0 ? 1 : 0;
      expected[k] = (expected[k] ?? 0) + n * pk;
      below += pk;
    }
    expected[BUCKETS - 1] = (expected[BUCKETS - 1] ?? 0) + n * Math.max(0, 1 - below);
  }
  return actual.map((a, k) => ({
    repeatPurchases: k === BUCKETS - 1 ? `${k}+` : String(k),
    actual: a,
    expected: expected[k] ?? 0,
  }));
}

/** Fits BG/NBD and Gamma-Gamma; a failure of either says why (422 upstream). */
export function fitModel(rows: readonly Compressed[], unitDays: number): { ok: true; model: FittedModel } | FitFailure {
  const { rf, spend } = splitCounts(rows, unitDays);
  const bg = fitBgnbd(rf);
  if (!bg.ok) {
    return bg;
  }
  const gg = fitGammaGamma(spend);
  if (!gg.ok) {
    return gg;
  }
  return {
    ok: true,
    model: {
      bgnbd: { ...bg.params, logLikelihood: bg.logLikelihood, customers: bg.customers },
      gammaGamma: { ...gg.params, logLikelihood: gg.logLikelihood, customers: gg.customers },
      repeatBuyers: gg.customers,
      frequencySpendCorrelation: frequencySpendCorrelation(spend),
      diagnostics: diagnostics(bg.params, rf),
    },
  };
}

export interface Prediction {
  pAlive: number;
  expectedPurchases: number;
  expectedSpend: number;
  clv: number;
}

/** The horizon and discounting of a CLV: H months at an annual rate (monthly d = (1 + rate)^(1/12) − 1). */
export interface ClvHorizon {
  horizonMonths: number;
  annualDiscountRate: number;
  unitDays: number;
}

/**
 * Σ_{m=1..H} (E[Y(m)] − E[Y(m−1)]) / (1+d)^m — the discounted expected purchase days over the horizon — and E[Y(H)].
 * It depends on (x, tₓ, T) only, so a CLV is this times the customer's expected spend per purchase day.
 */
export function discountedPurchases(
  bgnbd: BgnbdParams,
  c: { x: number; tx: number; T: number },
  opts: ClvHorizon,
): { discounted: number; expectedPurchases: number } {
  const monthly = (1 + opts.annualDiscountRate) ** (1 / 12) - 1;
  const monthUnits = MONTH_DAYS / opts.unitDays;
  let previous = 0;
  let discounted = 0;
  for (let month = 1; month <= opts.horizonMonths; month++) {
    const ey = expectedPurchases(bgnbd, c.x, c.tx, c.T, month * monthUnits);
    discounted += (ey - previous) / (1 + monthly) ** month;
    previous = ey;
  }
  return { discounted, expectedPurchases: previous };
}

/**
 * One customer's prediction over H months: P(alive), E[Y(H)], the Gamma-Gamma expected amount of a purchase day, and
 * CLV = Σ_{m=1..H} (E[Y(m)] − E[Y(m−1)]) · E[M] / (1+d)^m with the monthly rate d = (1 + annual rate)^(1/12) − 1.
 */
export function predict(
  m: { bgnbd: BgnbdParams; gammaGamma: GammaGammaParams },
  c: { x: number; tx: number; T: number; mean: number | null },
  opts: ClvHorizon,
): Prediction {
  const spend = expectedSpend(m.gammaGamma, c.x, c.mean ?? 0) ?? 0;
  const d = discountedPurchases(m.bgnbd, c, opts);
  return {
    pAlive: pAlive(m.bgnbd, c.x, c.tx, c.T),
    expectedPurchases: d.expectedPurchases,
    expectedSpend: spend,
    clv: d.discounted * spend,
  };
}
