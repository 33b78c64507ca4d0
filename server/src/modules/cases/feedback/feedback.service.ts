import { recordAudit } from '../../../platform/audit/audit.ts';
import { hashSecret } from '../../../platform/auth/crypto.ts';
import type { Deps } from '../../../platform/deps.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { evaluateAlerts } from '../alerts/alerts.service.ts';
import type { publicLimits } from '../case-core.ts';
import type { FeedbackInput, PublicFeedback } from '../cases.schema.ts';
import { casesRepository, eventsRepository, feedbackRepository } from '../cases.repository.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Post-resolution satisfaction through the emailed link (public: the token is the credential). */
export function feedbackService(deps: Deps, limits: ReturnType<typeof publicLimits>) {
  const { db, secret } = deps;
  const { throttle, failed } = limits;
  return {
    async publicFeedback(token: string, ip: string): Promise<PublicFeedback> {
      await throttle(ip);
      const t = await feedbackRepository.find(db, hashSecret(secret, token));
      if (!t || t.expires_at.getTime() <= Date.now()) {
        await failed(ip);
        throw notFound('Feedback link');
      }
      return { subject: t.subject, resolvedAt: iso(t.resolved_at), answered: t.used };
    },

    async submitFeedback(
      token: string,
      input: FeedbackInput,
      meta: { ip: string; requestId: string },
    ): Promise<{ ok: true }> {
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
        await casesRepository.setSla(trx, t.org_id, t.case_id, {
          csat_score: input.score,
          csat_comment: input.comment ?? null,
          csat_at: now,
          updated_at: now,
        });
        await eventsRepository.insert(trx, {
          org_id: t.org_id,
          case_id: t.case_id,
          kind: 'csat',
          from_status: null,
          to_status: null,
          body: input.comment ?? null,
          visibility: null,
          data: JSON.stringify({ score: input.score }),
          actor_id: null,
          at: now,
        });
        await recordAudit(
          trx,
          { orgId: t.org_id, actorId: null, actorType: 'anonymous', requestId: meta.requestId, ip: meta.ip },
          { action: 'case.csat', entityType: 'case', entityId: t.case_id, after: { score: input.score } },
        );
        const row = await casesRepository.find(trx, t.org_id, t.case_id);
        if (row) {
          await evaluateAlerts(trx, t.org_id, { event: 'csat', caseRow: row });
        }
      });
      return { ok: true };
    },
  };
}
