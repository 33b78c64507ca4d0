import type { Updateable } from 'kysely';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { diff, recordAudit } from '../../platform/audit/audit.ts';
import { validation } from '../../platform/errors.ts';
import type { Page } from '../../platform/http/common.schema.ts';
import { canSeeFull } from '../parties/index.ts';
import { evaluateAlerts } from './alerts/alerts.service.ts';
import { asSubmitter, type CaseCore } from './case-core.ts';
import { defaultPolicy } from './sla/policies.service.ts';
import { toCase, toEvent } from './cases.mapper.ts';
import type { Case, CaseEvent, CreateCase, ListCasesQuery, UpdateCase } from './cases.schema.ts';
import { casesRepository, eventsRepository, policiesRepository } from './cases.repository.ts';
import type { ServiceCaseTable } from './cases.tables.ts';

/** The case lifecycle: the queue, one case and its history, opening and changing (status moves included). */
export function lifecycleService(core: CaseCore) {
  const { db, visibility, visibleCase, writableCase, refreshSla, checkAssignee, checkMove, moveStatus, saveCase } =
    core;
  return {
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
            .where(() => canSeeFull(ctx.actor, vis, 'read'))
            .executeTakeFirst();
          if (!seen) {
            throw validation('No such party', [
              {
                path: ['body', 'partyId'],
                message: 'No such party (or not one you may see)',
                code: 'unknown_reference',
              },
            ]);
          }
        }
        const policy = input.slaPolicyId
          ? await policiesRepository.find(trx, orgId, input.slaPolicyId)
          : await defaultPolicy(trx, orgId);
        if (!policy) {
          throw validation('No such SLA policy', [
            { path: ['body', 'slaPolicyId'], message: 'No such SLA policy', code: 'unknown_reference' },
          ]);
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
        await eventsRepository.insert(trx, {
          org_id: orgId,
          case_id: row.id,
          kind: 'created',
          from_status: null,
          to_status: 'new',
          body: null,
          visibility: null,
          data: null,
          actor_id: ctx.actor.userId,
          at: now,
        });
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
          await eventsRepository.insert(trx, {
            org_id: orgId,
            case_id: id,
            kind: 'priority',
            from_status: null,
            to_status: null,
            body: null,
            visibility: null,
            data: JSON.stringify({ from: before.priority, to: input.priority }),
            actor_id: ctx.actor.userId,
            at: now,
          });
        }
        if (input.assigneeId !== undefined && input.assigneeId !== before.assignee_id) {
          set.assignee_id = input.assigneeId;
          await eventsRepository.insert(trx, {
            org_id: orgId,
            case_id: id,
            kind: 'assignment',
            from_status: null,
            to_status: null,
            body: null,
            visibility: null,
            data: JSON.stringify({ from: before.assignee_id, to: input.assigneeId }),
            actor_id: ctx.actor.userId,
            at: now,
          });
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
          await moveStatus(trx, orgId, before, input.status, ctx.actor.userId, now, set);
        }
        const row = await saveCase(trx, orgId, before, version, set);
        const out = toCase(row);
        await recordAudit(trx, ctx, {
          action: 'case.update',
          entityType: 'case',
          entityId: id,
          ...diff(toCase(before), out),
        });
        return out;
      });
    },
  };
}
