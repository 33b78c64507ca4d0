import type { Insertable, Updateable } from 'kysely';
import type { RequestContext } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { failedUpdate } from '../../platform/db/versioned.ts';
import { forbidden, notFound, validation } from '../../platform/errors.ts';
import { usersRepository } from '../../platform/identity/users.repository.ts';
import { customerVisibility } from '../parties/index.ts';
import { mayChange } from './cases.access.ts';
import { toCase } from './cases.mapper.ts';
import { casesRepository, eventsRepository, type CaseView } from './cases.repository.ts';
import type { CaseEventTable, CaseRow, ServiceCaseTable, SlaPolicyRow } from './cases.tables.ts';
import { caseStatusMoves, type CaseStatus } from './constants.ts';
import { refreshSla } from './sla/sla.service.ts';
import { initialSla } from './sla/sla.ts';

// The steps every case workflow shares (cases, replies and resolution, grievances): finding a case the
// actor may see or change, opening one, status moves and saving with the SLA state brought up to date.

export const visibility = (trx: Db, orgId: string) => customerVisibility(trx, orgId);

/**
 * A case the actor may see (`read`) or work on (`write`: through its party, only whoever may change the party),
 * or 404.
 */
export async function visibleCase(
  trx: Db,
  ctx: RequestContext,
  id: string,
  mode: 'read' | 'write' = 'read',
): Promise<CaseView> {
  const row = await casesRepository.findVisible(trx, ctx.actor, await visibility(trx, ctx.actor.orgId), id, mode);
  if (!row) {
    throw notFound('Case');
  }
  return row;
}

/** A case the actor may change (the submitter of a grievance may only add follow-ups), locked. */
export async function writableCase(trx: Db, ctx: RequestContext, id: string): Promise<CaseView> {
  await casesRepository.lock(trx, ctx.actor.orgId, id);
  const row = await visibleCase(trx, ctx, id, 'write');
  if (!mayChange(ctx.actor, row)) {
    throw forbidden('Only the handler, HR and admins change a grievance; you may add follow-up messages');
  }
  return row;
}

/** The named assignee's display name, or 400 when there is no such user. */
export async function checkAssignee(trx: Db, orgId: string, id: string | null | undefined): Promise<string | null> {
  if (!id) {
    return null;
  }
  const user = await usersRepository.findById(trx, orgId, id);
  if (!user) {
    throw validation('No such user', [
      { path: ['body', 'assigneeId'], message: 'No such user', code: 'unknown_reference' },
    ]);
  }
  return user.display_name;
}

/** Like the parties module's stage moves: 400 with one `illegal_transition` issue naming the legal moves. */
export function checkMove(from: CaseStatus, to: CaseStatus) {
  const legal = [...caseStatusMoves[from]];
  if (!legal.includes(to)) {
    throw validation(`A ${from} case cannot become ${to}; legal next statuses: ${legal.join(', ') || 'none'}`, [
      {
        path: ['body', 'status'],
        message: `Not a legal move from ${from}`,
        code: 'illegal_transition',
        from,
        legalNextStatuses: legal,
      },
    ]);
  }
}

type NewEvent = Pick<Insertable<CaseEventTable>, 'org_id' | 'case_id' | 'kind' | 'actor_id' | 'at'> &
  Partial<Pick<Insertable<CaseEventTable>, 'from_status' | 'to_status' | 'body' | 'visibility' | 'data'>>;

/** One entry of a case's history (fields an event kind does not use are null). */
export const addEvent = (trx: Db, e: NewEvent) =>
  eventsRepository.insert(trx, { from_status: null, to_status: null, body: null, visibility: null, data: null, ...e });

/** Status change bookkeeping shared by PATCH, replies and follow-ups. */
export async function moveStatus(
  trx: Db,
  orgId: string,
  row: CaseRow,
  to: CaseStatus,
  actorId: string | null,
  now: Date,
  set: Updateable<ServiceCaseTable>,
) {
  set.status = to;
  if (to === 'open' && (row.status === 'resolved' || row.status === 'closed')) {
    set.reopen_count = row.reopen_count + 1;
    set.resolved_at = null;
    set.resolution_minutes = null;
    set.closed_at = null;
  }
  if (to === 'closed') {
    set.closed_at = now;
  }
  await addEvent(trx, {
    org_id: orgId,
    case_id: row.id,
    kind: 'status',
    from_status: row.status,
    to_status: to,
    actor_id: actorId,
    at: now,
  });
}

/** Saves a change (versioned) and brings the SLA state up to date, raising a breach alert if it is new. */
export async function saveCase(
  trx: Db,
  orgId: string,
  before: CaseView,
  version: number,
  set: Updateable<ServiceCaseTable>,
): Promise<CaseView> {
  const row = await casesRepository.update(trx, orgId, before.id, version, set);
  if (!row) {
    failedUpdate(toCase(before), 'Case');
  }
  return refreshSla(trx, orgId, before.id);
}

/** What a new case (or grievance) says; everything a case learns later starts empty. */
export type NewCase = Pick<
  Insertable<ServiceCaseTable>,
  | 'org_id'
  | 'type'
  | 'party_id'
  | 'subject'
  | 'description'
  | 'channel'
  | 'priority'
  | 'assignee_id'
  | 'anonymous'
  | 'submitter_id'
  | 'follow_up_hash'
  | 'created_by'
> & { created_at: Date };

/**
 * Opens a case in one insert: its due times and SLA state come from the policy first (clocks start at
 * `created_at`, read at `now`), then the `created` event. Alerts are the caller's, after.
 */
export async function openCase(trx: Db, c: NewCase, policy: SlaPolicyRow, now: Date): Promise<CaseRow> {
  const row = await casesRepository.insert(trx, {
    ...c,
    sla_policy_id: policy.id,
    ...initialSla(policy, c.priority, c.created_at, now),
    updated_at: c.created_at,
    first_responded_at: null,
    resolved_at: null,
    closed_at: null,
    first_response_minutes: null,
    resolution_minutes: null,
    root_cause: null,
    root_cause_detail: null,
    remedy: null,
    remedy_detail: null,
    csat_score: null,
    csat_comment: null,
  });
  await addEvent(trx, {
    org_id: c.org_id,
    case_id: row.id,
    kind: 'created',
    to_status: 'new',
    actor_id: c.created_by,
    at: c.created_at,
  });
  return row;
}
