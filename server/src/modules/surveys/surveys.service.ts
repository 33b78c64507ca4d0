import { RateLimiterMemory } from 'rate-limiter-flexible';
import { hasRole, type Actor, type RequestContext } from '../../platform/auth/actor.ts';
import { diff, recordAudit } from '../../platform/audit/audit.ts';
import { hashSecret, randomToken } from '../../platform/auth/crypto.ts';
import { failedUpdate } from '../../platform/db/versioned.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, conflict, forbidden, notFound, validation } from '../../platform/errors.ts';
import type { Page } from '../../platform/http/common.schema.ts';
import type { MailMessage } from '../../platform/mail/mailer.ts';
import { checkAnswers, normaliseQuestions } from './answers.ts';
import { surveyStatusMoves } from './constants.ts';
import type {
  Audience,
  CreateSurvey,
  Invitations,
  PublicSurvey,
  SubmitResponse,
  Survey,
  UpdateSurvey,
} from './surveys.schema.ts';
import { partiesReadModel } from '../parties/index.ts';
import { surveysRepository } from './surveys.repository.ts';
import type { SurveyRow, SurveyTable } from './surveys.tables.ts';
import { templateQuestions } from './templates.ts';
import type { Updateable } from 'kysely';

/** Employee-side surveys (audience employees, eNPS, engagement) belong to HR's circle: HR and admin only. */
export const isEmployeeSide = (s: Pick<SurveyRow, 'kind' | 'audience'>) =>
  s.audience.kind === 'employees' || s.kind === 'enps' || s.kind === 'engagement';
export const mayReadEmployeeSide = (a: Actor) => hasRole(a, 'hr', 'admin');

export function toSurvey(r: SurveyRow): Survey {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    description: r.description,
    audience: r.audience,
    anonymous: r.anonymous,
    minGroupSize: r.min_group_size,
    opensAt: r.opens_at?.toISOString() ?? null,
    closesAt: r.closes_at?.toISOString() ?? null,
    status: r.status,
    legalNextStatuses: [...surveyStatusMoves[r.status]],
    questions: r.questions,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

/** The invitation email, in the party's language (Chinese unless it prefers English). */
function invitationMail(
  survey: SurveyRow,
  to: { email: string; name: string; locale: string | null },
  url: string,
  expiresAt: Date,
): MailMessage {
  const en = to.locale?.startsWith('en') ?? false;
  const title = en ? survey.title.en : survey.title.zh;
  const until = expiresAt.toISOString().slice(0, 10);
  const text = en
    ? `Dear ${to.name},\n\nWe would value your answers to "${title}". It takes a few minutes:\n\n${url}\n\nThe link is personal and works once, until ${until}.${survey.anonymous ? ' Your answers are anonymous: they are not linked to you.' : ''}\n`
    : `${to.name}，您好：\n\n诚邀您填写「${title}」，只需几分钟：\n\n${url}\n\n此链接仅供您本人使用，可提交一次，有效期至 ${until}。${survey.anonymous ? '本问卷为匿名问卷，您的回答不会与您本人关联。' : ''}\n`;
  return { to: to.email, subject: title, text, purpose: 'survey-invitation' };
}

/** Public links: budget per client address for every call, and a tighter one for unknown or expired tokens. */
export const PUBLIC_LIMITS = { perMinute: 120, failuresPer15Min: 20 };

export function surveysService(deps: Deps) {
  const { db, secret } = deps;
  const calls = new RateLimiterMemory({ keyPrefix: 'survey_calls', points: PUBLIC_LIMITS.perMinute, duration: 60 });
  const failures = new RateLimiterMemory({
    keyPrefix: 'survey_fail',
    points: PUBLIC_LIMITS.failuresPer15Min,
    duration: 900,
  });

  /** A survey the actor may see, or 404 (employee-side ones exist only for HR and admin). */
  async function visible(ctx: RequestContext, id: string, trx = db): Promise<SurveyRow> {
    const row = await surveysRepository.find(trx, ctx.actor.orgId, id);
    if (!row || (isEmployeeSide(row) && !mayReadEmployeeSide(ctx.actor))) {
      throw notFound('Survey');
    }
    return row;
  }

  function checkAudience(actor: Actor, s: Pick<SurveyRow, 'kind' | 'audience'>) {
    if (isEmployeeSide(s) && !mayReadEmployeeSide(actor)) {
      throw forbidden('Employee surveys are for HR and admin');
    }
    if (s.audience.kind === 'stakeholderGroup' && !s.audience.stakeholderGroup) {
      throw validation('A stakeholder group audience names the group', [
        { path: ['body', 'audience', 'stakeholderGroup'], message: 'Required', code: 'required' },
      ]);
    }
  }

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
    if (inv.used) {
      throw conflict('This link has already been used to answer', { reason: 'ALREADY_ANSWERED' });
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
    visible,

    async list(
      ctx: RequestContext,
      q: { status?: SurveyRow['status'] | undefined; limit: number; cursor: string | undefined },
    ): Promise<Page<Survey>> {
      const page = await surveysRepository.list(
        db,
        ctx.actor.orgId,
        { status: q.status, employeeSide: mayReadEmployeeSide(ctx.actor) },
        q,
      );
      return { items: page.items.map(toSurvey), nextCursor: page.nextCursor };
    },

    get: async (ctx: RequestContext, id: string) => toSurvey(await visible(ctx, id)),

    async create(ctx: RequestContext, input: CreateSurvey): Promise<Survey> {
      checkAudience(ctx.actor, input);
      const questions = normaliseQuestions(input.questions ?? templateQuestions(input.kind));
      return db.transaction().execute(async (trx) => {
        const row = await surveysRepository.insert(trx, {
          org_id: ctx.actor.orgId,
          kind: input.kind,
          title: JSON.stringify(input.title),
          description: input.description ? JSON.stringify(input.description) : null,
          audience: JSON.stringify(input.audience),
          anonymous: input.anonymous,
          min_group_size: input.minGroupSize,
          opens_at: input.opensAt ?? null,
          closes_at: input.closesAt ?? null,
          questions: JSON.stringify(questions),
          created_by: ctx.actor.userId,
        });
        const out = toSurvey(row);
        await recordAudit(trx, ctx, { action: 'survey.create', entityType: 'survey', entityId: row.id, after: out });
        return out;
      });
    },

    async update(ctx: RequestContext, id: string, version: number, input: UpdateSurvey): Promise<Survey> {
      return db.transaction().execute(async (trx) => {
        const before = await visible(ctx, id, trx);
        const set: Updateable<SurveyTable> = {};
        const draftOnly = (['questions', 'audience', 'anonymous'] as const).filter((k) => input[k] !== undefined);
        if (draftOnly.length && before.status !== 'draft') {
          throw validation(
            `${draftOnly.join(', ')} can change only while the survey is a draft`,
            draftOnly.map((k) => ({ path: ['body', k], message: 'Survey is not a draft', code: 'not_draft' })),
          );
        }
        if (input.status !== undefined && input.status !== before.status) {
          const legal = surveyStatusMoves[before.status];
          if (!legal.includes(input.status)) {
            throw validation(`A ${before.status} survey cannot become ${input.status}`, [
              {
                path: ['body', 'status'],
                message: `Not a legal move from ${before.status}`,
                code: 'illegal_transition',
                from: before.status,
                legalNextStatuses: legal,
              },
            ]);
          }
          set.status = input.status;
        }
        if (input.audience) {
          checkAudience(ctx.actor, { kind: before.kind, audience: input.audience });
          set.audience = JSON.stringify(input.audience);
        }
        if (input.questions) {
          set.questions = JSON.stringify(normaliseQuestions(input.questions));
        }
        if (input.title) {
          set.title = JSON.stringify(input.title);
        }
        if (input.description !== undefined) {
          set.description = input.description ? JSON.stringify(input.description) : null;
        }
        if (input.anonymous !== undefined) {
          set.anonymous = input.anonymous;
        }
        if (input.minGroupSize !== undefined) {
          set.min_group_size = input.minGroupSize;
        }
        if (input.opensAt !== undefined) {
          set.opens_at = input.opensAt;
        }
        if (input.closesAt !== undefined) {
          set.closes_at = input.closesAt;
        }
        const row = await surveysRepository.update(trx, ctx.actor.orgId, id, version, set);
        if (!row) {
          failedUpdate(toSurvey(before), 'Survey');
        }
        const out = toSurvey(row);
        await recordAudit(trx, ctx, {
          action: 'survey.update',
          entityType: 'survey',
          entityId: id,
          ...diff(toSurvey(before), out),
        });
        return out;
      });
    },

    async invite(
      ctx: RequestContext,
      id: string,
      input: { partyIds?: string[] | undefined; audience?: Audience | undefined; expiresInDays: number },
    ): Promise<Invitations> {
      const result = await db.transaction().execute(async (trx) => {
        const survey = await visible(ctx, id, trx);
        if (survey.status === 'closed') {
          throw conflict('This survey is closed', { reason: 'SURVEY_CLOSED' });
        }
        let partyIds: string[];
        if (input.partyIds) {
          const wanted = [...new Set(input.partyIds)];
          partyIds = await partiesReadModel.liveParties(trx, ctx.actor.orgId, wanted);
          const missing = wanted.filter((p) => !partyIds.includes(p));
          if (missing.length) {
            throw validation(
              'Unknown parties',
              missing.map((p) => ({ path: ['body', 'partyIds'], message: `No party ${p}`, code: 'unknown_party' })),
            );
          }
        } else {
          partyIds = await surveysRepository.audienceParties(trx, ctx.actor.orgId, input.audience ?? survey.audience);
        }
        const tokens = new Map(partyIds.map((p) => [p, randomToken()]));
        const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
        const done = await surveysRepository.upsertInvitations(
          trx,
          ctx.actor.orgId,
          id,
          partyIds.map((p) => ({ partyId: p, tokenHash: hashSecret(secret, tokens.get(p) ?? '') })),
          expiresAt,
        );
        const issued = new Set(done.map((d) => d.party_id));
        // Only the count goes to the audit log: no party ids, no tokens (anonymous surveys must not be linkable).
        await recordAudit(trx, ctx, {
          action: 'survey.invite',
          entityType: 'survey',
          entityId: id,
          after: { invitations: issued.size },
        });
        const base = (deps.publicUrl ?? '').replace(/\/$/, '');
        const urlOf = (p: string) => `${base}/s/${tokens.get(p) ?? ''}`;
        // Email needs an absolute link (config requires TANDEM_PUBLIC_URL with SMTP); queued in this transaction.
        const contacts =
          deps.mail.configured && base
            ? await partiesReadModel.contacts(trx, ctx.actor.orgId, [...issued])
            : new Map<string, { email: string; name: string; locale: string | null }>();
        for (const [partyId, c] of contacts) {
          await deps.mail.enqueue(trx, ctx.actor.orgId, invitationMail(survey, c, urlOf(partyId), expiresAt));
        }
        return {
          items: partyIds
            .filter((p) => issued.has(p))
            .map((p) => ({
              partyId: p,
              token: tokens.get(p) ?? '',
              url: urlOf(p),
              expiresAt: expiresAt.toISOString(),
              emailed: contacts.has(p),
            })),
          alreadyAnswered: partyIds.filter((p) => !issued.has(p)),
        };
      });
      if (result.items.some((i) => i.emailed)) {
        deps.mail.kick();
      }
      return result;
    },

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
      await db.transaction().execute(async (trx) => {
        if (!(await surveysRepository.markUsed(trx, s.org_id, s.invitation_id))) {
          throw conflict('This link has already been used to answer', { reason: 'ALREADY_ANSWERED' });
        }
        const g = await surveysRepository.respondentGroup(trx, s.org_id, s.invitee_id, s.audience);
        const r = await surveysRepository.insertResponse(
          trx,
          {
            org_id: s.org_id,
            survey_id: s.id,
            party_id: s.anonymous ? null : s.invitee_id,
            anonymous: s.anonymous,
            respondent_role: g?.role ?? null,
            org_unit_id: g?.org_unit_id ?? null,
            stakeholder_group: g?.stakeholder_group ?? null,
          },
          answers,
        );
        // Anonymous responses leave no audit row: request id, address and time could tie them to the link.
        if (!s.anonymous) {
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
        }
      });
      return { ok: true };
    },
  };
}
