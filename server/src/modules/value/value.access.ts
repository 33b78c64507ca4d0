import { sql, type Expression, type SqlBool } from 'kysely';
import type { Visibility } from '../../platform/access/access.ts';
import { hasRole, requireRole, type Actor } from '../../platform/auth/actor.ts';
import type { Role } from '../../platform/identity/constants-types.ts';
import { livePartyVisible } from '../parties/index.ts';

/**
 * Who may call the value endpoints, and whose numbers they get (docs/metrics.md "Customers and value", access):
 * staff who work with customers — admin, executive, manager, marketing, agent. HR-only users and plain employees
 * get 403: customer value is not their business.
 */
export const VALUE_ROLES: Role[] = ['admin', 'executive', 'manager', 'marketing', 'agent'];

/** Roles whose value numbers cover the whole organisation (marketing plans for every customer). */
export const VALUE_ORG_ROLES: Role[] = ['admin', 'executive', 'marketing'];

/** 403 unless the actor holds one of VALUE_ROLES (routes also say so with `config.roles`). */
export function requireValueRole(actor: Actor): void {
  requireRole(actor, ...VALUE_ROLES);
}

/** Every live party, aliased `p`: population-level figures (the CLV model) are fitted over these. */
export const liveCustomer: Expression<SqlBool> = sql<SqlBool>`(p.deleted_at is null and p.merged_into_id is null)`;

/**
 * The customers, as the party aliased `p`, whose transactions count in the actor's value numbers: the live parties
 * (not deleted, not merged away — merged customers count once, as the survivor that holds their transactions) the
 * actor sees in full (owner, backup owner, their managers, the org's public visibility settings; admin and executive
 * all customers). Marketing plans for the whole customer base: every live party that is not an employee or candidate
 * (people on the employee side follow the employee circle, never marketing). `visibility` is parties'
 * `customerVisibility(db, orgId)`.
 */
export function visibleCustomer(actor: Actor, visibility: Visibility): Expression<SqlBool> {
  if (hasRole(actor, 'marketing') && !hasRole(actor, 'admin', 'executive')) {
    return sql<SqlBool>`(${liveCustomer} and not exists (
      select 1 from party_membership vm where vm.org_id = p.org_id and vm.party_id = p.id
        and vm.role in ('employee', 'candidate')))`;
  }
  return livePartyVisible(actor, visibility, 'read');
}

/**
 * The customers, as the party aliased `p`, a per-customer list may name: those the actor sees in full (the party's own
 * visibility). Marketing's org-wide numbers are aggregates; a list of customers, their ids or their scores never
 * shows marketing a customer the parties module hides from them (a record you may not see does not exist). Null when
 * it is the same set as `visibleCustomer` (everyone but marketing), so lists add no condition.
 */
export function listedCustomer(actor: Actor, visibility: Visibility): Expression<SqlBool> | null {
  if (hasRole(actor, 'marketing') && !hasRole(actor, 'admin', 'executive')) {
    return livePartyVisible(actor, visibility, 'read');
  }
  return null;
}
