import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { hasRole } from '../auth/actor.ts';

/**
 * Record-level visibility (docs/domain.md "Access") turned into SQL conditions, so every module filters
 * in the query and a record you may not see is simply not found.
 */

/** Ids of the org units the actor manages, and every unit below them. */
export function managedUnitIds(actor: Actor): RawBuilder<{ id: string }> {
  return sql<{ id: string }>`(
    with recursive managed(id) as (
      select u.id from org_unit u where u.org_id = ${actor.orgId} and u.manager_user_id = ${actor.userId}
      union
      select c.id from org_unit c join managed m on c.parent_id = m.id where c.org_id = ${actor.orgId}
    )
    select id from managed
  )`;
}

/** Ids of the users in the actor's team: everyone in the units they manage, recursively (not themselves). */
export function teamUserIds(actor: Actor): RawBuilder<{ id: string }> {
  return sql<{ id: string }>`(
    select tu.id from app_user tu
    where tu.org_id = ${actor.orgId} and tu.id <> ${actor.userId} and tu.org_unit_id in ${managedUnitIds(actor)}
  )`;
}

/** Condition: the user id in `col` belongs to the actor's team. */
export function inTeam(actor: Actor, col: string): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(col)} in ${teamUserIds(actor)}`;
}

/** Roles that see every customer-like record in the org. */
export const seesAllOwned = (actor: Actor) => hasRole(actor, 'admin', 'executive');

export type Visibility = 'private' | 'public_read' | 'public_read_write';

/** Whether the actor sees every customer-like record under the org's setting (ownedRecordVisible is then `true`). */
export function seesEveryOwnedRecord(actor: Actor, visibility: Visibility, mode: 'read' | 'write'): boolean {
  return seesAllOwned(actor) || visibility === 'public_read_write' || (visibility === 'public_read' && mode === 'read');
}

/**
 * Condition for a customer-like record owned by a user, under the org's visibility setting:
 * private records are visible to the owner, the backup owner, their managers, admins and executives.
 * `ownerCol`/`backupCol` are column references from the calling repository.
 */
export function ownedRecordVisible(
  actor: Actor,
  ownerCol: string,
  backupCol: string | null,
  visibility: Visibility,
  mode: 'read' | 'write',
): Expression<SqlBool> {
  if (seesEveryOwnedRecord(actor, visibility, mode)) {
    return sql<SqlBool>`true`;
  }
  const owner = sql.ref(ownerCol);
  const team = teamUserIds(actor);
  if (!backupCol) {
    return sql<SqlBool>`(${owner} = ${actor.userId} or ${owner} in ${team})`;
  }
  const backup = sql.ref(backupCol);
  return sql<SqlBool>`(${owner} = ${actor.userId} or ${backup} = ${actor.userId} or ${owner} in ${team} or ${backup} in ${team})`;
}
