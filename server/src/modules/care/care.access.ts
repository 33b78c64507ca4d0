import { sql, type Expression, type SqlBool } from 'kysely';
import { hasRole, type Actor } from '../../platform/auth/actor.ts';

/**
 * Care rules a user sees (constants.ts role lists): organisation-wide rules and their own `mine` rules; admins see
 * every rule. Over the rule aliased `r`. Who may change one: its creator, and for `org` rules admins, managers and
 * marketing (`mayChangeRule`).
 */
export function ruleVisible(actor: Actor): Expression<SqlBool> {
  if (hasRole(actor, 'admin')) {
    return sql<SqlBool>`true`;
  }
  return sql<SqlBool>`(r.scope = 'org' or r.created_by = ${actor.userId})`;
}

export function mayChangeRule(actor: Actor, rule: { scope: string; created_by: string }): boolean {
  if (rule.created_by === actor.userId || hasRole(actor, 'admin')) {
    return true;
  }
  return rule.scope === 'org' && hasRole(actor, 'manager', 'marketing');
}
