import { describe, expect, it } from 'vitest';
import { criterionKey, scoreValues, toCreateCycle, toScorePatch, weightedScore, weightTotal } from './cycleForm.ts';

const criteria = [
  { key: 'results', text: { zh: '业绩', en: 'Results' }, weight: 60 },
  { key: 'teamwork', text: { zh: '协作', en: 'Teamwork' }, weight: 40 },
];

describe('the cycle wizard', () => {
  it('derives unique lower_snake_case keys from the English text', () => {
    const taken = new Set<string>();
    expect(criterionKey('Customer results', taken)).toBe('customer_results');
    expect(criterionKey('Customer results!', taken)).toBe('customer_results_2');
    expect(criterionKey('2024 goals', taken)).toBe('goals');
    expect(criterionKey('质量', taken)).toBe('criterion');
  });

  it('maps its values to the create body', () => {
    const body = toCreateCycle({
      name: { zh: ' 年中考核 ', en: 'Mid-year review' },
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      criteria: [
        { text: { zh: '业绩', en: 'Results' }, weight: 60 },
        { key: 'results_2', text: { zh: '协作', en: 'Teamwork' }, weight: 40 },
      ],
      bottomBandPercent: 10,
      participants: { orgUnitIds: ['u1'] },
      opensAt: '2026-07-08T00:00:00.000Z',
      noticeDays: null,
    });
    expect(body).toEqual({
      name: { zh: '年中考核', en: 'Mid-year review' },
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      criteria: [
        { key: 'results', text: { zh: '业绩', en: 'Results' }, weight: 60 },
        { key: 'results_2', text: { zh: '协作', en: 'Teamwork' }, weight: 40 },
      ],
      bottomBandPercent: 10,
      opensAt: '2026-07-08T00:00:00.000Z',
      participants: { orgUnitIds: ['u1'], partyIds: [] },
    });
    expect(weightTotal(body.criteria)).toBe(100);
  });
});

describe('the scoring form', () => {
  it('weights the scores given so far', () => {
    expect(weightedScore(criteria, {})).toBeNull();
    expect(weightedScore(criteria, { results: { score: 1 }, teamwork: { score: 2 } })).toBe(1.4);
    expect(weightedScore(criteria, { results: { score: 4 } })).toBe(4);
  });

  it('sends every criterion with its trimmed rationale', () => {
    const patch = toScorePatch(
      criteria,
      { results: { score: 2, rationale: ' Missed two targets ' }, teamwork: { score: 3, rationale: 'Fine' } },
      'bottom',
      4,
    );
    expect(patch).toEqual({
      scores: [
        { key: 'results', score: 2, rationale: 'Missed two targets' },
        { key: 'teamwork', score: 3, rationale: 'Fine' },
      ],
      band: 'bottom',
      version: 4,
    });
    expect(scoreValues({ scores: patch.scores ?? null })).toEqual({
      results: { score: 2, rationale: 'Missed two targets' },
      teamwork: { score: 3, rationale: 'Fine' },
    });
  });
});
