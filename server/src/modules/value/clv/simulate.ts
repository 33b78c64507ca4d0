import type { BgnbdParams, RfCount } from './bgnbd.ts';
import type { GammaGammaParams, SpendCount } from './gamma-gamma.ts';

// Customers drawn under BG/NBD + Gamma-Gamma from a fixed seed (docs/metrics.md "CLV, probabilistic"): the fits are
// checked by recovering the parameters the data were drawn with, and the benchmark and fixtures use the same draws.

/** mulberry32: a small seeded generator with a full 2³² period; uniform in (0, 1). */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const u = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return u === 0 ? 0.5 / 4294967296 : u;
  };
}

function normal(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(rand())) * Math.cos(2 * Math.PI * rand());
}

/** Gamma(shape, rate) by Marsaglia & Tsang (shape < 1 through the usual power of a uniform). */
export function gammaDraw(rand: () => number, shape: number, rate: number): number {
  if (shape < 1) {
    return gammaDraw(rand, shape + 1, rate) * Math.pow(rand(), 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normal(rand);
    const v = (1 + c * z) ** 3;
    if (v > 0 && Math.log(rand()) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
      return (d * v) / rate;
    }
  }
}

export interface SimulatedCustomer {
  /** Repeat purchase times after the first purchase at 0, in the time unit. */
  times: number[];
  /** Amount of the first purchase and of each repeat purchase. */
  amounts: number[];
  T: number;
}

/**
 * `n` customers, each first buying at 0 and observed for T drawn uniformly in [tMin, tMax]: while alive they buy at
 * rate λ ~ Gamma(r, α); after each repeat purchase they drop out with probability p ~ Beta(a, b); every amount is
 * Gamma(p_gg, ν) with ν ~ Gamma(q, γ) per customer.
 */
export function simulateCustomers(
  bg: BgnbdParams,
  gg: GammaGammaParams,
  opts: { n: number; tMin: number; tMax: number; seed: number },
): SimulatedCustomer[] {
  const rand = seededRandom(opts.seed);
  const out: SimulatedCustomer[] = [];
  for (let i = 0; i < opts.n; i++) {
    const lambda = gammaDraw(rand, bg.r, bg.alpha);
    const x1 = gammaDraw(rand, bg.a, 1);
    const dropout = x1 / (x1 + gammaDraw(rand, bg.b, 1));
    const nu = gammaDraw(rand, gg.q, gg.gamma);
    const T = opts.tMin + rand() * (opts.tMax - opts.tMin);
    const times: number[] = [];
    let t = 0;
    for (;;) {
      t += -Math.log(rand()) / lambda;
      if (t > T) {
        break;
      }
      times.push(t);
      if (rand() < dropout) {
        break;
      }
    }
    const amounts = [0, ...times].map(() => gammaDraw(rand, gg.p, nu));
    out.push({ times, amounts, T });
  }
  return out;
}

/** The compressed counts a fit takes, from simulated customers. */
export function compress(customers: readonly SimulatedCustomer[]): { rf: RfCount[]; spend: SpendCount[] } {
  const rf = new Map<string, RfCount>();
  const spend = new Map<string, SpendCount>();
  for (const c of customers) {
    const x = c.times.length;
    const tx = x ? (c.times[x - 1] as number) : 0;
    const key = `${x}|${tx}|${c.T}`;
    const row = rf.get(key) ?? { x, tx, T: c.T, n: 0 };
    row.n++;
    rf.set(key, row);
    if (x > 0) {
      const mean = c.amounts.slice(1).reduce((s, v) => s + v, 0) / x;
      const sKey = `${x}|${mean}`;
      const s = spend.get(sKey) ?? { x, mean, n: 0 };
      s.n++;
      spend.set(sKey, s);
    }
  }
  return { rf: [...rf.values()], spend: [...spend.values()] };
}
