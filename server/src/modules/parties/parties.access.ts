import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import {
  inTeam,
  managedUnitIds,
  ownedRecordVisible,
  seesAllOwned,
  seesEveryOwnedRecord,
  teamUserIds,
  type Visibility,
} from '../../platform/access/access.ts';
import { hasRole, type Actor } from '../../platform/auth/actor.ts';

/**
 * Who sees which party (docs/domain.md "Access"), as SQL over the party aliased `p`:
 * - customer-like records: owner, backup owner, their managers, admin, executive (or everyone
 *   under the org's public_read / public_read_write setting);
 * - employees: HR and admin see all, managers their reports (direct and indirect, through the
 *   manager chain or the org units they manage), everyone their own record; anyone else in the org
 *   sees directory fields only;
 * - candidates are HR's records too.
 * Everything else is not found.
 */

// An uncorrelated, org-bound set: the planner hashes it once from the (org_id, role) index instead
// of probing (or, worse, hashing the whole role table) for every party row.
const hasCurrentRole = (actor: Actor, roles: string[]) =>
  sql<SqlBool>`p.id in (select hr_r.party_id from party_role hr_r where hr_r.org_id = ${actor.orgId} and hr_r.ended_at is null and hr_r.role in (${sql.join(roles)}))`;

/** Parties of the employees who report to the actor, directly or through their managers, or work in a unit they manage. */
export function reportPartyIds(actor: Actor): RawBuilder<{ party_id: string }> {
  return sql<{ party_id: string }>`(
    with recursive reports(party_id) as (
      select r.party_id from party_role r
      where r.org_id = ${actor.orgId} and r.role = 'employee' and r.ended_at is null
        and (r.manager_id = ${actor.userId} or r.org_unit_id in ${managedUnitIds(actor)})
      union
      select r.party_id from party_role r
      join app_user u on u.org_id = r.org_id and u.id = r.manager_id
      join reports x on x.party_id = u.party_id
      where r.org_id = ${actor.orgId} and r.role = 'employee' and r.ended_at is null
    )
    select party_id from reports
  )`;
}

const self = (actor: Actor) => (actor.partyId ? sql<SqlBool>`p.id = ${actor.partyId}` : sql<SqlBool>`false`);

/** The employee's circle: HR, admin, their managers and themselves. Sees employment's sensitive fields. */
export function inEmployeeCircle(actor: Actor): Expression<SqlBool> {
  if (hasRole(actor, 'admin', 'hr')) {
    return sql<SqlBool>`true`;
  }
  return sql<SqlBool>`(${self(actor)} or p.id in ${reportPartyIds(actor)})`;
}

const employeeLikeRoles = ['employee', 'candidate'];

/**
 * The customer-like parties a restricted reader sees through ownership — owned or backed up by them or by their
 * team — that are not currently employees or candidates: one arm per index (party_owner, party_backup_owner), so
 * that the planner starts from the reader's few records instead of testing every party.
 */
function ownedPartyIds(actor: Actor): RawBuilder<{ id: string }> {
  const notEmployeeLike = sql`not exists (select 1 from party_role er where er.org_id = o.org_id and er.party_id = o.id
    and er.ended_at is null and er.role in (${sql.join(employeeLikeRoles)}))`;
  const arm = (condition: RawBuilder<unknown>) =>
    sql`select o.id from party o where o.org_id = ${actor.orgId} and ${condition} and ${notEmployeeLike}`;
  // `= any(array(…))`: the team is fetched first and probed through the index; as `in (…)` the planner guesses
  // the team from the size of the units table and may plan to scan every party for it.
  const team = sql`any(array${teamUserIds(actor)})`;
  return sql<{ id: string }>`${sql.join(
    [
      arm(sql`o.owner_id = ${actor.userId}`),
      arm(sql`o.backup_owner_id = ${actor.userId}`),
      arm(sql`o.owner_id = ${team}`),
      arm(sql`o.backup_owner_id = ${team}`),
    ],
    sql` union all `,
  )}`;
}

/**
 * The ids a restricted reader (who does not see every customer-like record) sees in full — and, with
 * `directory`, in directory form too — as one `union all` of index-driven parts: the same parties as canSeeFull /
 * canRead, whose `or` of sub-queries the planner can only test row by row.
 */
function restrictedVisibleIds(
  actor: Actor,
  mode: 'read' | 'write',
  directory: boolean,
  holding: readonly string[] | undefined,
): RawBuilder<{ id: string }> {
  // Employees and candidates (HR's files, everyone's directory) narrowed, for a list filtered by role, to those that
  // also hold one of its roles: an agent's customer list need not count the whole staff.
  const also = holding
    ? sql`and exists (select 1 from party_role hr_h where hr_h.org_id = hr_r.org_id and hr_h.party_id = hr_r.party_id
        and hr_h.ended_at is null and hr_h.role in (${sql.join([...holding])}))`
    : sql``;
  const roleIds = (roles: string[]) =>
    sql`select hr_r.party_id from party_role hr_r where hr_r.org_id = ${actor.orgId} and hr_r.ended_at is null
      and hr_r.role in (${sql.join(roles)}) ${also}`;
  const parts: RawBuilder<unknown>[] = [ownedPartyIds(actor)];
  if (mode === 'read' && actor.partyId) {
    parts.push(sql`select ${actor.partyId}::uuid`);
  }
  parts.push(sql`select party_id from ${reportPartyIds(actor)} reports`);
  if (hasRole(actor, 'hr')) {
    parts.push(roleIds(employeeLikeRoles));
  } else if (directory) {
    parts.push(roleIds(['employee']));
  }
  return sql<{ id: string }>`(${sql.join(parts, sql` union all `)})`;
}

/**
 * The full record (everything except employment's sensitive fields, which follow inEmployeeCircle).
 * Customer-like records follow ownership (and the org's visibility setting); a party that is currently an
 * employee or a candidate follows the employee circle only (HR, admin, its management chain, itself), whatever
 * its other roles, so that seeing "all owned records" (executives, public visibility) never opens an employee's file.
 */
export function canSeeFull(actor: Actor, visibility: Visibility, mode: 'read' | 'write'): Expression<SqlBool> {
  if (hasRole(actor, 'admin')) {
    return sql<SqlBool>`true`;
  }
  const employeeLike = hasCurrentRole(actor, employeeLikeRoles);
  const owned = ownedRecordVisible(actor, 'p.owner_id', 'p.backup_owner_id', visibility, mode);
  const parts: Expression<SqlBool>[] = [sql<SqlBool>`(not ${employeeLike} and ${owned})`];
  if (mode === 'read') {
    // Employees do not edit their own record here (HR does); managers may edit their reports'.
    parts.push(self(actor));
  }
  if (hasRole(actor, 'hr')) {
    parts.push(employeeLike);
  }
  parts.push(sql<SqlBool>`p.id in ${reportPartyIds(actor)}`);
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/** Employees are in everyone's directory. */
export const inDirectory = (actor: Actor): Expression<SqlBool> => hasCurrentRole(actor, ['employee']);

/** Condition for reading a party at all (full or directory). */
export function canRead(actor: Actor, visibility: Visibility): Expression<SqlBool> {
  return sql<SqlBool>`(${canSeeFull(actor, visibility, 'read')} or ${inDirectory(actor)})`;
}

/**
 * The ids of the parties a restricted reader sees in full (with `directory`, in directory form too), as one set of
 * index-driven parts; null for readers who see every customer-like record. With `holding`, only parties that
 * currently hold one of those roles need be complete (a list filtered by role). The same parties as canSeeFull / canRead
 * (not checked for being live). A list asks first how many there are (`select … limit`: the parts are read through
 * their indexes and stop early); when they are few, it reads them by key instead of walking its sort index and
 * testing each row — which, for an agent's few thousand of a million, means testing every party.
 */
export function visiblePartySet(
  actor: Actor,
  visibility: Visibility,
  mode: 'read' | 'write',
  directory: boolean,
  holding?: readonly string[],
): RawBuilder<{ id: string }> | null {
  if (hasRole(actor, 'admin') || seesEveryOwnedRecord(actor, visibility, mode)) {
    return null;
  }
  return restrictedVisibleIds(actor, mode, directory, holding);
}

/**
 * For records that follow their party's visibility (cases, transactions): the party, aliased `p`, is live
 * (not deleted, not merged away) and the actor may see it in full.
 */
export function livePartyVisible(actor: Actor, visibility: Visibility, mode: 'read' | 'write'): Expression<SqlBool> {
  return sql<SqlBool>`(p.deleted_at is null and p.merged_into_id is null and ${canSeeFull(actor, visibility, mode)})`;
}

/** Tasks: yours (assigned or created), your team's, admins' and executives' all, and those of parties you may see. */
export function taskVisible(actor: Actor, visibility: Visibility, mode: 'read' | 'write'): Expression<SqlBool> {
  if (seesAllOwned(actor)) {
    return sql<SqlBool>`true`;
  }
  return sql<SqlBool>`(t.assignee_id = ${actor.userId} or t.created_by = ${actor.userId} or ${inTeam(actor, 't.assignee_id')}
    or (t.party_id is not null and exists (select 1 from party p where p.org_id = t.org_id and p.id = t.party_id and ${livePartyVisible(actor, visibility, mode)})))`;
}
