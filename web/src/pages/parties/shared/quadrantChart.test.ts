import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { arrowsOf, nudge, quadrantArea, quadrantCentre, quadrantChartOption, SPLIT } from './quadrantChart.ts';

const t = ((key: string) => key) as unknown as TFunction;
const item = (id: string, i: number | null, p: number | null, target: string | null = null) => ({
  id,
  name: id,
  initiativeScore: i,
  participationScore: p,
  targetQuadrant: target as never,
});

describe('quadrant chart', () => {
  it('places each quadrant on its side of the split (x = our initiative, y = their participation)', () => {
    expect(SPLIT).toBe(2.5);
    expect(quadrantCentre('basic')).toEqual([1.5, 1.5]);
    expect(quadrantCentre('proactive')).toEqual([4, 1.5]);
    expect(quadrantCentre('reactive')).toEqual([1.5, 4]);
    expect(quadrantCentre('partnership')).toEqual([4, 4]);
    expect(quadrantArea('reactive')).toEqual([
      [0.5, 2.5],
      [2.5, 5.5],
    ]);
  });
  it('draws an arrow from the scores to the target quadrant, none when already there or unscored', () => {
    const [managers, clients, env, unscored] = arrowsOf([
      item('line_managers', 2, 4, 'partnership'),
      item('clients', 4, 4, 'partnership'),
      item('environment', 1, 1),
      item('new', null, null, 'proactive'),
    ]);
    expect(managers).toMatchObject({ current: 'reactive', target: 'partnership', from: [2, 4], to: [4, 4] });
    expect(clients).toMatchObject({ current: 'partnership', from: [4, 4], to: null });
    expect(env).toMatchObject({ current: 'basic', target: null, from: [1, 1], to: null });
    expect(unscored).toMatchObject({ current: null, from: null, to: [4, 1.5] });
  });
  it('spreads items with the same scores and target so both stay visible', () => {
    expect(nudge(0, 1)).toEqual([0, 0]);
    const [a, b] = arrowsOf([item('a', 3, 1, 'partnership'), item('b', 3, 1, 'partnership')]);
    expect(a?.from).not.toEqual(b?.from);
    expect(a?.from?.[0]).toBeCloseTo(3.22);
    expect(b?.from?.[0]).toBeCloseTo(2.78);
    // The arrow keeps its offset, so the two arrows run side by side.
    expect((a?.to?.[0] ?? 0) - (a?.from?.[0] ?? 0)).toBeCloseTo(1);
  });
  it('builds the option: points, targets, four labelled areas and one arrow per move', () => {
    const option = quadrantChartOption(
      [item('line_managers', 2, 4, 'partnership'), item('clients', 4, 4, 'partnership')],
      t,
    );
    const series = option.series as {
      data: unknown[];
      markArea?: { data: unknown[] };
      markLine?: { data: unknown[] };
    }[];
    expect(series[0]?.data).toHaveLength(2);
    expect(series[0]?.markArea?.data).toHaveLength(4);
    expect(series[1]?.data).toHaveLength(1);
    expect(series[1]?.markLine?.data).toEqual([[{ coord: [2, 4] }, { coord: [4, 4] }]]);
  });
  it('labels each area by its HR-department meaning, or by its name only in a compact chart', () => {
    type Area = [{ name: string }, unknown];
    const names = (meanings: boolean) =>
      (
        (quadrantChartOption([], t, { meanings }).series as { markArea?: { data: Area[] } }[])[0]?.markArea?.data ?? []
      ).map((a) => a[0].name);
    expect(names(true)).toContain('parties.quadrants.reactive\nparties.quadrantMeaning.reactive');
    expect(names(false)).toEqual([
      'parties.quadrants.basic',
      'parties.quadrants.proactive',
      'parties.quadrants.reactive',
      'parties.quadrants.partnership',
    ]);
  });
});
