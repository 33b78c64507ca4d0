import { sql, type Expression, type SqlBool } from 'kysely';
import { teamUserIds, type Visibility } from '../../platform/access/access.ts';
import { hasRole, type Actor } from '../../platform/auth/actor.ts';
import type { Role } from '../../platform/identity/constants-types.ts';
import { canSeeFull, livePartyVisible } from '../parties/index.ts';
import type { CaseRow } from './cases.tables.ts';
import { caseConfigurerRoles, caseStaffRoles, GRIEVANCE_ROLES } from './constants.ts';

// Who may see and change what in the cases module: role rules, and the SQL conditions repositories apply.

/** Staff work cases; plain employees only file grievances and follow up on their own. */
export const STAFF_ROLES: Role[] = [...caseStaffRoles];
/** Who configures SLA policies and early-warning rules. */
export const CONFIGURER_ROLES: Role[] = [...caseConfigurerRoles];
/** Roles that see every case other than grievances. */
const ALL_CASES_ROLES: Role[] = ['admin', 'executive'];
/** Roles that work the queue of cases without a party. */
const QUEUE_ROLES: Role[] = ['agent', 'manager'];

const isStaff = (a: Actor) => hasRole(a, ...STAFF_ROLES);
const seesAllGrievances = (a: Actor) => hasRole(a, ...GRIEVANCE_ROLES);
const isHandler = (a: Actor, c: Pick<CaseRow, 'assignee_id'>) => c.assignee_id === a.userId;

/** The named submitter of a grievance acting as such (not as its handler, HR or admin). */
export const asSubmitter = (a: Actor, c: Pick<CaseRow, 'type' | 'submitter_id' | 'assignee_id'>) =>
  c.type === 'grievance' && c.submitter_id === a.userId && !isHandler(a, c) && !seesAllGrievances(a);

/** Changes a visible case (edit, resolve): staff on any case, the handler side on a grievance, never its submitter. */
export const mayChange = (a: Actor, c: Pick<CaseRow, 'type' | 'submitter_id' | 'assignee_id'>) =>
  !asSubmitter(a, c) && (c.type === 'grievance' || isStaff(a));

/** Writes on a visible case: staff, the handler side of a grievance, and its submitter (as a follow-up). */
export const mayReply = (a: Actor, c: Pick<CaseRow, 'type' | 'submitter_id' | 'assignee_id'>) =>
  asSubmitter(a, c) || c.type === 'grievance' || isStaff(a);

/** Grievances of `service_case c`: HR, admin, the assigned handler and a named submitter (anonymous ones have none). */
export function grievanceVisible(actor: Actor): Expression<SqlBool> {
  return seesAllGrievances(actor)
    ? sql<SqlBool>`true`
    : sql<SqlBool>`(c.assignee_id = ${actor.userId} or c.submitter_id = ${actor.userId})`;
}

/**
 * Who sees a case (alias `c`, its party left-joined as `p`):
 * - grievances: see grievanceVisible;
 * - other cases: admin and executive; the assignee and their managers; the creator; anyone who may
 *   read the party fully (the parties module's rule: a case follows its party); agents and managers
 *   also see the party-less queue.
 * `write` (changing, replying, resolving): through the party only whoever may change the party, so that the
 * org's public_read setting opens a customer's cases for reading, not for working on them.
 */
export function caseVisible(actor: Actor, visibility: Visibility, mode: 'read' | 'write'): Expression<SqlBool> {
  const me = actor.userId;
  const other = hasRole(actor, ...ALL_CASES_ROLES)
    ? sql<SqlBool>`true`
    : sql<SqlBool>`(c.assignee_id = ${me} or c.created_by = ${me} or c.assignee_id in ${teamUserIds(actor)}
        or (c.party_id is not null and p.id is not null and ${canSeeFull(actor, visibility, mode)})
        or (c.party_id is null and ${hasRole(actor, ...QUEUE_ROLES)}))`;
  return sql<SqlBool>`(case when c.type = 'grievance' then ${grievanceVisible(actor)} else ${other} end)`;
}

/** A party (alias `p`) a new case may name: live, and one the actor may read in full. */
export const partyReferable = (actor: Actor, visibility: Visibility): Expression<SqlBool> =>
  livePartyVisible(actor, visibility, 'read');

/**
 * An early-warning alert follows its party (alias `p`): visible to whoever may read the party in full,
 * acknowledged (`write`) by whoever may change it.
 */
export const alertVisible = (actor: Actor, visibility: Visibility, mode: 'read' | 'write'): Expression<SqlBool> =>
  canSeeFull(actor, visibility, mode);
