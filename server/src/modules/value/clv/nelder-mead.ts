// A small Nelder–Mead minimiser (standard coefficients: reflection 1, expansion 2, contraction ½, shrink ½) for the
// CLV fits, which minimise a negative log-likelihood over log-parameters (docs/metrics.md "CLV, probabilistic").

export interface MinimiseResult {
  x: number[];
  value: number;
  iterations: number;
  converged: boolean;
}

export interface MinimiseOptions {
  /** Initial simplex step in each coordinate (log-parameters: 0.5 moves a parameter by a factor of about 1.65). */
  step?: number;
  maxIterations?: number;
  /**
   * Converged when the function values of the simplex span less than this times (1 + |best value|)… Relative, because
   * a log-likelihood summed over 100,000 customers (about 10⁶) carries rounding noise far above any fixed absolute
   * tolerance: with 1e-9 absolute the simplex circled the optimum until its iteration limit.
   */
  fTolerance?: number;
  /** …and its vertices lie within this distance of the best one in every coordinate. */
  xTolerance?: number;
}

/** A non-finite value (a parameter that over- or underflowed) is worse than any finite one. */
const safe = (v: number) => (Number.isFinite(v) ? v : Infinity);

export function nelderMead(f: (x: number[]) => number, start: number[], opts: MinimiseOptions = {}): MinimiseResult {
  const n = start.length;
  const step = opts.step ?? 0.5;
  const maxIterations = opts.maxIterations ?? 5000;
  const fTol = opts.fTolerance ?? 1e-12;
  const xTol = opts.xTolerance ?? 1e-7;
  const evaluate = (x: number[]) => safe(f(x));
  let simplex = [start, ...start.map((_, i) => start.map((v, j) => (j === i ? v + step : v)))];
  let values = simplex.map(evaluate);
  const order = () => {
    const idx = values.map((_, i) => i).sort((i, j) => (values[i] as number) - (values[j] as number));
    simplex = idx.map((i) => simplex[i] as number[]);
    values = idx.map((i) => values[i] as number);
  };
  const towards = (from: number[], to: number[], t: number) => from.map((v, i) => v + t * ((to[i] as number) - v));
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    order();
    const best = simplex[0] as number[];
    const spreadF = (values[n] as number) - (values[0] as number);
    const spreadX = Math.max(
      ...simplex.slice(1).map((v) => Math.max(...v.map((c, i) => Math.abs(c - (best[i] as number))))),
    );
    if (Number.isFinite(values[0]) && spreadF < fTol * (1 + Math.abs(values[0] as number)) && spreadX < xTol) {
      return { x: best, value: values[0] as number, iterations, converged: true };
    }
    const centroid = best.map((_, i) => simplex.slice(0, n).reduce((s, v) => s + (v[i] as number), 0) / n);
    const worst = simplex[n] as number[];
    const reflected = towards(centroid, worst, -1);
    const fr = evaluate(reflected);
    if (fr < (values[0] as number)) {
      const expanded = towards(centroid, worst, -2);
      const fe = evaluate(expanded);
      [simplex[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
      continue;
    }
    if (fr < (values[n - 1] as number)) {
      [simplex[n], values[n]] = [reflected, fr];
      continue;
    }
    // Contract towards the better of the reflected and the worst point.
    const outside = fr < (values[n] as number);
    const contracted = towards(centroid, outside ? reflected : worst, 0.5);
    const fc = evaluate(contracted);
    if (fc < (outside ? fr : (values[n] as number))) {
      [simplex[n], values[n]] = [contracted, fc];
      continue;
    }
    simplex = simplex.map((v, i) => (i === 0 ? v : towards(best, v, 0.5)));
    values = simplex.map((v, i) => (i === 0 ? (values[0] as number) : evaluate(v)));
  }
  order();
  return { x: simplex[0] as number[], value: values[0] as number, iterations, converged: false };
}
