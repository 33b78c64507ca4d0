import { recordAudit } from '../../../platform/audit/audit.ts';
import { hashSecret, randomToken } from '../../../platform/auth/crypto.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Deps } from '../../../platform/deps.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { evaluateAlerts } from '../alerts/alerts.service.ts';
import { addEvent } from '../case-core.ts';
import { casesRepository, partyFacts } from '../cases.repository.ts';
import type { ResolveResult } from '../cases.schema.ts';
import type { CaseRow } from '../cases.tables.ts';
import { CSAT_LINK_DAYS } from '../constants.ts';
import type { PublicLimits } from '../public-limits.ts';
import type { FeedbackInput, PublicFeedback } from './feedback.schema.ts';
import { feedbackRepository } from './feedback.repository.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * Post-resolution satisfaction: one question by email when the party has an address, inside the resolving
 * transaction. Returns the invitation for the answer (null without an address) and whether mail was queued.
 */
export async function inviteFeedback(
  trx: Db,
  deps: Deps,
  c: Pick<CaseRow, 'org_id' | 'id' | 'type' | 'party_id' | 'subject'>,
  now: Date,
): Promise<{ feedback: ResolveResult['feedback']; mailed: boolean }> {
  const party = c.type !== 'grievance' && c.party_id ? await partyFacts(trx, c.org_id, c.party_id) : undefined;
  const email = party?.emails[0];
  if (!email) {
    return { feedback: null, mailed: false };
  }
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + CSAT_LINK_DAYS * 86_400_000);
  await feedbackRepository.insert(trx, {
    org_id: c.org_id,
    case_id: c.id,
    token_hash: hashSecret(deps.secret, token),
    expires_at: expiresAt,
  });
  const url = `${(deps.publicUrl ?? '').replace(/\/$/, '')}/case-feedback/${token}`;
  const mailed = deps.mail.configured;
  if (mailed) {
    await deps.mail.enqueue(trx, c.org_id, {
      to: email,
      subject: `How did we do? / 您对处理结果满意吗？ — ${c.subject}`,
      text: `Your request "${c.subject}" has been resolved. How satisfied are you with how we resolved it? Answer with one click (1–5): ${url}\n\n您反映的问题「${c.subject}」已处理完毕。请为处理结果打分（1–5）：${url}`,
      purpose: 'case-csat',
    });
  }
  return { feedback: { url: mailed ? null : url, expiresAt: expiresAt.toISOString(), emailed: mailed }, mailed };
}

/** Post-resolution satisfaction through the emailed link (public: the token is the credential). */
export function feedbackService(deps: Deps, limits: PublicLimits) {
  const { db, secret } = deps;
  const { throttle, failed } = limits;

  /** The link's token row, or 404 (unknown and expired answer the same, and count as failures). */
  async function validToken(token: string, ip: string) {
    await throttle(ip);
    const t = await feedbackRepository.find(db, hashSecret(secret, token));
    if (!t || t.expires_at.getTime() <= Date.now()) {
      await failed(ip);
      throw notFound('Feedback link');
    }
    return t;
  }

  return {
    async publicFeedback(token: string, ip: string): Promise<PublicFeedback> {
      const t = await validToken(token, ip);
      return { subject: t.subject, resolvedAt: iso(t.resolved_at), answered: t.used };
    },

    async submitFeedback(
      token: string,
      input: FeedbackInput,
      meta: { ip: string; requestId: string },
    ): Promise<{ ok: true }> {
      const t = await validToken(token, meta.ip);
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
        await addEvent(trx, {
          org_id: t.org_id,
          case_id: t.case_id,
          kind: 'csat',
          body: input.comment ?? null,
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
