import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/errors.ts';
import type { RoleInput } from '../parties.schema.ts';
import { partiesRepository } from '../parties.repository.ts';
import { writableParty } from '../parties.service.ts';
import type { PartyRoleRow } from '../parties.tables.ts';
import { rolesRepository } from './roles.repository.ts';
import { applyRole } from './roles.service.ts';

/** An employee role row as other modules see it (employment fields included; salary is sensitive). */
export type EmployeeRole = PartyRoleRow;
/** What may change on an employee role through `changeEmployment`: employment fields, stage, phase, with a reason. */
export type EmploymentChange = Pick<RoleInput, 'employment' | 'stage' | 'phase' | 'reason'>;

/** The party's current employee role, or undefined. No access check: the caller has applied its own. */
export function currentEmployeeRole(db: Db, orgId: string, partyId: string): Promise<EmployeeRole | undefined> {
  return rolesRepository.findCurrent(db, orgId, partyId, 'employee');
}

/**
 * Changes an employee's employment fields, stage or phase in the caller's transaction, through the one role path
 * (applyRole: HR and admin only, references checked, legal stage moves, history and audit rows). The party is
 * locked first; `version` is the role's. A party with no current employee role is not found.
 */
export async function changeEmployment(
  trx: Db,
  ctx: RequestContext,
  partyId: string,
  change: EmploymentChange,
  version: number,
): Promise<EmployeeRole> {
  await writableParty(trx, ctx, partyId);
  if (!(await rolesRepository.findCurrent(trx, ctx.actor.orgId, partyId, 'employee'))) {
    throw notFound('Employee');
  }
  const { row } = await applyRole(trx, ctx, partyId, 'employee', change, () => version);
  await partiesRepository.touch(trx, ctx.actor.orgId, partyId);
  return row;
}
