import { RateLimiterMemory } from 'rate-limiter-flexible';
import { hasRole, type Actor, type RequestContext } from '../../platform/auth/actor.ts';
import { diff, recordAudit, systemWho, type AuditWho } from '../../platform/audit/audit.ts';
import { hashSecret, randomToken } from '../../platform/auth/crypto.ts';
import type { Db } from '../../platform/db/database.ts';
import { failedUpdate } from '../../platform/db/versioned.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, conflict, forbidden, notFound, validation } from '../../platform/errors.ts';
import type { Page } from '../../platform/http/common.schema.ts';
import { usersRepository } from '../../platform/identity/users.repository.ts';
import { partyVisibilitySource, partyVisibleCondition } from '../parties/index.ts';
import { businessMinutesBetween } from './business-time.ts';
import { caseStatusMoves, CSAT_LINK_DAYS, type CaseStatus } from './constants.ts';
import { evaluateAlerts } from './alerts.service.ts';
import type {
  Case,
  CaseEvent,
  CreateCase,
  CreateGrievance,
  CreateSlaPolicy,
  FeedbackInput,
  GrievanceCreated,
  GrievanceFollowUp,
  ListCasesQuery,
  PublicFeedback,
  ReplyInput,
  ResolveInput,
  ResolveResult,
  SlaPolicy,
  UpdateCase,
  UpdateSlaPolicy,
} from './service.schema.ts';
import { casesRepository, eventsRepository, feedbackRepository, partyFacts, policiesRepository, type CaseView } from './service.repository.ts';
import type { CaseEventRow, CaseRow, ServiceCaseTable, SlaPolicyRow } from './service.tables.ts';
import { calendarOf, computeSla, pausesOf } from './sla.ts';
import type { Updateable } from 'kysely';

export const toPolicy = (r: SlaPolicyRow): SlaPolicy => ({
  id: r.id,
  name: r.name,
  timeZone: r.time_zone,
  hours: r.hours,
  holidays: r.holidays,
  workdays: r.workdays,
  targets: r.targets,
  isDefault: r.is_default,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  version: r.version,
});

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toCase(r: CaseView): Case {
  return {
    id: r.id,
    type: r.type,
    partyId: r.party_id,
    partyName: r.party_name,
    subject: r.subject,
    description: r.description,
    channel: r.channel as Case['channel'],
    priority: r.priority,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    status: r.status,
    legalNextStatuses: caseStatusMoves[r.status].filter((s) => s !== 'resolved'),
    anonymous: r.anonymous,
    submitterId: r.anonymous ? null : r.submitter_id,
    slaPolicyId: r.sla_policy_id,
    firstResponseDueAt: iso(r.first_response_due_at),
    resolveDueAt: iso(r.resolve_due_at),
    firstRespondedAt: iso(r.first_responded_at),
    resolvedAt: iso(r.resolved_at),
    closedAt: iso(r.closed_at),
    firstResponseMinutes: r.first_response_minutes,
    resolutionMinutes: r.resolution_minutes,
    slaState: r.sla_state,
    firstResponseBreached: r.first_response_breached,
    resolveBreached: r.resolve_breached,
    rootCause: r.root_cause,
    rootCauseDetail: r.root_cause_detail,
    remedy: r.remedy,
    remedyDetail: r.remedy_detail,
    remedyCost: r.remedy_cost === null ? null : Number(r.remedy_cost),
    csatScore: r.csat_score,
    csatComment: r.csat_comment,
    reopenCount: r.reopen_count,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

export const toEvent = (e: CaseEventRow & { actor_name: string | null }): CaseEvent => ({
  id: e.id,
  kind: e.kind,
  fromStatus: e.from_status,
  toStatus: e.to_status,
  body: e.body,
  visibility: e.visibility,
  data: e.data,
  actorId: e.actor_id,
  actorName: e.actor_name,
  at: e.at.toISOString(),
});

/** The policy seeded for an organisation without one: Mon–Fri 09:00–18:00 China time. */
export const DEFAULT_POLICY: CreateSlaPolicy = {
  name: 'Standard (Mon–Fri 09:00–18:00)',
  timeZone: 'Asia/Shanghai',
  hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })),
  holidays: [],
  workdays: [],
  targets: {
    low: { firstResponseMinutes: 1080, resolveMinutes: 5400 },
    normal: { firstResponseMinutes: 480, resolveMinutes: 2700 },
    high: { firstResponseMinutes: 120, resolveMinutes: 1080 },
    urgent: { firstResponseMinutes: 30, resolveMinutes: 480 },
  },
  isDefault: true,
};

const isHandler = (a: Actor, c: Pick<CaseRow, 'assignee_id'>) => c.assignee_id === a.userId;
/** The named submitter of a grievance acting as such (not as its handler, HR or admin). */
const asSubmitter = (a: Actor, c: Pick<CaseRow, 'type' | 'submitter_id' | 'assignee_id'>) =>
  c.type === 'grievance' && c.submitter_id === a.userId && !isHandler(a, c) && !hasRole(a, 'hr', 'admin');
/** Anonymous writes leave no actor, no request id and no address. */
const anonymousWho = (orgId: string): AuditWho => ({ orgId, actorId: null, actorType: 'anonymous', requestId: null, ip: null });
const startOfUtcDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

export const PUBLIC_LIMITS = { perMinute: 60, failuresPer15Min: 20 };

export function serviceService(deps: Deps) {
  const { db, secret } = deps;
  const calls = new RateLimiterMemory({ keyPrefix: 'case_public_calls', points: PUBLIC_LIMITS.perMinute, duration: 60 });
  const failures = new RateLimiterMemory({ keyPrefix: 'case_public_fail', points: PUBLIC_LIMITS.failuresPer15Min, duration: 900 });
  const visibility = (trx: Db, orgId: string) => partyVisibilitySource.visibility(trx, orgId);

  async function throttle(ip: string) {
    const [c, f] = await Promise.all([calls.consume(ip).catch(() => null), failures.get(ip)]);
    if (!c || (f && f.remainingPoints <= 0)) {
      throw new AppError('RATE_LIMITED', 'Too many requests; try again later', { retryAfterSeconds: 60 });
    }
  }
  const failed = (ip: string) => failures.consume(ip).catch(() => undefined);

  /** The org default policy, seeded on first use. */
  async function defaultPolicy(trx: Db, orgId: string): Promise<SlaPolicyRow> {
    const found = await policiesRepository.findDefault(trx, orgId);
    if (found) {
      return found;
    }
    await policiesRepository.lockOrg(trx, orgId);
    return (
      (await policiesRepository.findDefault(trx, orgId)) ??
      policiesRepository.insert(trx, { org_id: orgId, ...policyValues(DEFAULT_POLICY), is_default: true })
    );
  }

  function policyValues(p: CreateSlaPolicy) {
    return { name: p.name, time_zone: p.timeZone, hours: JSON.stringify(p.hours), holidays: [...new Set(p.holidays)].sort(), workdays: [...new Set(p.workdays)].sort(), targets: JSON.stringify(p.targets) };
  }

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
    if (asSubmitter(ctx.actor, row) || (row.type !== 'grievance' && !hasRole(ctx.actor, 'admin', 'executive', 'manager', 'agent', 'hr', 'marketing'))) {
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
      throw validation('No such user', [{ path: ['body', 'assigneeId'], message: 'No such user', code: 'unknown_reference' }]);
    }
  }

  function checkMove(from: CaseStatus, to: CaseStatus) {
    const legal = caseStatusMoves[from];
    if (!legal.includes(to)) {
      const next = legal.filter((s) => s !== 'resolved');
      throw validation(`A ${from} case cannot become ${to}; legal next statuses: ${[...legal].join(', ') || 'none'}`, {
        legalNextStatuses: legal,
        issues: [{ path: ['body', 'status'], code: 'illegal_transition', from, message: `Not a legal move from ${from}`, legalNextStatuses: next }],
      });
    }
  }

  /** Status change bookkeeping shared by PATCH, replies and follow-ups. */
  async function moveStatus(trx: Db, orgId: string, row: CaseRow, to: CaseStatus, actorId: string | null, now: Date, set: Updateable<ServiceCaseTable>) {
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
    await eventsRepository.insert(trx, { org_id: orgId, case_id: row.id, kind: 'status', from_status: row.status, to_status: to, body: null, visibility: null, data: null, actor_id: actorId, at: now });
  }

  async function saveCase(trx: Db, orgId: string, before: CaseView, version: number, set: Updateable<ServiceCaseTable>): Promise<CaseView> {
    const row = await casesRepository.update(trx, orgId, before.id, version, set);
    if (!row) {
      failedUpdate(toCase(before), 'Case');
    }
    return refreshSla(trx, orgId, before.id);
  }

  return {
    refreshSla,
    defaultPolicy,

    // -- SLA policies ---------------------------------------------------------------------------

    async listPolicies(ctx: RequestContext): Promise<SlaPolicy[]> {
      const rows = await db.transaction().execute(async (trx) => {
        await defaultPolicy(trx, ctx.actor.orgId);
        return policiesRepository.list(trx, ctx.actor.orgId);
      });
      return rows.map(toPolicy);
    },

    async getPolicy(ctx: RequestContext, id: string): Promise<SlaPolicy> {
      const row = await policiesRepository.find(db, ctx.actor.orgId, id);
      if (!row) {
        throw notFound('SLA policy');
      }
      return toPolicy(row);
    },

    async createPolicy(ctx: RequestContext, input: CreateSlaPolicy): Promise<SlaPolicy> {
      return db.transaction().execute(async (trx) => {
        if (input.isDefault) {
          await policiesRepository.clearDefault(trx, ctx.actor.orgId);
        }
        const row = await policiesRepository.insert(trx, { org_id: ctx.actor.orgId, ...policyValues(input), is_default: input.isDefault });
        const out = toPolicy(row);
        await recordAudit(trx, ctx, { action: 'sla_policy.create', entityType: 'sla_policy', entityId: row.id, after: out });
        return out;
      });
    },

    async updatePolicy(ctx: RequestContext, id: string, version: number, input: UpdateSlaPolicy): Promise<SlaPolicy> {
      return db.transaction().execute(async (trx) => {
        const before = await policiesRepository.find(trx, ctx.actor.orgId, id);
        if (!before) {
          throw notFound('SLA policy');
        }
        if (input.isDefault === false && before.is_default) {
          throw validation('Make another policy the default instead', [{ path: ['body', 'isDefault'], message: 'An organisation always has a default policy', code: 'default_required' }]);
        }
        const merged = {
          name: input.name ?? before.name,
          timeZone: input.timeZone ?? before.time_zone,
          hours: input.hours ?? before.hours,
          holidays: input.holidays ?? before.holidays,
          workdays: input.workdays ?? before.workdays,
          targets: input.targets ?? before.targets,
          isDefault: input.isDefault ?? before.is_default,
        };
        if (input.isDefault && !before.is_default) {
          await policiesRepository.clearDefault(trx, ctx.actor.orgId);
        }
        const row = await policiesRepository.update(trx, ctx.actor.orgId, id, version, { ...policyValues(merged), is_default: merged.isDefault });
        if (!row) {
          failedUpdate(toPolicy(before), 'SLA policy');
        }
        const out = toPolicy(row);
        await recordAudit(trx, ctx, { action: 'sla_policy.update', entityType: 'sla_policy', entityId: id, ...diff(toPolicy(before), out) });
        return out;
      });
    },

    // -- Cases -------------------------------------------------------------------------------------

    async list(ctx: RequestContext, f: ListCasesQuery): Promise<Page<Case>> {
      const orgId = ctx.actor.orgId;
      // Cheap refresh: running cases past a due time become breached (the job and single reads do the rest).
      await db.transaction().execute(async (trx) => {
        for (const r of await casesRepository.markOverdue(trx, orgId)) {
          const row = await casesRepository.find(trx, orgId, r.id);
          if (row) {
            await evaluateAlerts(trx, orgId, { event: 'breached', caseRow: row });
          }
        }
      });
      const page = await casesRepository.list(db, ctx.actor, await visibility(db, orgId), f);
      return { items: page.items.map(toCase), nextCursor: page.nextCursor };
    },

    async get(ctx: RequestContext, id: string): Promise<Case> {
      return db.transaction().execute(async (trx) => {
        await visibleCase(trx, ctx, id);
        await refreshSla(trx, ctx.actor.orgId, id);
        return toCase(await visibleCase(trx, ctx, id));
      });
    },

    async events(ctx: RequestContext, id: string): Promise<CaseEvent[]> {
      const row = await visibleCase(db, ctx, id);
      const rows = await eventsRepository.list(db, ctx.actor.orgId, id, asSubmitter(ctx.actor, row));
      return rows.map(toEvent);
    },

    async create(ctx: RequestContext, input: CreateCase): Promise<Case> {
      const orgId = ctx.actor.orgId;
      return db.transaction().execute(async (trx) => {
        await checkAssignee(trx, orgId, input.assigneeId);
        if (input.partyId) {
          const vis = await visibility(trx, orgId);
          const seen = await trx
            .selectFrom('party as p')
            .select('p.id')
            .where('p.org_id', '=', orgId)
            .where('p.id', '=', input.partyId)
            .where('p.deleted_at', 'is', null)
            .where('p.merged_into_id', 'is', null)
            .where(() => partyVisibleCondition(ctx.actor, vis, 'read'))
            .executeTakeFirst();
          if (!seen) {
            throw validation('No such party', [{ path: ['body', 'partyId'], message: 'No such party (or not one you may see)', code: 'unknown_reference' }]);
          }
        }
        const policy = input.slaPolicyId ? await policiesRepository.find(trx, orgId, input.slaPolicyId) : await defaultPolicy(trx, orgId);
        if (!policy) {
          throw validation('No such SLA policy', [{ path: ['body', 'slaPolicyId'], message: 'No such SLA policy', code: 'unknown_reference' }]);
        }
        const now = new Date();
        const row = await casesRepository.insert(trx, {
          org_id: orgId,
          type: input.type,
          party_id: input.partyId ?? null,
          subject: input.subject,
          description: input.description ?? null,
          channel: input.channel,
          priority: input.priority,
          assignee_id: input.assigneeId === undefined ? ctx.actor.userId : input.assigneeId,
          submitter_id: null,
          follow_up_hash: null,
          sla_policy_id: policy.id,
          created_by: ctx.actor.userId,
          created_at: now,
          updated_at: now,
          first_response_due_at: null,
          resolve_due_at: null,
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
        await eventsRepository.insert(trx, { org_id: orgId, case_id: row.id, kind: 'created', from_status: null, to_status: 'new', body: null, visibility: null, data: null, actor_id: ctx.actor.userId, at: now });
        const view = await refreshSla(trx, orgId, row.id, now);
        const out = toCase(view);
        await recordAudit(trx, ctx, { action: 'case.create', entityType: 'case', entityId: row.id, after: out });
        await evaluateAlerts(trx, orgId, { event: 'created', caseRow: view });
        return out;
      });
    },

    async update(ctx: RequestContext, id: string, version: number, input: UpdateCase): Promise<Case> {
      const orgId = ctx.actor.orgId;
      return db.transaction().execute(async (trx) => {
        const before = await writableCase(trx, ctx, id);
        await checkAssignee(trx, orgId, input.assigneeId);
        const now = new Date();
        const set: Updateable<ServiceCaseTable> = {};
        if (input.subject !== undefined) { set.subject = input.subject; }
        if (input.description !== undefined) { set.description = input.description; }
        if (input.channel !== undefined) { set.channel = input.channel; }
        if (input.priority !== undefined && input.priority !== before.priority) {
          set.priority = input.priority;
          await eventsRepository.insert(trx, { org_id: orgId, case_id: id, kind: 'priority', from_status: null, to_status: null, body: null, visibility: null, data: JSON.stringify({ from: before.priority, to: input.priority }), actor_id: ctx.actor.userId, at: now });
        }
        if (input.assigneeId !== undefined && input.assigneeId !== before.assignee_id) {
          set.assignee_id = input.assigneeId;
          await eventsRepository.insert(trx, { org_id: orgId, case_id: id, kind: 'assignment', from_status: null, to_status: null, body: null, visibility: null, data: JSON.stringify({ from: before.assignee_id, to: input.assigneeId }), actor_id: ctx.actor.userId, at: now });
        }
        if (input.status !== undefined && input.status !== before.status) {
          if (input.status === 'resolved') {
            throw validation('Resolving needs a root cause and a remedy: POST /api/cases/:id/resolve', {
              legalNextStatuses: caseStatusMoves[before.status],
              issues: [{ path: ['body', 'status'], code: 'resolve_endpoint', message: 'Use POST /api/cases/:id/resolve with rootCause and remedy' }],
            });
          }
          checkMove(before.status, input.status);
          await moveStatus(trx, orgId, before, input.status, ctx.actor.userId, now, set);
        }
        const row = await saveCase(trx, orgId, before, version, set);
        const out = toCase(row);
        await recordAudit(trx, ctx, { action: 'case.update', entityType: 'case', entityId: id, ...diff(toCase(before), out) });
        return out;
      });
    },

    async reply(ctx: RequestContext, id: string, input: ReplyInput): Promise<CaseEvent> {
      const orgId = ctx.actor.orgId;
      return db.transaction().execute(async (trx) => {
        await casesRepository.lock(trx, orgId, id);
        const before = await visibleCase(trx, ctx, id);
        const now = new Date();
        const submitter = asSubmitter(ctx.actor, before);
        if (!submitter && before.type !== 'grievance' && !hasRole(ctx.actor, 'admin', 'executive', 'manager', 'agent', 'hr', 'marketing')) {
          throw forbidden('Only staff reply on cases');
        }
        const set: Updateable<ServiceCaseTable> = { updated_at: now };
        const ev = await eventsRepository.insert(trx, {
          org_id: orgId,
          case_id: id,
          kind: submitter ? 'follow_up' : 'reply',
          from_status: null,
          to_status: null,
          body: input.body,
          visibility: submitter ? 'public' : input.visibility,
          data: null,
          actor_id: ctx.actor.userId,
          at: now,
        });
        if (submitter) {
          if (before.status === 'pending') {
            await moveStatus(trx, orgId, before, 'open', null, now, set);
          }
        } else if (input.visibility === 'public') {
          if (!before.first_responded_at) {
            set.first_responded_at = now;
            set.first_response_minutes = await businessMinutesSoFar(trx, before, now);
          }
          if (before.status === 'new') {
            await moveStatus(trx, orgId, before, 'open', ctx.actor.userId, now, set);
          }
        }
        await casesRepository.setSla(trx, orgId, id, set);
        await refreshSla(trx, orgId, id, now);
        await recordAudit(trx, ctx, { action: submitter ? 'case.follow_up' : 'case.reply', entityType: 'case', entityId: id, after: { eventId: ev.id, visibility: ev.visibility } });
        return toEvent({ ...ev, actor_name: ctx.actor.displayName });
      });
    },

    async resolve(ctx: RequestContext, id: string, input: ResolveInput): Promise<ResolveResult> {
      const orgId = ctx.actor.orgId;
      let mailed = false;
      const result = await db.transaction().execute(async (trx): Promise<ResolveResult> => {
        const before = await writableCase(trx, ctx, id);
        checkMove(before.status, 'resolved');
        const now = new Date();
        const minutes = await businessMinutesSoFar(trx, before, now);
        const set: Updateable<ServiceCaseTable> = {
          status: 'resolved',
          resolved_at: now,
          resolution_minutes: minutes,
          root_cause: input.rootCause,
          root_cause_detail: input.rootCauseDetail ?? null,
          remedy: input.remedy,
          remedy_detail: input.remedyDetail ?? null,
          remedy_cost: input.remedyCost ?? null,
        };
        await eventsRepository.insert(trx, {
          org_id: orgId,
          case_id: id,
          kind: 'resolution',
          from_status: before.status,
          to_status: 'resolved',
          body: null,
          visibility: null,
          data: JSON.stringify({ rootCause: input.rootCause, remedy: input.remedy, remedyCost: input.remedyCost ?? null }),
          actor_id: ctx.actor.userId,
          at: now,
        });
        const row = await saveCase(trx, orgId, before, input.version ?? before.version, set);
        const out = toCase(row);
        await recordAudit(trx, ctx, { action: 'case.resolve', entityType: 'case', entityId: id, ...diff(toCase(before), out) });
        // Post-resolution satisfaction: one question by email when the party has an address.
        let feedback: ResolveResult['feedback'] = null;
        const party = before.type !== 'grievance' && before.party_id ? await partyFacts(trx, orgId, before.party_id) : undefined;
        const email = party?.emails[0];
        if (email) {
          const token = randomToken();
          const expiresAt = new Date(now.getTime() + CSAT_LINK_DAYS * 86_400_000);
          await feedbackRepository.insert(trx, { org_id: orgId, case_id: id, token_hash: hashSecret(secret, token), expires_at: expiresAt });
          const url = `${(deps.publicUrl ?? '').replace(/\/$/, '')}/feedback/${token}`;
          if (deps.mail.configured) {
            await deps.mail.enqueue(trx, orgId, {
              to: email,
              subject: `How did we do? / 您对处理结果满意吗？ — ${before.subject}`,
              text: `Your request "${before.subject}" has been resolved. How satisfied are you with how we resolved it? Answer with one click (1–5): ${url}\n\n您反映的问题「${before.subject}」已处理完毕。请为处理结果打分（1–5）：${url}`,
              purpose: 'case-csat',
            });
            mailed = true;
          }
          feedback = { url: mailed ? null : url, expiresAt: expiresAt.toISOString(), emailed: mailed };
        }
        return { case: out, feedback };
      });
      if (mailed) {
        deps.mail.kick();
      }
      return result;
    },

    // -- Post-resolution feedback (public) ---------------------------------------------------------

    async publicFeedback(token: string, ip: string): Promise<PublicFeedback> {
      await throttle(ip);
      const t = await feedbackRepository.find(db, hashSecret(secret, token));
      if (!t || t.expires_at.getTime() <= Date.now()) {
        await failed(ip);
        throw notFound('Feedback link');
      }
      return { subject: t.subject, resolvedAt: iso(t.resolved_at), answered: t.used };
    },

    async submitFeedback(token: string, input: FeedbackInput, meta: { ip: string; requestId: string }): Promise<{ ok: true }> {
      await throttle(meta.ip);
      const t = await feedbackRepository.find(db, hashSecret(secret, token));
      if (!t || t.expires_at.getTime() <= Date.now()) {
        await failed(meta.ip);
        throw notFound('Feedback link');
      }
      await db.transaction().execute(async (trx) => {
        if (!(await feedbackRepository.markUsed(trx, t.org_id, t.token_id))) {
          throw conflict('This link has already been used to answer', { reason: 'ALREADY_ANSWERED' });
        }
        const now = new Date();
        await casesRepository.setSla(trx, t.org_id, t.case_id, { csat_score: input.score, csat_comment: input.comment ?? null, csat_at: now, updated_at: now });
        await eventsRepository.insert(trx, { org_id: t.org_id, case_id: t.case_id, kind: 'csat', from_status: null, to_status: null, body: input.comment ?? null, visibility: null, data: JSON.stringify({ score: input.score }), actor_id: null, at: now });
        await recordAudit(trx, { orgId: t.org_id, actorId: null, actorType: 'anonymous', requestId: meta.requestId, ip: meta.ip }, { action: 'case.csat', entityType: 'case', entityId: t.case_id, after: { score: input.score } });
        const row = await casesRepository.find(trx, t.org_id, t.case_id);
        if (row) {
          await evaluateAlerts(trx, t.org_id, { event: 'csat', caseRow: row });
        }
      });
      return { ok: true };
    },

    // -- Grievances --------------------------------------------------------------------------------

    async fileGrievance(ctx: RequestContext, input: CreateGrievance): Promise<GrievanceCreated> {
      const { actor } = ctx;
      if (!actor.partyId) {
        throw forbidden('Grievances are filed by employees: your user is not linked to an employee record');
      }
      const employee = await db.selectFrom('party_membership').select('id').where('org_id', '=', actor.orgId).where('party_id', '=', actor.partyId).where('role', '=', 'employee').executeTakeFirst();
      if (!employee) {
        throw forbidden('Grievances are filed by employees: your linked record has no current employee role');
      }
      const orgId = actor.orgId;
      const code = input.anonymous ? randomToken(24) : null;
      return db.transaction().execute(async (trx) => {
        const policy = await defaultPolicy(trx, orgId);
        const real = new Date();
        // Anonymous: the day only, so the time cannot be matched against sign-ins or other activity.
        const at = input.anonymous ? startOfUtcDay(real) : real;
        const row = await casesRepository.insert(trx, {
          org_id: orgId,
          type: 'grievance',
          party_id: input.anonymous ? null : actor.partyId,
          subject: input.subject,
          description: input.description,
          channel: 'self_service',
          priority: 'normal',
          assignee_id: null,
          anonymous: input.anonymous,
          submitter_id: input.anonymous ? null : actor.userId,
          follow_up_hash: code ? hashSecret(secret, code) : null,
          sla_policy_id: policy.id,
          created_by: input.anonymous ? null : actor.userId,
          created_at: at,
          updated_at: at,
          first_response_due_at: null,
          resolve_due_at: null,
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
        await eventsRepository.insert(trx, { org_id: orgId, case_id: row.id, kind: 'created', from_status: null, to_status: 'new', body: null, visibility: null, data: null, actor_id: input.anonymous ? null : actor.userId, at });
        await refreshSla(trx, orgId, row.id, real);
        await recordAudit(trx, input.anonymous ? anonymousWho(orgId) : ctx, {
          action: 'grievance.create',
          entityType: 'case',
          entityId: row.id,
          after: { type: 'grievance', anonymous: input.anonymous },
        });
        return { id: input.anonymous ? null : row.id, followUpCode: code };
      });
    },

    async followUp(code: string, ip: string): Promise<GrievanceFollowUp> {
      await throttle(ip);
      const row = await casesRepository.findByFollowUp(db, hashSecret(secret, code));
      if (!row) {
        await failed(ip);
        throw notFound('Grievance');
      }
      const events = await eventsRepository.list(db, row.org_id, row.id, true);
      return {
        subject: row.subject,
        status: row.status,
        createdOn: row.created_at.toISOString().slice(0, 10),
        messages: events.map((e) => ({ from: e.kind === 'follow_up' ? ('submitter' as const) : ('handler' as const), body: e.body ?? '', at: e.at.toISOString() })),
      };
    },

    async addFollowUp(code: string, body: string, ip: string): Promise<{ ok: true }> {
      await throttle(ip);
      const found = await casesRepository.findByFollowUp(db, hashSecret(secret, code));
      if (!found) {
        await failed(ip);
        throw notFound('Grievance');
      }
      await db.transaction().execute(async (trx) => {
        await casesRepository.lock(trx, found.org_id, found.id);
        const row = (await casesRepository.find(trx, found.org_id, found.id)) as CaseView;
        const now = new Date();
        const set: Updateable<ServiceCaseTable> = { updated_at: now };
        await eventsRepository.insert(trx, { org_id: row.org_id, case_id: row.id, kind: 'follow_up', from_status: null, to_status: null, body, visibility: 'public', data: null, actor_id: null, at: now });
        if (row.status === 'pending') {
          await moveStatus(trx, row.org_id, row, 'open', null, now, set);
        }
        await casesRepository.setSla(trx, row.org_id, row.id, set);
        await refreshSla(trx, row.org_id, row.id, now);
        await recordAudit(trx, anonymousWho(row.org_id), { action: 'grievance.follow_up', entityType: 'case', entityId: row.id });
      });
      return { ok: true };
    },

    /** The job: refreshes running cases of every organisation (a bounded batch per run). */
    async refreshAll(now = new Date(), limit = 2000): Promise<number> {
      const rows = await casesRepository.running(db, limit);
      for (const r of rows) {
        await db.transaction().execute((trx) => refreshSla(trx, r.org_id, r.id, now));
      }
      return rows.length;
    },

    systemWho,
  };
}
