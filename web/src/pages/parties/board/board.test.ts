import { describe, expect, it } from 'vitest';
import type { PartyRole } from '../../../api/types.ts';
import { boardColumns, boardRoleOf, dropState, roleOf, startsMove } from './board.ts';

describe('board columns', () => {
  it('are the stage set of the role, in lifecycle order', () => {
    expect(boardColumns('customer')).toEqual([
      'prospect',
      'new',
      'developing',
      'loyal',
      'at_risk',
      'churned',
      'won_back',
    ]);
    expect(boardColumns('employee')).toEqual(['candidate', 'onboarding', 'stable', 'departing', 'alumni']);
    expect(boardColumns('candidate')).toEqual(boardColumns('employee'));
    expect(boardColumns('partner')).toEqual(boardColumns('customer'));
  });
  it('default to customers for a missing or unknown role', () => {
    expect(boardRoleOf(null)).toBe('customer');
    expect(boardRoleOf('nonsense')).toBe('customer');
    expect(boardRoleOf('employee')).toBe('employee');
  });
});

describe('dropping a card', () => {
  // docs/domain.md: new → developing | at_risk | churned.
  const role = { stage: 'new', legalNextStages: ['developing', 'at_risk', 'churned'] };
  it('marks legal targets, greys out the rest and ignores the card’s own column', () => {
    expect(dropState(role, 'new')).toBe('source');
    expect(dropState(role, 'developing')).toBe('legal');
    expect(dropState(role, 'churned')).toBe('legal');
    expect(dropState(role, 'loyal')).toBe('illegal');
    expect(dropState(role, 'prospect')).toBe('illegal');
  });
  it('starts a move only when the column changes', () => {
    expect(startsMove(role, 'new')).toBe(false);
    expect(startsMove(role, 'loyal')).toBe(true);
  });
  it('finds the board role among the party’s roles', () => {
    const party = { roles: [{ role: 'employee' }, { role: 'customer' }] as PartyRole[] };
    expect(roleOf(party, 'customer')?.role).toBe('customer');
    expect(roleOf(party, 'partner')).toBeUndefined();
  });
});
