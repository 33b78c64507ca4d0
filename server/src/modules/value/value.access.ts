import { sql, type Expression, type SqlBool } from 'kysely';
import type { Visibility } from '../../platform/access/access.ts';
import { hasRole, requireRole, type Actor } from '../../platform/auth/actor.ts';
import type { Role } from '../../platform/identity/constants-types.ts';
import { livePartyVisible } from '../parties/index.ts';

// TEMP scaffolding: replaced at merge by the value module's own access rules (same exported names).

/** Who may call the value endpoints: staff who work with customers, not plain employees or HR alone (docs/metrics.md). */
export const VALUE_ROLES: Role[] = ['admin', 'executive', 'manager', 'marketing', 'agent'];

/** 403 for a caller without a value role. */
export const requireValueRole = (actor: Actor): void => requireRole(actor, ...VALUE_ROLES);

/**
 * The customers whose numbers the actor sees, over the party aliased `p`: the parties they see in full (an agent
 * their own customers, a manager their team's; admin and executive all); marketing analyses the whole customer
 * base (live parties that are not employees or candidates), as the metrics doc says.
 */
export function visibleCustomer(actor: Actor, visibility: Visibility): Expression<SqlBool> {
  if (hasRole(actor, 'marketing') && !hasRole(actor, 'admin', 'executive')) {
    return sql<SqlBool>`(p.deleted_at is null and p.merged_into_id is null and not exists (
      select 1 from party_membership vm where vm.org_id = p.org_id and vm.party_id = p.id
        and vm.role in ('employee', 'candidate')))`;
  }
  return livePartyVisible(actor, visibility, 'read');
}
