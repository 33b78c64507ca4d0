import { RateLimiterMemory } from 'rate-limiter-flexible';
import { recordAudit, systemWho } from '../../platform/audit/audit.ts';
import { emitEvent } from '../../platform/webhooks/events.ts';
import { hashSecret } from '../../platform/auth/crypto.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import { checkAnswers } from './answers.ts';
import { ballotsService } from './ballots.service.ts';
import type { PublicSurvey, SubmitResponse } from './surveys.schema.ts';
import { surveysRepository } from './surveys.repository.ts';

/** Public links: budget per client address for every call, and a tighter one for unknown or expired tokens. */
export const PUBLIC_LIMITS = { perMinute: 120, failuresPer15Min: 20 };

const alreadyAnswered = () => conflict('This link has already been used to answer', { reason: 'ALREADY_ANSWERED' });

/** The public side of surveys: a link's survey, and its one answer. The token is the only credential. */
export function responsesService(deps: Deps) {
  const { db, secret } = deps;
  const ballots = ballotsService(deps);
  const calls = new RateLimiterMemory({ keyPrefix: 'survey_calls', points: PUBLIC_LIMITS.perMinute, duration: 60 });
  const failures = new RateLimiterMemory({
    keyPrefix: 'survey_fail',
    points: PUBLIC_LIMITS.failuresPer15Min,
    duration: 900,
  });

  async function openToken(token: string, ip: string) {
    const [c, f] = await Promise.all([calls.consume(ip).catch(() => null), failures.get(ip)]);
    if (!c || (f && f.remainingPoints <= 0)) {
      throw new AppError('RATE_LIMITED', 'Too many requests; try again later', { retryAfterSeconds: 60 });
    }
    const inv = await surveysRepository.findInvitation(db, hashSecret(secret, token));
    // Forged and expired links answer the same.
    if (!inv || inv.expires_at.getTime() <= Date.now()) {
      await failures.consume(ip).catch(() => undefined);
      throw notFound('Survey link');
    }
    if (inv.anonymous ? await ballots.hasAnswered(inv.org_id, inv.id, inv.invitee_id) : inv.used) {
      throw alreadyAnswered();
    }
    const now = Date.now();
    if (inv.status === 'closed' || (inv.closes_at && inv.closes_at.getTime() <= now)) {
      throw conflict('This survey is closed', { reason: 'SURVEY_CLOSED' });
    }
    if (inv.status === 'draft' || (inv.opens_at && inv.opens_at.getTime() > now)) {
      throw conflict('This survey is not open yet', { reason: 'SURVEY_NOT_OPEN' });
    }
    return inv;
  }

  return {
    async publicSurvey(token: string, ip: string): Promise<PublicSurvey> {
      const s = await openToken(token, ip);
      return {
        title: s.title,
        description: s.description,
        anonymous: s.anonymous,
        closesAt: s.closes_at?.toISOString() ?? null,
        questions: s.questions,
      };
    },

    async respond(
      token: string,
      input: SubmitResponse,
      meta: { ip: string; requestId: string },
    ): Promise<{ ok: true }> {
      const s = await openToken(token, meta.ip);
      const answers = checkAnswers(s.questions, input);
      if (s.anonymous) {
        // No audit row and nothing on the invitation: request id, address and time could tie the answer to the link.
        await ballots.submit(s, answers);
        return { ok: true };
      }
      await db.transaction().execute(async (trx) => {
        if (!(await surveysRepository.markUsed(trx, s.org_id, s.invitation_id))) {
          throw alreadyAnswered();
        }
        const g = await surveysRepository.respondentGroup(trx, s.org_id, s.invitee_id, s.audience);
        const r = await surveysRepository.insertResponse(
          trx,
          {
            org_id: s.org_id,
            survey_id: s.id,
            party_id: s.invitee_id,
            anonymous: false,
            respondent_role: g?.role ?? null,
            org_unit_id: g?.org_unit_id ?? null,
            stakeholder_group: g?.stakeholder_group ?? null,
            segment_id: g.segment_id,
          },
          answers,
        );
        await recordAudit(
          trx,
          { orgId: s.org_id, actorId: null, actorType: 'anonymous', requestId: meta.requestId, ip: meta.ip },
          {
            action: 'survey.respond',
            entityType: 'survey_response',
            entityId: r.id,
            after: { surveyId: s.id, partyId: s.invitee_id, answers: answers.length },
          },
        );
        await emitEvent(trx, systemWho(s.org_id), 'survey.response_created', {
          surveyId: s.id,
          responseId: r.id,
          partyId: s.invitee_id,
          anonymous: false,
        });
      });
      return { ok: true };
    },
  };
}
