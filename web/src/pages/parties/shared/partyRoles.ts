import type { Party, PartyRole, PartyRoleName } from '../../../api/types.ts';

const defaultGroups: Partial<Record<PartyRoleName, string>> = {
  customer: 'company_clients',
  distributor: 'company_clients',
  employee: 'employees',
  candidate: 'potential_employees',
  government: 'government_community',
  community: 'government_community',
};

/** The default stakeholder group (docs/domain.md) a new role of this kind usually belongs to. */
export function defaultGroupOf(role: PartyRoleName | null | undefined): string | undefined {
  return role ? defaultGroups[role] : undefined;
}

/** The role to show in a one-role cell: the filtered one if the party holds it, else its first. */
export function primaryRole(party: Pick<Party, 'roles'>, preferred?: string | null): PartyRole | undefined {
  return party.roles.find((r) => r.role === preferred) ?? party.roles[0];
}
