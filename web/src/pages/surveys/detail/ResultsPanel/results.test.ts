import { describe, expect, it } from 'vitest';
import type { SurveyQuestion, SurveyResultGroup } from '../../../../api/types.ts';
import { distributionSeries, driverPoints, gapRows, groupRows, headlineOf } from './results.ts';

const text = { zh: '问', en: 'Q' };

describe('results', () => {
  it('shows suppressed groups without any number', () => {
    const groups: SurveyResultGroup[] = [
      {
        key: 'a',
        name: 'Sales',
        suppressed: false,
        n: 6,
        invited: 10,
        responseRate: 60,
        questions: [
          {
            questionId: 'nps',
            type: 'nps',
            n: 6,
            nps: { score: 33.3, promoters: 50, passives: 33.3, detractors: 16.7 },
          },
        ],
      },
      { key: 'b', name: 'Legal', suppressed: true },
    ];
    const rows = groupRows(groups, (g) => g.name ?? g.key);
    expect(rows[0]).toMatchObject({
      suppressed: false,
      n: 6,
      responseRate: 60,
      headline: { kind: 'nps', value: 33.3 },
    });
    expect(rows[1]).toEqual({ key: 'b', name: 'Legal', suppressed: true });
  });
  it('picks NPS, then CSAT, then CES, then a mean as the headline, skipping suppressed questions', () => {
    expect(
      headlineOf([
        { questionId: 'x', type: 'scale', n: 5, mean: 3.2 },
        { questionId: 'c', type: 'scale', n: 5, csat: 80 },
      ]),
    ).toEqual({ kind: 'csat', questionId: 'c', value: 80 });
    expect(headlineOf([{ questionId: 'x', type: 'scale', n: 0, suppressed: true }])).toBeNull();
    expect(headlineOf([{ questionId: 'x', type: 'scale', n: 5, mean: 3.2 }])).toEqual({
      kind: 'mean',
      questionId: 'x',
      value: 3.2,
    });
  });
  it('fills unanswered scale points with zero and sorts gaps worst first', () => {
    expect(distributionSeries({ '0': 1, '10': 2 }, [0, 1, 9, 10])).toEqual([1, 0, 0, 2]);
    expect(
      gapRows([
        { dimension: 'price', expected: 5, perceived: 5.5, gap: 0.5 },
        { dimension: 'quality', expected: 6, perceived: 4, gap: -2 },
      ]).map((g) => g.dimension),
    ).toEqual(['quality', 'price']);
  });
  it('places drivers by weight share and performance on 0–100', () => {
    const questions: SurveyQuestion[] = [
      { id: 'pay', type: 'scale', required: true, min: 1, max: 5, text },
      { id: 'growth', type: 'scale', required: true, min: 1, max: 5, text },
    ];
    const points = driverPoints(
      {
        outcome: 'overall',
        n: 30,
        suppressed: false,
        rSquared: 0.5,
        items: [
          { questionId: 'pay', driver: 'hygiene', r: 0.5, relativeWeight: 0.1, mean: 2, quadrant: 'low_priority' },
          { questionId: 'growth', driver: 'motivator', r: 0.7, relativeWeight: 0.4, mean: 4, quadrant: 'strength' },
        ],
      },
      questions,
    );
    expect(points).toEqual([
      { questionId: 'pay', importance: 20, performance: 25, quadrant: 'low_priority' },
      { questionId: 'growth', importance: 80, performance: 75, quadrant: 'strength' },
    ]);
    expect(driverPoints({ outcome: 'o', n: 2, suppressed: true, rSquared: null, items: [] }, questions)).toEqual([]);
  });
});
