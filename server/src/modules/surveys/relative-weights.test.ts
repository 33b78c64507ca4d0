import { describe, expect, it } from 'vitest';
import { jacobiEigen, relativeWeights } from './relative-weights.ts';

describe("Johnson's relative weights", () => {
  it('equal the squared correlations when the drivers are uncorrelated (Johnson 2000: ε_j = r_jy² then)', () => {
    const { weights, rSquared } = relativeWeights(
      [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ],
      [0.5, 0.3, -0.2],
    );
    expect(weights.map((w) => +w.toFixed(10))).toEqual([0.25, 0.09, 0.04]);
    expect(rSquared).toBeCloseTo(0.38, 12);
  });

  it('match a two-driver case derived by hand', () => {
    // r12 = 0.5, r1y = 0.6, r2y = 0.4. Rxx has eigenvalues 1.5, 0.5 with eigenvectors (1,1)/√2, (1,−1)/√2, so
    // Λ* = Rxx^½ = [[a, b], [b, a]] with a = (√1.5 + √0.5)/2 = 0.965925826, b = (√1.5 − √0.5)/2 = 0.258819045.
    // Λ*⁻¹ = [[a, −b], [−b, a]] / (a² − b²), a² − b² = √0.5·√1.5 = 0.866025, so
    // β* = [(0.6a − 0.4b), (0.4a − 0.6b)] / 0.866025 = [0.476028, 0.231079] / 0.866025 = [0.549667, 0.266827].
    // With a² = 0.933013, b² = 0.066987, β1² = 0.302134, β2² = 0.071197:
    // ε1 = a²·β1² + b²·β2² = 0.281895 + 0.004769 = 0.286664; ε2 = b²·β1² + a²·β2² = 0.020239 + 0.066428 = 0.086667.
    // R² = rᵀ Rxx⁻¹ r = (0.36 + 0.16 − 2·0.5·0.6·0.4) / (1 − 0.25) = 0.28 / 0.75 = 0.373333.
    const { weights, rSquared } = relativeWeights(
      [
        [1, 0.5],
        [0.5, 1],
      ],
      [0.6, 0.4],
    );
    expect(weights[0]).toBeCloseTo(0.286667, 5);
    expect(weights[1]).toBeCloseTo(0.086667, 5);
    expect(rSquared).toBeCloseTo(0.28 / 0.75, 10);
  });

  it('match an independent reference for three correlated drivers and sum to R²', () => {
    // Reference computed independently with NumPy 2.4 / SciPy 1.17:
    //   L = scipy.linalg.sqrtm(R); b = numpy.linalg.solve(L, r); w = (L**2) @ (b**2)
    // → [0.23809831, 0.1224101, 0.08126577]; R² = r·solve(R, r) = 0.44177419354838676.
    const rxx = [
      [1, 0.5, 0.3],
      [0.5, 1, 0.4],
      [0.3, 0.4, 1],
    ];
    const { weights, rSquared } = relativeWeights(rxx, [0.6, 0.5, 0.4]);
    expect(weights[0]).toBeCloseTo(0.23809831, 7);
    expect(weights[1]).toBeCloseTo(0.1224101, 7);
    expect(weights[2]).toBeCloseTo(0.08126577, 7);
    expect(rSquared).toBeCloseTo(0.44177419354838676, 10);
    expect(weights.reduce((s, w) => s + w, 0)).toBeCloseTo(rSquared, 10);
  });

  it('decomposes a symmetric matrix (Q Λ Qᵀ reproduces it) and refuses collinear drivers', () => {
    const m = [
      [4, 1, 2],
      [1, 3, 0],
      [2, 0, 5],
    ];
    const { values, vectors } = jacobiEigen(m);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const back = values.reduce((s, v, k) => s + (vectors[i]?.[k] ?? 0) * v * (vectors[j]?.[k] ?? 0), 0);
        expect(back).toBeCloseTo(m[i]?.[j] ?? NaN, 10);
      }
    }
    expect(() =>
      relativeWeights(
        [
          [1, 1],
          [1, 1],
        ],
        [0.5, 0.5],
      ),
    ).toThrow(/collinear/);
  });
});
