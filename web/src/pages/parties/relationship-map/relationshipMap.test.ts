import { describe, expect, it } from 'vitest';
import type { RelationshipMap } from '../../../api/types.ts';
import { groupRows, levelMatrix, quadrantMatrix } from './relationshipMap.ts';

const map: RelationshipMap = {
  levels: [
    { stakeholderGroup: 'company_clients', level: 'basic', targetLevel: 'proactive', count: 3 },
    { stakeholderGroup: 'company_clients', level: 'basic', targetLevel: 'basic', count: 2 },
    { stakeholderGroup: 'line_managers', level: 'reactive', targetLevel: 'partnership', count: 4 },
    { stakeholderGroup: null, level: null, targetLevel: null, count: 1 },
  ],
  quadrants: [
    { stakeholderGroup: 'company_clients', quadrant: 'proactive', count: 3 },
    { stakeholderGroup: 'company_clients', quadrant: null, count: 2 },
    { stakeholderGroup: 'line_managers', quadrant: 'reactive', count: 4 },
  ],
};

describe('relationship map', () => {
  it('orders rows as the groups are configured, unknown keys next and "no group" last', () => {
    expect(groupRows(map, ['marketing_staff', 'line_managers', 'company_clients'])).toEqual([
      'line_managers',
      'company_clients',
      null,
    ]);
    expect(groupRows(map, [])).toEqual(['company_clients', 'line_managers', null]);
  });
  it('counts roles per group by current and by target level', () => {
    const rows = ['line_managers', 'company_clients', null];
    const { current, target } = levelMatrix(map, rows);
    expect(current.basic).toEqual([0, 5, 0]);
    expect(current.reactive).toEqual([4, 0, 0]);
    expect(target.proactive).toEqual([0, 3, 0]);
    expect(target.basic).toEqual([0, 2, 0]);
    expect(target.partnership).toEqual([4, 0, 0]);
  });
  it('counts quadrants per group and in total, leaving unscored roles out', () => {
    const { byGroup, totals } = quadrantMatrix(map, ['line_managers', 'company_clients']);
    expect(byGroup.proactive).toEqual([0, 3]);
    expect(byGroup.reactive).toEqual([4, 0]);
    expect(totals).toEqual({ basic: 0, proactive: 3, reactive: 4, partnership: 0 });
  });
});
