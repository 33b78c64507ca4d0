import type { Updateable } from 'kysely';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { diff, recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import type { Deps } from '../../platform/deps.ts';
import { validation } from '../../platform/errors.ts';
import type { Page } from '../../platform/http/common.schema.ts';
import { evaluateAlerts } from './alerts/alerts.service.ts';
import {
  addEvent,
  checkAssignee,
  checkMove,
  moveStatus,
  openCase,
  saveCase,
  visibility,
  visibleCase,
  writableCase,
} from './case-core.ts';
import { asSubmitter } from './cases.access.ts';
import { toCase, toEvent, withOverdue } from './cases.mapper.ts';
import { notifyCaseAssigned } from './notify.ts';
import { casesRepository, eventsRepository, referableParty, type CaseView } from './cases.repository.ts';
import type { Case, CaseEvent, CreateCase, ListCasesQuery, UpdateCase } from './cases.schema.ts';
import type { ServiceCaseTable } from './cases.tables.ts';
import { policyForWrite } from './sla/policies.service.ts';
import { slaAt } from './sla/sla.service.ts';
import { caseEvent } from './case-events.ts';

/** The queue, one case and its history. Reads show the SLA state at the moment of reading and write nothing. */
export function caseReads(deps: Deps) {
  const { db } = deps;
  return {
    async list(ctx: RequestContext, f: ListCasesQuery): Promise<Page<Case>> {
      // The queue is a list read: a replica's when one is configured (the caller's own writes read from the primary).
      const reads = await deps.reads.db(ctx.actor);
      const vis = await visibility(reads, ctx.actor.orgId);
      const page = await casesRepository.list(reads, ctx.actor, vis, f, new Date());
      return { items: page.items.map((r) => toCase(withOverdue(r))), nextCursor: page.nextCursor };
    },

    async get(ctx: RequestContext, id: string): Promise<Case> {
      return toCase(await slaAt(db, await visibleCase(db, ctx, id), new Date()));
    },

    async events(ctx: RequestContext, id: string): Promise<CaseEvent[]> {
      const row = await visibleCase(db, ctx, id);
      const rows = await eventsRepository.list(db, ctx.actor.orgId, id, asSubmitter(ctx.actor, row));
      return rows.map(toEvent);
    },
  };
}

/** The name of a party a new case may name, or 400 (unknown, gone, or not one the actor may see). */
async function namedParty(trx: Db, ctx: RequestContext, partyId: string): Promise<string> {
  const party = await referableParty(trx, ctx.actor, await visibility(trx, ctx.actor.orgId), partyId);
  if (!party) {
    throw validation('No such party', [
      { path: ['body', 'partyId'], message: 'No such party (or not one you may see)', code: 'unknown_reference' },
    ]);
  }
  return party.display_name;
}

/** The columns a PATCH changes, with a history entry for each priority, assignment and status move. */
async function changesOf(
  trx: Db,
  ctx: RequestContext,
  before: CaseView,
  input: UpdateCase,
  now: Date,
): Promise<Updateable<ServiceCaseTable>> {
  const { orgId, userId } = ctx.actor;
  const set: Updateable<ServiceCaseTable> = {};
  const event = { org_id: orgId, case_id: before.id, actor_id: userId, at: now };
  if (input.subject !== undefined) {
    set.subject = input.subject;
  }
  if (input.description !== undefined) {
    set.description = input.description;
  }
  if (input.channel !== undefined) {
    set.channel = input.channel;
  }
  if (input.priority !== undefined && input.priority !== before.priority) {
    set.priority = input.priority;
    const data = JSON.stringify({ from: before.priority, to: input.priority });
    await addEvent(trx, { ...event, kind: 'priority', data });
  }
  if (input.assigneeId !== undefined && input.assigneeId !== before.assignee_id) {
    set.assignee_id = input.assigneeId;
    const data = JSON.stringify({ from: before.assignee_id, to: input.assigneeId });
    await addEvent(trx, { ...event, kind: 'assignment', data });
  }
  if (input.status !== undefined && input.status !== before.status) {
    if (input.status === 'resolved') {
      throw validation('Resolving needs a root cause and a remedy: POST /api/cases/:id/resolve', [
        {
          path: ['body', 'status'],
          message: 'Use POST /api/cases/:id/resolve with rootCause and remedy',
          code: 'resolve_endpoint',
        },
      ]);
    }
    checkMove(before.status, input.status);
    await moveStatus(trx, orgId, before, input.status, userId, now, set);
  }
  return set;
}

/** Opening and changing a case (status moves included); each write brings the SLA state up to date. */
export function caseWrites(deps: Deps) {
  const { db } = deps;
  return {
    /**
     * One insert with due times and SLA state from the policy; alert rules are evaluated after. In the caller's
     * transaction when `outer` is given (another module's write of which this is one step).
     */
    async create(ctx: RequestContext, input: CreateCase, outer?: Db): Promise<Case> {
      const { orgId, userId } = ctx.actor;
      return inTransaction(db, outer, async (trx) => {
        const assignee =
          input.assigneeId === undefined
            ? { id: userId, name: ctx.actor.displayName }
            : { id: input.assigneeId, name: await checkAssignee(trx, orgId, input.assigneeId) };
        const partyName = input.partyId ? await namedParty(trx, ctx, input.partyId) : null;
        const policy = await policyForWrite(trx, orgId, input.slaPolicyId);
        if (!policy) {
          throw validation('No such SLA policy', [
            { path: ['body', 'slaPolicyId'], message: 'No such SLA policy', code: 'unknown_reference' },
          ]);
        }
        const now = new Date();
        const row = await openCase(
          trx,
          {
            org_id: orgId,
            type: input.type,
            party_id: input.partyId ?? null,
            subject: input.subject,
            description: input.description ?? null,
            channel: input.channel,
            priority: input.priority,
            assignee_id: assignee.id,
            submitter_id: null,
            follow_up_hash: null,
            created_by: userId,
            created_at: now,
          },
          policy,
          now,
        );
        const view: CaseView = { ...row, party_name: partyName, assignee_name: assignee.name };
        const out = toCase(view);
        await recordAudit(trx, ctx, { action: 'case.create', entityType: 'case', entityId: row.id, after: out });
        await notifyCaseAssigned(trx, row, assignee.id, userId);
        await caseEvent(trx, ctx, 'case.created', out);
        await evaluateAlerts(trx, orgId, { event: 'created', caseRow: view });
        return out;
      });
    },

    async update(ctx: RequestContext, id: string, version: number, input: UpdateCase): Promise<Case> {
      const orgId = ctx.actor.orgId;
      return db.transaction().execute(async (trx) => {
        const before = await writableCase(trx, ctx, id);
        await checkAssignee(trx, orgId, input.assigneeId);
        const set = await changesOf(trx, ctx, before, input, new Date());
        const saved = await saveCase(trx, orgId, before, version, set);
        const out = toCase(saved);
        if (set.assignee_id !== undefined) {
          await notifyCaseAssigned(trx, saved, set.assignee_id, ctx.actor.userId);
        }
        await recordAudit(trx, ctx, {
          action: 'case.update',
          entityType: 'case',
          entityId: id,
          ...diff(toCase(before), out),
        });
        if (out.status !== before.status) {
          await caseEvent(trx, ctx, 'case.status_changed', out, before.status);
        }
        return out;
      });
    },
  };
}
