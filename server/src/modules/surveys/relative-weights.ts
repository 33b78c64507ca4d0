/**
 * Johnson's relative weights (Johnson 2000, Multivariate Behavioral Research 35(1)) from correlations:
 * Rxx = Q Λ Qᵀ, Λ* = Rxx^½ = Q Λ^½ Qᵀ, β* = Λ*⁻¹ rxy, ε_j = Σ_k (Λ*_jk)² (β*_k)². The weights sum to R².
 */
export function relativeWeights(rxx: number[][], rxy: number[]): { weights: number[]; rSquared: number } {
  const k = rxy.length;
  if (rxx.length !== k || rxx.some((row) => row.length !== k)) {
    throw new Error('Correlation matrix and vector sizes differ');
  }
  const { values, vectors } = jacobiEigen(rxx);
  if (values.some((v) => v <= 1e-9)) {
    throw new Error('Drivers are collinear (singular correlation matrix)');
  }
  // Λ* = Q diag(√λ) Qᵀ and its inverse Q diag(1/√λ) Qᵀ.
  const build = (f: (v: number) => number) =>
    Array.from({ length: k }, (_, i) =>
      Array.from({ length: k }, (_, j) =>
        values.reduce((s, v, m) => s + (vectors[i]?.[m] ?? 0) * f(v) * (vectors[j]?.[m] ?? 0), 0),
      ),
    );
  const half = build(Math.sqrt);
  const invHalf = build((v) => 1 / Math.sqrt(v));
  const beta = invHalf.map((row) => row.reduce((s, x, j) => s + x * (rxy[j] ?? 0), 0));
  const weights = half.map((row) => row.reduce((s, x, m) => s + x * x * (beta[m] ?? 0) ** 2, 0));
  return { weights, rSquared: beta.reduce((s, b) => s + b * b, 0) };
}

/** Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations; vectors are columns. */
export function jacobiEigen(m: number[][]): { values: number[]; vectors: number[][] } {
  const n = m.length;
  const a = m.map((row) => [...row]);
  const v = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  const at = (x: number[][], i: number, j: number) => x[i]?.[j] ?? 0;
  const set = (x: number[][], i: number, j: number, val: number) => {
    const row = x[i];
    if (row) {
      row[j] = val;
    }
  };
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        off += at(a, i, j) ** 2;
      }
    }
    if (off < 1e-24) {
      break;
    }
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = at(a, p, q);
        if (Math.abs(apq) < 1e-300) {
          continue;
        }
        const theta = (at(a, q, q) - at(a, p, p)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < n; r++) {
          const arp = at(a, r, p);
          const arq = at(a, r, q);
          set(a, r, p, c * arp - s * arq);
          set(a, r, q, s * arp + c * arq);
        }
        for (let r = 0; r < n; r++) {
          const apr = at(a, p, r);
          const aqr = at(a, q, r);
          set(a, p, r, c * apr - s * aqr);
          set(a, q, r, s * apr + c * aqr);
        }
        for (let r = 0; r < n; r++) {
          const vrp = at(v, r, p);
          const vrq = at(v, r, q);
          set(v, r, p, c * vrp - s * vrq);
          set(v, r, q, s * vrp + c * vrq);
        }
      }
    }
  }
  return { values: Array.from({ length: n }, (_, i) => at(a, i, i)), vectors: v };
}
