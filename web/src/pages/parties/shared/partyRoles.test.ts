import { describe, expect, it } from 'vitest';
import type { PartyRole } from '../../../api/types.ts';
import { defaultGroupOf, primaryRole } from './partyRoles.ts';

const role = (name: PartyRole['role']) => ({ role: name }) as PartyRole;

describe('defaultGroupOf', () => {
  it('puts roles in the stakeholder groups of docs/domain.md', () => {
    expect(defaultGroupOf('customer')).toBe('company_clients');
    expect(defaultGroupOf('employee')).toBe('employees');
    expect(defaultGroupOf('candidate')).toBe('potential_employees');
    expect(defaultGroupOf('government')).toBe('government_community');
    expect(defaultGroupOf('media')).toBeUndefined();
    expect(defaultGroupOf(null)).toBeUndefined();
  });
});

describe('primaryRole', () => {
  it('prefers the filtered role, else the first', () => {
    const party = { roles: [role('employee'), role('customer')] };
    expect(primaryRole(party, 'customer')?.role).toBe('customer');
    expect(primaryRole(party, 'partner')?.role).toBe('employee');
    expect(primaryRole(party)?.role).toBe('employee');
    expect(primaryRole({ roles: [] })).toBeUndefined();
  });
});
