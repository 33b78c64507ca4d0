import type { Updateable } from 'kysely';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { hasRole, type Actor, type RequestContext } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { failedUpdate } from '../../platform/db/versioned.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, forbidden, notFound, validation } from '../../platform/errors.ts';
import { usersRepository } from '../../platform/identity/users.repository.ts';
import { customerVisibility } from '../parties/index.ts';
import { evaluateAlerts } from './alerts/alerts.service.ts';
import { businessMinutesBetween } from './sla/business-time.ts';
import { caseStatusMoves, type CaseStatus } from './constants.ts';
import { toCase } from './cases.mapper.ts';
import { casesRepository, eventsRepository, policiesRepository, type CaseView } from './cases.repository.ts';
import type { CaseRow, ServiceCaseTable } from './cases.tables.ts';
import { calendarOf, computeSla, pausesOf } from './sla/sla.ts';

// The helpers every case workflow shares (cases, replies and resolution, grievances): access, SLA
// bookkeeping and status moves; and the rate limits of the public (token) endpoints.

const isHandler = (a: Actor, c: Pick<CaseRow, 'assignee_id'>) => c.assignee_id === a.userId;
/** The named submitter of a grievance acting as such (not as its handler, HR or admin). */
export const asSubmitter = (a: Actor, c: Pick<CaseRow, 'type' | 'submitter_id' | 'assignee_id'>) =>
  c.type === 'grievance' && c.submitter_id === a.userId && !isHandler(a, c) && !hasRole(a, 'hr', 'admin');

export const PUBLIC_LIMITS = { perMinute: 60, failuresPer15Min: 20 };

/** One budget per address across the public feedback and grievance follow-up endpoints. */
export function publicLimits() {
  const calls = new RateLimiterMemory({
    keyPrefix: 'case_public_calls',
    points: PUBLIC_LIMITS.perMinute,
    duration: 60,
  });
  const failures = new RateLimiterMemory({
    keyPrefix: 'case_public_fail',
    points: PUBLIC_LIMITS.failuresPer15Min,
    duration: 900,
  });

  async function throttle(ip: string) {
    const [c, f] = await Promise.all([calls.consume(ip).catch(() => null), failures.get(ip)]);
    if (!c || (f && f.remainingPoints <= 0)) {
      throw new AppError('RATE_LIMITED', 'Too many requests; try again later', { retryAfterSeconds: 60 });
    }
  }
  const failed = (ip: string) => failures.consume(ip).catch(() => undefined);
  return { throttle, failed };
}

export function caseCore(deps: Deps) {
  const { db } = deps;
  const visibility = (trx: Db, orgId: string) => customerVisibility(trx, orgId);

  /** A case the actor may see, or 404. */
  async function visibleCase(trx: Db, ctx: RequestContext, id: string): Promise<CaseView> {
    const row = await casesRepository.findVisible(trx, ctx.actor, await visibility(trx, ctx.actor.orgId), id);
    if (!row) {
      throw notFound('Case');
    }
    return row;
  }

  /** A case the actor may change (the submitter of a grievance may only add follow-ups), locked. */
  async function writableCase(trx: Db, ctx: RequestContext, id: string): Promise<CaseView> {
    await casesRepository.lock(trx, ctx.actor.orgId, id);
    const row = await visibleCase(trx, ctx, id);
    if (
      asSubmitter(ctx.actor, row) ||
      (row.type !== 'grievance' && !hasRole(ctx.actor, 'admin', 'executive', 'manager', 'agent', 'hr', 'marketing'))
    ) {
      throw forbidden('Only the handler, HR and admins change a grievance; you may add follow-up messages');
    }
    return row;
  }

  /** Recomputes due times and SLA state (after every event, on reads and by the job); raises breach alerts. */
  async function refreshSla(trx: Db, orgId: string, id: string, now = new Date()): Promise<CaseView> {
    const row = await casesRepository.find(trx, orgId, id);
    if (!row) {
      throw notFound('Case');
    }
    if (!row.sla_policy_id) {
      return row;
    }
    const policy = await policiesRepository.find(trx, orgId, row.sla_policy_id);
    if (!policy) {
      return row;
    }
    const pauses = pausesOf(await eventsRepository.statusChanges(trx, orgId, id));
    const next = computeSla(row, calendarOf(policy), policy.targets, pauses, now);
    const changed =
      next.sla_state !== row.sla_state ||
      next.first_response_breached !== row.first_response_breached ||
      next.resolve_breached !== row.resolve_breached ||
      next.first_response_due_at.getTime() !== row.first_response_due_at?.getTime() ||
      next.resolve_due_at.getTime() !== row.resolve_due_at?.getTime();
    if (!changed) {
      return row;
    }
    await casesRepository.setSla(trx, orgId, id, next);
    if (next.sla_state === 'breached' && row.sla_state !== 'breached') {
      await evaluateAlerts(trx, orgId, { event: 'breached', caseRow: { ...row, ...next } });
    }
    return { ...row, ...next };
  }

  async function businessMinutesSoFar(trx: Db, row: CaseRow, now: Date): Promise<number | null> {
    if (!row.sla_policy_id) {
      return null;
    }
    const policy = await policiesRepository.find(trx, row.org_id, row.sla_policy_id);
    if (!policy) {
      return null;
    }
    const pauses = pausesOf(await eventsRepository.statusChanges(trx, row.org_id, row.id));
    return businessMinutesBetween(calendarOf(policy), row.created_at, now, pauses);
  }

  async function checkAssignee(trx: Db, orgId: string, id: string | null | undefined) {
    if (id && !(await usersRepository.findById(trx, orgId, id))) {
      throw validation('No such user', [
        { path: ['body', 'assigneeId'], message: 'No such user', code: 'unknown_reference' },
      ]);
    }
  }

  /** Like the parties module's stage moves: 400 with one `illegal_transition` issue naming the legal moves. */
  function checkMove(from: CaseStatus, to: CaseStatus) {
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

  /** Status change bookkeeping shared by PATCH, replies and follow-ups. */
  async function moveStatus(
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
    await eventsRepository.insert(trx, {
      org_id: orgId,
      case_id: row.id,
      kind: 'status',
      from_status: row.status,
      to_status: to,
      body: null,
      visibility: null,
      data: null,
      actor_id: actorId,
      at: now,
    });
  }

  async function saveCase(
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

  return {
    db,
    visibility,
    visibleCase,
    writableCase,
    refreshSla,
    businessMinutesSoFar,
    checkAssignee,
    checkMove,
    moveStatus,
    saveCase,
  };
}
export type CaseCore = ReturnType<typeof caseCore>;
