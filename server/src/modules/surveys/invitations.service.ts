import { recordAudit } from '../../platform/audit/audit.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { hashSecret, randomToken } from '../../platform/auth/crypto.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Deps } from '../../platform/deps.ts';
import { conflict, notFound, validation } from '../../platform/errors.ts';
import type { MailMessage } from '../../platform/mail/mailer.ts';
import { partiesReadModel } from '../parties/index.ts';
import { ballotsService, shuffled } from './ballots.service.ts';
import type { Invitations, InviteInput, MyLink, MySurvey, Reminders } from './surveys.schema.ts';
import { surveysRepository } from './surveys.repository.ts';
import type { surveysService } from './surveys.service.ts';
import type { SurveyRow } from './surveys.tables.ts';

type Contact = { email: string; name: string; locale: string | null };

/**
 * The invitation (or reminder) email, in the party's language (Chinese unless it prefers English). Mail of an
 * anonymous survey is deleted from the outbox once sent (its addresses would say who was reminded when).
 */
function surveyMail(survey: SurveyRow, to: Contact, url: string, expiresAt: Date, reminder: boolean): MailMessage {
  const en = to.locale?.startsWith('en') ?? false;
  const title = en ? survey.title.en : survey.title.zh;
  const until = expiresAt.toISOString().slice(0, 10);
  const anon = survey.anonymous;
  const text = en
    ? `Dear ${to.name},\n\n${reminder ? 'A reminder: we' : 'We'} would value your answers to "${title}". It takes a few minutes:\n\n${url}\n\nThe link is personal and works once, until ${until}.${anon ? ' Your answers are anonymous: they are not linked to you.' : ''}\n`
    : `${to.name}，您好：\n\n${reminder ? '温馨提醒：' : ''}诚邀您填写「${title}」，只需几分钟：\n\n${url}\n\n此链接仅供您本人使用，可提交一次，有效期至 ${until}。${anon ? '本问卷为匿名问卷，您的回答不会与您本人关联。' : ''}\n`;
  const purpose = `${anon ? 'anonymous-' : ''}survey-${reminder ? 'reminder' : 'invitation'}`;
  return { to: to.email, subject: title, text, purpose };
}

interface Issue {
  partyId: string;
  token: string;
  replaced: boolean;
}

/** Links and their mail: where a link points, whether mail can carry it, and writing links with their mail. */
function linkIssuer(deps: Deps) {
  const { secret } = deps;
  const base = () => (deps.publicUrl ?? '').replace(/\/$/, '');
  const urlOf = (token: string) => `${base()}/s/${token}`;
  const canEmail = () => deps.mail.configured && Boolean(base());

  /** Writes the links (first ones and replacements) and queues their mail; returns who was emailed. */
  async function issue(trx: Db, ctx: RequestContext, s: SurveyRow, links: Issue[], expiresAt: Date, reminder = false) {
    const hash = (l: Issue) => ({ partyId: l.partyId, tokenHash: hashSecret(secret, l.token) });
    await surveysRepository.insertInvitations(
      trx,
      ctx.actor.orgId,
      s.id,
      links.filter((l) => !l.replaced).map(hash),
      expiresAt,
    );
    await surveysRepository.replaceTokens(
      trx,
      ctx.actor.orgId,
      s.id,
      links.filter((l) => l.replaced).map(hash),
      expiresAt,
    );
    const contacts = canEmail()
      ? await partiesReadModel.contacts(
          trx,
          ctx.actor.orgId,
          links.map((l) => l.partyId),
        )
      : new Map<string, Contact>();
    for (const l of links) {
      const c = contacts.get(l.partyId);
      if (c) {
        await deps.mail.enqueue(trx, ctx.actor.orgId, surveyMail(s, c, urlOf(l.token), expiresAt, reminder));
      }
    }
    return contacts;
  }

  async function targets(trx: Db, ctx: RequestContext, s: SurveyRow, input: InviteInput): Promise<string[]> {
    if (!input.partyIds) {
      return surveysRepository.audienceParties(trx, ctx.actor.orgId, input.audience ?? s.audience);
    }
    const wanted = [...new Set(input.partyIds)];
    const found = await partiesReadModel.liveParties(trx, ctx.actor.orgId, wanted);
    const missing = wanted.filter((p) => !found.includes(p));
    if (missing.length) {
      throw validation(
        'Unknown parties',
        missing.map((p) => ({ path: ['body', 'partyIds'], message: `No party ${p}`, code: 'unknown_party' })),
      );
    }
    return found;
  }

  return { urlOf, canEmail, issue, targets };
}

/** Who gets a new link, who keeps theirs, and (named surveys) who already answered. */
function planInvitations(
  s: SurveyRow,
  partyIds: string[],
  before: Map<string, { used: boolean }>,
  reissue: boolean,
): { answered: string[]; kept: string[]; links: Issue[] } {
  // Named surveys say who answered; anonymous ones treat everyone alike (a new link of someone who answered opens
  // on "already answered").
  const answered = s.anonymous ? [] : partyIds.filter((p) => before.get(p)?.used);
  const kept = partyIds.filter((p) => before.has(p) && !reissue && !answered.includes(p));
  const links = partyIds
    .filter((p) => !answered.includes(p) && !kept.includes(p))
    .map((p) => ({ partyId: p, token: randomToken(), replaced: before.has(p) }));
  return { answered, kept, links };
}

/** Invitations and reminders. */
export function invitationsService(deps: Deps, surveys: ReturnType<typeof surveysService>) {
  const { db } = deps;
  const ballots = ballotsService(deps);
  const { urlOf, canEmail, issue, targets } = linkIssuer(deps);

  return {
    async invite(ctx: RequestContext, id: string, input: InviteInput): Promise<Invitations> {
      const result = await db.transaction().execute(async (trx) => {
        const s = await surveys.visible(ctx, id, trx);
        if (s.status === 'closed') {
          throw conflict('This survey is closed', { reason: 'SURVEY_CLOSED' });
        }
        const partyIds = await targets(trx, ctx, s, input);
        const before = new Map(
          (await surveysRepository.existingInvitations(trx, ctx.actor.orgId, id, partyIds)).map((r) => [r.party_id, r]),
        );
        const { answered, kept, links } = planInvitations(s, partyIds, before, input.reissue);
        const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
        if (s.anonymous && !canEmail() && links.length > 0 && links.length < s.min_group_size) {
          throw conflict(
            `Without mail, the links of an anonymous survey are handed out unlabelled, at least ${s.min_group_size} at a time, so that no link can be traced to a person: invite at least ${s.min_group_size} people at once, or set up mail`,
            { reason: 'TOO_FEW_FOR_ANONYMITY', minimum: s.min_group_size },
          );
        }
        const contacts = await issue(trx, ctx, s, links, expiresAt);
        // Only counts go to the audit log: no party ids, no tokens.
        await recordAudit(trx, ctx, {
          action: 'survey.invite',
          entityType: 'survey',
          entityId: id,
          after: { invitations: links.length, replaced: links.filter((l) => l.replaced).length, kept: kept.length },
        });
        const shown = s.anonymous ? (canEmail() ? [] : shuffled(links)) : links;
        return {
          items: shown.map((l) => ({
            partyId: s.anonymous ? null : l.partyId,
            token: l.token,
            url: urlOf(l.token),
            expiresAt: expiresAt.toISOString(),
            emailed: contacts.has(l.partyId),
            replaced: s.anonymous ? false : l.replaced,
          })),
          alreadyAnswered: answered,
          summary: {
            issued: links.length,
            replaced: links.filter((l) => l.replaced).length,
            kept: kept.length,
            emailed: contacts.size,
            unreachable: s.anonymous && canEmail() ? links.length - contacts.size : 0,
          },
        };
      });
      if (result.summary.emailed > 0) {
        deps.mail.kick();
      }
      return result;
    },

    /** Emails a fresh link to every invitee who has not answered (the old link stops working). */
    async remind(ctx: RequestContext, id: string, expiresInDays: number): Promise<Reminders> {
      if (!canEmail()) {
        throw conflict('Reminders need mail (TANDEM_SMTP_URL and TANDEM_PUBLIC_URL)', {
          reason: 'MAIL_NOT_CONFIGURED',
        });
      }
      const queued = await db.transaction().execute(async (trx) => {
        const s = await surveys.visible(ctx, id, trx);
        if (s.status !== 'open') {
          throw conflict('Only an open survey sends reminders', { reason: 'SURVEY_NOT_OPEN' });
        }
        const invitees = await surveysRepository.invitees(trx, ctx.actor.orgId, id);
        const done = s.anonymous
          ? await ballots.answeredAmong(
              ctx.actor.orgId,
              id,
              invitees.map((i) => i.party_id),
            )
          : new Set(invitees.filter((i) => i.used).map((i) => i.party_id));
        const links = invitees
          .filter((i) => !done.has(i.party_id))
          .map((i) => ({ partyId: i.party_id, token: randomToken(), replaced: true }));
        const contacts = await issue(trx, ctx, s, links, new Date(Date.now() + expiresInDays * 86_400_000), true);
        await recordAudit(trx, ctx, {
          action: 'survey.remind',
          entityType: 'survey',
          entityId: id,
          after: s.anonymous ? {} : { reminded: contacts.size },
        });
        return s.anonymous ? null : contacts.size;
      });
      deps.mail.kick();
      return { queued };
    },
  };
}

/** The invitee's own side: the open surveys they are invited to, and a fresh link shown only to them. */
export function myInvitationsService(deps: Deps) {
  const { db, secret } = deps;
  const ballots = ballotsService(deps);
  const { urlOf } = linkIssuer(deps);

  async function mine(ctx: RequestContext): Promise<MySurvey[]> {
    const partyId = ctx.actor.partyId;
    if (!partyId) {
      return [];
    }
    const rows = await surveysRepository.openInvitationsOf(db, ctx.actor.orgId, partyId, new Date());
    return Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        title: r.title,
        anonymous: r.anonymous,
        closesAt: r.closes_at?.toISOString() ?? null,
        answered: r.anonymous ? await ballots.hasAnswered(ctx.actor.orgId, r.id, partyId) : r.used,
      })),
    );
  }

  return {
    mine,

    /** Not audited: an audit row would say when the invitee was about to answer. */
    async myLink(ctx: RequestContext, id: string): Promise<MyLink> {
      const partyId = ctx.actor.partyId;
      if (!partyId || !(await mine(ctx)).some((s) => s.id === id)) {
        throw notFound('Survey invitation');
      }
      const token = randomToken();
      const expiresAt = new Date(Date.now() + 7 * 86_400_000);
      const row = { partyId, tokenHash: hashSecret(secret, token) };
      await surveysRepository.replaceTokens(db, ctx.actor.orgId, id, [row], expiresAt);
      return { url: urlOf(token), token, expiresAt: expiresAt.toISOString() };
    },
  };
}
