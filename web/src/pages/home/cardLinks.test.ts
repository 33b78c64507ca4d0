import { describe, expect, it } from 'vitest';
import { cardFigures, cardLink } from './cardLinks.ts';

describe('home cards', () => {
  it('links each card to its page', () => {
    expect(cardLink('chain')).toBe('/insight/chain');
    expect(cardLink('key_person')).toBe('/insight/key-person');
    expect(cardLink('open_surveys')).toBe('/me/surveys');
    expect(cardLink('unknown')).toBeNull();
  });

  it('reads the chain and key-person figures from the card data', () => {
    expect(cardFigures('chain', { pearson: { r: 0.31, n: 6 }, n: 6 })).toEqual([
      { label: 'r', value: 0.31, kind: 'r' },
      { label: 'units', value: 6, kind: 'count' },
    ]);
    expect(
      cardFigures('key_person', {
        concentration: { top20Share: 0.8, gini: 0.5, n: 5 },
        top: [{ name: 'Li', exposure: 0.4 }],
      }).map((f) => f.value),
    ).toEqual([0.4, 'Li', 0.8]);
    // No owners, no concentration: nothing made up.
    expect(cardFigures('key_person', { concentration: null, top: [] }).map((f) => f.value)).toEqual([null, null, null]);
  });

  it('averages team engagement over the shown groups, null without any', () => {
    expect(cardFigures('team_engagement', { groups: [{ score: 70 }, { score: 80 }] })[1]?.value).toBe(75);
    expect(cardFigures('team_engagement', { groups: [] })[1]?.value).toBeNull();
  });

  it('reads value’s percentages as shares', () => {
    expect(cardFigures('value', { revenue: 5000, activeCustomers: 3, retentionRate: 62.5 })[2]?.value).toBe(0.625);
  });

  it('shows turnover as a share of headcount', () => {
    expect(cardFigures('turnover', { rate: 12.5, leavers: 3, headcount: 24, note: null })).toEqual([
      { label: 'rate', value: 0.125, kind: 'share' },
      { label: 'leavers', value: 3, kind: 'count' },
      { label: 'headcount', value: 24, kind: 'count' },
    ]);
  });

  it('shows the numeric fields of a card it does not know', () => {
    expect(cardFigures('my_open_cases', { count: 3, label: 'x' })).toEqual([
      { label: 'count', value: 3, kind: 'count' },
    ]);
  });
});
