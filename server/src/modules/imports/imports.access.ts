import { hasRole, type Actor } from '../../platform/auth/actor.ts';
import { forbidden } from '../../platform/errors.ts';
import type { Role } from '../../platform/identity/constants-types.ts';
import type { ImportEntity } from './imports.tables.ts';

/**
 * Who may import what: parties, interactions, products and transactions — admin, manager, marketing;
 * employees — admin, hr. Everyone else gets 403.
 */
export const importRoles: Record<ImportEntity, Role[]> = {
  parties: ['admin', 'manager', 'marketing'],
  interactions: ['admin', 'manager', 'marketing'],
  employees: ['admin', 'hr'],
  products: ['admin', 'manager', 'marketing'],
  transactions: ['admin', 'manager', 'marketing'],
};

export function requireImporter(actor: Actor, entity: ImportEntity) {
  if (!hasRole(actor, ...importRoles[entity])) {
    throw forbidden(`Importing ${entity} needs one of the roles: ${importRoles[entity].join(', ')}`);
  }
}
