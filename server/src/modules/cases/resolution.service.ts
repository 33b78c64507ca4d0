import { caseEvent } from './case-events.ts';
import type { Updateable } from 'kysely';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { diff, recordAudit } from '../../platform/audit/audit.ts';
import type { Deps } from '../../platform/deps.ts';
import { forbidden } from '../../platform/errors.ts';
import { addEvent, checkMove, moveStatus, saveCase, visibleCase, writableCase } from './case-core.ts';
import { asSubmitter, mayReply } from './cases.access.ts';
import { toCase, toEvent } from './cases.mapper.ts';
import { casesRepository } from './cases.repository.ts';
import type { CaseEvent, ReplyInput, ResolveInput, ResolveResult } from './cases.schema.ts';
import type { ServiceCaseTable } from './cases.tables.ts';
import { inviteFeedback } from './feedback/feedback.service.ts';
import { businessMinutesSoFar, refreshSla } from './sla/sla.service.ts';
import { notifyGrievanceReply } from './notify.ts';

/** Replies and notes (the first public reply stops the first-response clock) and resolution with its CSAT link. */
export function resolutionService(deps: Deps) {
  const { db } = deps;
  return {
    async reply(ctx: RequestContext, id: string, input: ReplyInput): Promise<CaseEvent> {
      const orgId = ctx.actor.orgId;
      return db.transaction().execute(async (trx) => {
        await casesRepository.lock(trx, orgId, id);
        const before = await visibleCase(trx, ctx, id, 'write');
        const now = new Date();
        const submitter = asSubmitter(ctx.actor, before);
        if (!mayReply(ctx.actor, before)) {
          throw forbidden('Only staff reply on cases');
        }
        const set: Updateable<ServiceCaseTable> = { updated_at: now };
        const ev = await addEvent(trx, {
          org_id: orgId,
          case_id: id,
          kind: submitter ? 'follow_up' : 'reply',
          body: input.body,
          visibility: submitter ? 'public' : input.visibility,
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
        await recordAudit(trx, ctx, {
          action: submitter ? 'case.follow_up' : 'case.reply',
          entityType: 'case',
          entityId: id,
          after: { eventId: ev.id, visibility: ev.visibility },
        });
        if (!submitter && ev.visibility === 'public') {
          await notifyGrievanceReply(trx, before, ev.id, ctx.actor.userId);
        }
        return toEvent({ ...ev, actor_name: ctx.actor.displayName });
      });
    },

    async resolve(ctx: RequestContext, id: string, input: ResolveInput): Promise<ResolveResult> {
      const orgId = ctx.actor.orgId;
      const { result, mailed } = await db.transaction().execute(async (trx) => {
        const before = await writableCase(trx, ctx, id);
        checkMove(before.status, 'resolved');
        const now = new Date();
        const set: Updateable<ServiceCaseTable> = {
          status: 'resolved',
          resolved_at: now,
          resolution_minutes: await businessMinutesSoFar(trx, before, now),
          root_cause: input.rootCause,
          root_cause_detail: input.rootCauseDetail ?? null,
          remedy: input.remedy,
          remedy_detail: input.remedyDetail ?? null,
          remedy_cost: input.remedyCost ?? null,
        };
        await addEvent(trx, {
          org_id: orgId,
          case_id: id,
          kind: 'resolution',
          from_status: before.status,
          to_status: 'resolved',
          data: JSON.stringify({
            rootCause: input.rootCause,
            remedy: input.remedy,
            remedyCost: input.remedyCost ?? null,
          }),
          actor_id: ctx.actor.userId,
          at: now,
        });
        const out = toCase(await saveCase(trx, orgId, before, input.version ?? before.version, set));
        await recordAudit(trx, ctx, {
          action: 'case.resolve',
          entityType: 'case',
          entityId: id,
          ...diff(toCase(before), out),
        });
        await caseEvent(trx, ctx, 'case.resolved', out, before.status);
        const invited = await inviteFeedback(trx, deps, before, now);
        return { result: { case: out, feedback: invited.feedback }, mailed: invited.mailed };
      });
      if (mailed) {
        deps.mail.kick();
      }
      return result;
    },
  };
}
