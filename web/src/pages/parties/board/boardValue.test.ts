import { describe, expect, it } from 'vitest';
import { cardIds, valueLookups } from './boardValue.ts';

describe('board value', () => {
  it('asks for the cards on screen in a stable order, at most 500', () => {
    expect(cardIds({ loyal: ['c'], new: ['a', 'b'] })).toEqual(['c', 'a', 'b']);
    expect(cardIds({ new: Array.from({ length: 600 }, (_, i) => String(i)) })).toHaveLength(500);
  });

  it('reads totals and card values as numbers, keeping a missing CLV as null', () => {
    const v = valueLookups({
      currency: 'USD',
      since: '2025-01-01T00:00:00.000Z',
      clvAsOf: null,
      columns: [{ stage: 'new', count: 2, revenue: '170.50', clv: null, clvCustomers: 0 }],
      cards: [{ partyId: 'p1', stage: 'new', revenue: '120.50', clv: '33.10' }],
      note: null,
    });
    expect(v.columns.get('new')).toEqual({ count: 2, revenue: 170.5, clv: null });
    expect(v.cards.get('p1')).toEqual({ revenue: 120.5, clv: 33.1 });
    expect(v.currency).toBe('USD');
    expect(valueLookups(undefined).currency).toBe('CNY');
  });
});
