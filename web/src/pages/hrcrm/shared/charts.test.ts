import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { evaluationOption, stepFacts, summariseByR, trendOption, trendPeriods } from './charts.ts';
import type { EvaluationDimension } from './types.ts';

const t = ((key: string) => key) as unknown as TFunction;
const dims: EvaluationDimension[] = [
  {
    key: 'fairness',
    label: 'Fairness',
    expected: 4.5,
    perceived: 3,
    gap: -1.5,
    trend: [
      { period: '2026-Q2', expected: 4.4, perceived: 3.4, gap: -1 },
      { period: '2026-Q1', expected: 4.5, perceived: 3, gap: -1.5 },
    ],
  },
  {
    key: 'support',
    label: 'Support',
    expected: 4,
    perceived: 4.2,
    gap: 0.2,
    trend: [{ period: '2026-Q2', expected: 4, perceived: 4.2, gap: 0.2 }],
  },
];

describe('evaluation charts', () => {
  it('puts expected, perceived and the gap per dimension side by side', () => {
    const option = evaluationOption(dims, t, 'en');
    const series = option.series as { name: string; data: unknown[] }[];
    expect(series.map((s) => s.name)).toEqual(['hrcrm.expected', 'hrcrm.perceived', 'hrcrm.gap']);
    expect(series.map((s) => s.data)).toEqual([
      [4.5, 4],
      [3, 4.2],
      [-1.5, 0.2],
    ]);
  });
  it('aligns trends on the union of periods, leaving holes', () => {
    expect(trendPeriods(dims)).toEqual(['2026-Q1', '2026-Q2']);
    const series = trendOption(dims, 'en').series as { name: string; data: unknown[] }[];
    expect(series).toMatchObject([
      { name: 'Fairness', data: [-1.5, -1] },
      { name: 'Support', data: [null, 0.2] },
    ]);
  });
});

describe('activities by R', () => {
  it('counts planned and done and sums budgets without float drift, cancelled left out', () => {
    const summary = summariseByR([
      { r: 'relevance', status: 'planned', budget: '0.10' },
      { r: 'relevance', status: 'done', budget: '0.20' },
      { r: 'relevance', status: 'cancelled', budget: '100' },
      { r: 'return', status: 'done', budget: null },
    ]);
    expect(summary).toEqual([
      { r: 'relevance', planned: 1, done: 1, budget: 0.3 },
      { r: 'response', planned: 0, done: 0, budget: 0 },
      { r: 'relationship', planned: 0, done: 0, budget: 0 },
      { r: 'return', planned: 0, done: 1, budget: 0 },
    ]);
  });
});

describe('step facts', () => {
  it('orders known facts first, marks completeness as a percentage and drops nulls', () => {
    expect(stepFacts({ facts: { partyCount: 12, profileCompleteness: 0.5, extra: 1, missing: null } })).toEqual([
      { key: 'profileCompleteness', value: 0.5, percent: true },
      { key: 'partyCount', value: 12 },
      { key: 'extra', value: 1 },
    ]);
  });
});
