import { sql, type Expression, type SqlBool } from 'kysely';
import { hasRole, type Actor } from '../../platform/auth/actor.ts';
import { teamUserIds } from '../../platform/access/access.ts';
import type { Role } from '../../platform/identity/constants-types.ts';

/**
 * Who reads insight (docs/metrics.md "Insight: who sees what"). Key-person risk, the chain and the capability index are
 * organisation-wide numbers: a share of the organisation's revenue, a correlation over every team, an index of the
 * whole firm. Computed over the part of the book an agent sees they would mislead (a share of a partial total is not
 * the share the page means), so agents, marketing and plain employees get 403 rather than partial numbers.
 */

/** Key-person risk: the org-wide roles, and managers for the owners of their units (themselves included). */
export const KEY_PERSON_ROLES: Role[] = ['admin', 'executive', 'hr', 'manager'];
/** Roles that see every owner's row and the organisation's concentration over owners. */
export const KEY_PERSON_ORG_ROLES: Role[] = ['admin', 'executive', 'hr'];
/** The service-profit chain: org-wide roles only (HR owns the employee side of it). */
export const CHAIN_ROLES: Role[] = ['admin', 'executive', 'hr'];
/** The CRM capability index, its settings, assessments and snapshots. */
export const CAPABILITY_ROLES: Role[] = ['admin', 'executive'];

/** Whether the actor sees every owner (else only themselves and their team). */
export const seesAllOwners = (actor: Actor): boolean => hasRole(actor, ...KEY_PERSON_ORG_ROLES);

/** SQL: the user id in `col` is an owner the actor may see in key-person risk. */
export function ownerInScope(actor: Actor, col: string): Expression<SqlBool> {
  if (seesAllOwners(actor)) {
    return sql<SqlBool>`true`;
  }
  const ref = sql.ref(col);
  return sql<SqlBool>`(${ref} = ${actor.userId} or ${ref} in ${teamUserIds(actor)})`;
}
