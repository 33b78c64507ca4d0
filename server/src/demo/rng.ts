// The seeded randomness of the demo generator: one PRNG with the distributions it needs, and helpers
// that draw from it (dates within business hours, mobile numbers).

export const DAY = 86_400_000;
export const YEAR = 365 * DAY;

/** Seeded PRNG (mulberry32) with the distributions the generator needs. */
export class Rng {
  #s: number;
  constructor(seed: number) {
    this.#s = seed >>> 0 || 0x9e3779b9;
  }
  next(): number {
    let t = (this.#s = (this.#s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)] as T;
  }
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
  lognormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal());
  }
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }
  /** Marsaglia–Tsang. */
  gamma(shape: number, scale: number): number {
    if (shape < 1) {
      return this.gamma(shape + 1, scale) * Math.pow(this.next() || 1e-12, 1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.next();
      if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
        return d * v * scale;
      }
    }
  }
  poisson(lambda: number): number {
    if (lambda <= 0) {
      return 0;
    }
    if (lambda > 30) {
      return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    }
    const l = Math.exp(-lambda);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= this.next();
    } while (p > l);
    return k - 1;
  }
}

export const pad = (n: number, w: number) => String(n).padStart(w, '0');
export const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** A whole second within the business day (08:00–20:00 China time) of the day `ms` falls in. */
export const businessTime = (rng: Rng, ms: number) => Math.floor(ms / DAY) * DAY + (rng.int(12 * 3600) + 0) * 1000;

export function mobile(rng: Rng): string {
  return `1${rng.pick(['3', '5', '7', '8', '9'])}${pad(rng.int(1e9), 9)}`;
}
