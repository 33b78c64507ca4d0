import { describe, expect, it } from 'vitest';
import { overallBasis, teamScore, teamTotal } from './scoring.ts';

describe('team score (docs/metrics.md "Scenario practice")', () => {
  it('is the mean of the peer average and the trainer average', () => {
    // Peers 6 and 8 average 7; the trainer gives 9; (7 + 9) / 2 = 8.
    expect(teamScore(7, 9)).toEqual({ score: 8, basis: 'both' });
    // Peers 5, 6 and 8 average 19/3 = 6.333…; trainer 7; (6.333 + 7) / 2 = 6.6667 → 6.67.
    expect(teamScore(19 / 3, 7)).toEqual({ score: 6.67, basis: 'both' });
  });
  it('uses the one side present and says so', () => {
    expect(teamScore(7, null)).toEqual({ score: 7, basis: 'peer_only' });
    expect(teamScore(null, 4)).toEqual({ score: 4, basis: 'trainer_only' });
    expect(teamScore(null, null)).toEqual({ score: null, basis: 'none' });
  });
  it('totals the criteria present', () => {
    expect(teamTotal([8, 7, 6, 9])).toBe(7.5);
    expect(teamTotal([8, null])).toBe(8);
    expect(teamTotal([null, null])).toBeNull();
  });
  it('reports the weakest basis', () => {
    expect(overallBasis(['both', 'both'])).toBe('both');
    expect(overallBasis(['both', 'trainer_only'])).toBe('trainer_only');
    expect(overallBasis(['none', 'none'])).toBe('none');
    expect(overallBasis([])).toBe('none');
  });
});
