import type { Updateable } from 'kysely';
import { hasRole, type RequestContext } from '../../platform/auth/actor.ts';
import { diff, recordAudit } from '../../platform/audit/audit.ts';
import { hashSecret, randomToken } from '../../platform/auth/crypto.ts';
import type { Deps } from '../../platform/deps.ts';
import { forbidden } from '../../platform/errors.ts';
import { asSubmitter, type CaseCore } from './case-core.ts';
import { CSAT_LINK_DAYS } from './constants.ts';
import { toCase, toEvent } from './cases.mapper.ts';
import type { CaseEvent, ReplyInput, ResolveInput, ResolveResult } from './cases.schema.ts';
import { casesRepository, eventsRepository, feedbackRepository, partyFacts } from './cases.repository.ts';
import type { ServiceCaseTable } from './cases.tables.ts';

/** Replies and notes (the first public reply stops the first-response clock) and resolution with its CSAT link. */
export function resolutionService(deps: Deps, core: CaseCore) {
  const { db, secret } = deps;
  const { visibleCase, writableCase, refreshSla, businessMinutesSoFar, checkMove, moveStatus, saveCase } = core;
  return {
    async reply(ctx: RequestContext, id: string, input: ReplyInput): Promise<CaseEvent> {
      const orgId = ctx.actor.orgId;
      return db.transaction().execute(async (trx) => {
        await casesRepository.lock(trx, orgId, id);
        const before = await visibleCase(trx, ctx, id);
        const now = new Date();
        const submitter = asSubmitter(ctx.actor, before);
        if (
          !submitter &&
          before.type !== 'grievance' &&
          !hasRole(ctx.actor, 'admin', 'executive', 'manager', 'agent', 'hr', 'marketing')
        ) {
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
        await recordAudit(trx, ctx, {
          action: submitter ? 'case.follow_up' : 'case.reply',
          entityType: 'case',
          entityId: id,
          after: { eventId: ev.id, visibility: ev.visibility },
        });
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
          data: JSON.stringify({
            rootCause: input.rootCause,
            remedy: input.remedy,
            remedyCost: input.remedyCost ?? null,
          }),
          actor_id: ctx.actor.userId,
          at: now,
        });
        const row = await saveCase(trx, orgId, before, input.version ?? before.version, set);
        const out = toCase(row);
        await recordAudit(trx, ctx, {
          action: 'case.resolve',
          entityType: 'case',
          entityId: id,
          ...diff(toCase(before), out),
        });
        // Post-resolution satisfaction: one question by email when the party has an address.
        let feedback: ResolveResult['feedback'] = null;
        const party =
          before.type !== 'grievance' && before.party_id ? await partyFacts(trx, orgId, before.party_id) : undefined;
        const email = party?.emails[0];
        if (email) {
          const token = randomToken();
          const expiresAt = new Date(now.getTime() + CSAT_LINK_DAYS * 86_400_000);
          await feedbackRepository.insert(trx, {
            org_id: orgId,
            case_id: id,
            token_hash: hashSecret(secret, token),
            expires_at: expiresAt,
          });
          const url = `${(deps.publicUrl ?? '').replace(/\/$/, '')}/case-feedback/${token}`;
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
  };
}
