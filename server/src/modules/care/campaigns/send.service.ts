import { hasRole, type RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit, systemWho, type Who } from '../../../platform/audit/audit.ts';
import { emitEvent } from '../../../platform/webhooks/events.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, conflict, forbidden, notFound } from '../../../platform/errors.ts';
import { partiesReadModel } from '../../parties/index.ts';
import type { CampaignRow } from '../care.tables.ts';
import { CAMPAIGN_RATE_PER_MINUTE } from '../constants.ts';
import { recordConsent } from '../consent/consent.service.ts';
import { commercialCapOf } from '../settings/settings.service.ts';
import { pickLanguage, renderTemplate } from '../templates.ts';
import { campaignsRepository } from './campaigns.repository.ts';
import type { Campaign, SendCampaign, UnsubscribeInfo } from './campaigns.schema.ts';
import { audienceIds, foundCampaign, toCampaign } from './campaigns.service.ts';
import { ratioOf, RATIO_DAYS, reachable } from './ratio.ts';
import { readUnsubscribeToken, unsubscribeToken } from './unsubscribe-token.ts';
import { campaignMessageId, messageIdHost } from './message-id.ts';

type State = 'queued' | 'skipped_no_address' | 'skipped_no_consent' | 'skipped_suppressed';

/**
 * The message of one recipient in their language, with the unsubscribe link in the body, the RFC 8058 headers and
 * the recipient's Message-ID.
 */
function compose(
  c: CampaignRow,
  to: { name: string; locale: string | null },
  links: { page: string; oneClick: string },
  messageId: string,
) {
  const zh = pickLanguage(to.locale, true, false);
  const fill = (t: string) => t.replace(/\{\{\s*unsubscribe_url\s*\}\}/g, links.page);
  const body = renderTemplate(fill(pickLanguage(to.locale, c.body_zh, c.body_en)), { name: to.name });
  const hasLink = /\{\{\s*unsubscribe_url\s*\}\}/.test(pickLanguage(to.locale, c.body_zh, c.body_en));
  return {
    subject: renderTemplate(pickLanguage(to.locale, c.subject_zh, c.subject_en), { name: to.name }),
    text: hasLink ? body : `${body}\n\n${zh ? '退订' : 'Unsubscribe'}: ${links.page}`,
    headers: {
      'List-Unsubscribe': `<${links.oneClick}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      // Stable per recipient, so a reply's In-Reply-To finds them (docs/care.md "Replies").
      'Message-ID': messageId,
    },
  };
}

/** 409 for a sent campaign or without a mail server. */
function checkSendable(deps: Deps, campaign: CampaignRow): void {
  if (campaign.status !== 'draft') {
    throw conflict('This campaign was sent already', { reason: 'ALREADY_SENT' });
  }
  if (!deps.mail.configured) {
    throw conflict('No mail server is set up (TANDEM_SMTP_URL): campaigns cannot be sent', {
      reason: 'MAIL_NOT_CONFIGURED',
    });
  }
}

/** Each recipient's state (no address, suppressed, no consent, queued) and the commercial guard's verdict. */
async function planSend(db: Db, orgId: string, campaign: CampaignRow) {
  const ids = await audienceIds(db, orgId, campaign.audience);
  const [facts, contacts, cap] = await Promise.all([
    campaignsRepository.audienceFacts(db, orgId, ids),
    partiesReadModel.contacts(db, orgId, ids),
    commercialCapOf(db, orgId),
  ]);
  const factOf = new Map(facts.map((f) => [f.party_id, f]));
  const stateOf = (pid: string): State => {
    const f = factOf.get(pid);
    if (!contacts.get(pid)) return 'skipped_no_address';
    if (f?.suppressed) return 'skipped_suppressed';
    return reachable(f) ? 'queued' : 'skipped_no_consent';
  };
  const messages = ids.filter((pid) => stateOf(pid) === 'queued').length;
  const volume = await campaignsRepository.sentVolume(db, orgId, RATIO_DAYS);
  const ratio = ratioOf(volume, cap, { commercial: campaign.commercial, messages });
  return { ids, contacts, stateOf, ratio };
}
type Plan = Awaited<ReturnType<typeof planSend>>;

const ratioExceeded = (ratio: Plan['ratio']) =>
  new AppError('COMMERCIAL_RATIO_EXCEEDED', 'Commercial messages would exceed the cap of the last 30 days', ratio);

/**
 * In one transaction: claims the draft first (a conditional UPDATE … WHERE status = 'draft' RETURNING, so a second
 * sender — a second server's scheduler, a double click — waits for the row lock and then finds it sent), then hands
 * the queued messages to the outbox spread to CAMPAIGN_RATE_PER_MINUTE and records each recipient. False when the
 * campaign was claimed by someone else.
 */
async function deliver(
  deps: Deps,
  who: Who,
  campaign: CampaignRow,
  plan: Plan,
  claim: { sentBy: string | null; overrideReason: string | null; dueOnly: boolean },
): Promise<boolean> {
  const base = (deps.publicUrl ?? 'http://localhost:3000').replace(/\/+$/, '');
  const host = messageIdHost(deps.publicUrl);
  const { org_id: orgId, id } = campaign;
  return deps.db.transaction().execute(async (trx) => {
    if (!(await campaignsRepository.claim(trx, orgId, id, claim))) {
      return false;
    }
    // The queued messages in one set-based insert into the outbox, spread to CAMPAIGN_RATE_PER_MINUTE.
    const queuedIds = plan.ids.filter((pid) => plan.stateOf(pid) === 'queued' && plan.contacts.get(pid));
    const outboxIds = await deps.mail.enqueueMany(
      trx,
      orgId,
      queuedIds.map((pid, i) => {
        const to = plan.contacts.get(pid) as { email: string; name: string; locale: string | null };
        const token = unsubscribeToken(deps.secret, { orgId, campaignId: id, partyId: pid });
        const links = {
          page: `${base}/unsubscribe?token=${token}`,
          oneClick: `${base}/api/public/unsubscribe?token=${token}`,
        };
        return {
          to: to.email,
          ...compose(campaign, to, links, campaignMessageId(id, pid, host)),
          purpose: campaign.commercial ? 'campaign-commercial' : 'campaign',
          notBefore: new Date(Date.now() + Math.floor(i / CAMPAIGN_RATE_PER_MINUTE) * 60_000),
        };
      }),
    );
    const outboxOf = new Map(queuedIds.map((pid, i) => [pid, outboxIds[i] ?? null]));
    const queued = queuedIds.length;
    const rows = plan.ids.map((pid) => {
      const to = plan.contacts.get(pid);
      return {
        org_id: orgId,
        campaign_id: id,
        party_id: pid,
        address: to?.email ?? null,
        locale: to?.locale ?? null,
        state: plan.stateOf(pid),
        outbox_id: outboxOf.get(pid) ?? null,
      };
    });
    await campaignsRepository.insertRecipients(trx, rows);
    await recordAudit(trx, who, {
      action: 'campaign.send',
      entityType: 'campaign',
      entityId: id,
      after: {
        recipients: plan.ids.length,
        queued,
        ratio: plan.ratio.ratioAfter,
        cap: plan.ratio.cap,
        override: claim.overrideReason,
        scheduled: claim.dueOnly,
      },
    });
    await emitEvent(trx, who, 'campaign.sent', { id, recipients: plan.ids.length, queued });
    return true;
  });
}

/**
 * Sends a draft now (docs/care.md "Campaigns"): each recipient's state is decided (no address, suppressed, no
 * consent, queued), queued messages go to the outbox, and the commercial guard refuses above the organisation's cap
 * unless an admin overrides with a reason (audited; anyone else passing an override: 403).
 */
export async function sendCampaign(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: SendCampaign,
): Promise<Campaign> {
  const { db } = deps;
  const orgId = ctx.actor.orgId;
  const campaign = await foundCampaign(db, orgId, id);
  checkSendable(deps, campaign);
  if (input.override && !hasRole(ctx.actor, 'admin')) {
    throw forbidden('Only an admin overrides the commercial-content cap');
  }
  const plan = await planSend(db, orgId, campaign);
  if (!plan.ratio.allowed && !input.override) {
    throw ratioExceeded(plan.ratio);
  }
  const overrideReason = plan.ratio.allowed ? null : (input.override?.reason ?? null);
  if (!(await deliver(deps, ctx, campaign, plan, { sentBy: ctx.actor.userId, overrideReason, dueOnly: false }))) {
    throw conflict('This campaign was sent already', { reason: 'ALREADY_SENT' });
  }
  deps.mail.kick();
  const counts = await campaignsRepository.counts(db, orgId, [id]);
  return toCampaign(await foundCampaign(db, orgId, id), counts.get(id));
}

/**
 * The scheduler (docs/care.md "Scheduled sending"): every due draft is sent as the system, exactly once even with
 * several servers (the claim in `deliver`). A campaign the guard refuses, or with no mail server, is not retried:
 * it keeps its draft state with `sendError` (audited) until someone changes or sends it. Returns the campaigns sent.
 */
export async function sendDueCampaigns(deps: Deps, now: Date = new Date()): Promise<number> {
  let sent = 0;
  for (const due of await campaignsRepository.due(deps.db, now)) {
    const campaign = await campaignsRepository.find(deps.db, due.org_id, due.id);
    if (!campaign || campaign.status !== 'draft') continue;
    const who = systemWho(due.org_id);
    const plan = deps.mail.configured ? await planSend(deps.db, due.org_id, campaign) : null;
    const error = !plan ? 'MAIL_NOT_CONFIGURED' : plan.ratio.allowed ? null : 'COMMERCIAL_RATIO_EXCEEDED';
    if (!plan || error) {
      await deps.db.transaction().execute(async (trx) => {
        if (await campaignsRepository.markSendError(trx, due.org_id, due.id, error ?? 'MAIL_NOT_CONFIGURED')) {
          await recordAudit(trx, who, {
            action: 'campaign.send',
            entityType: 'campaign',
            entityId: due.id,
            after: { refused: error, ratio: plan?.ratio.ratioAfter ?? null, cap: plan?.ratio.cap ?? null },
          });
        }
      });
      continue;
    }
    const claim = { sentBy: null, overrideReason: null, dueOnly: true };
    if (await deliver(deps, who, campaign, plan, claim)) sent++;
  }
  if (sent) deps.mail.kick();
  return sent;
}

/** Sending a campaign through the outbox, and the one-click unsubscribe (docs/care.md "Campaigns", "Unsubscribe"). */
export function campaignSendService(deps: Deps) {
  const { db } = deps;

  return {
    send: (ctx: RequestContext, id: string, input: SendCampaign) => sendCampaign(deps, ctx, id, input),

    /** What the link will do (writes nothing); an unknown or forged token is not found. */
    async unsubscribeInfo(token: string): Promise<UnsubscribeInfo> {
      const claim = readUnsubscribeToken(deps.secret, token);
      const r = claim && (await campaignsRepository.recipient(db, claim.orgId, claim.campaignId, claim.partyId));
      const org = claim && (await campaignsRepository.orgName(db, claim.orgId));
      if (!claim || !r || !org) {
        throw notFound('Unsubscribe link');
      }
      const facts = await campaignsRepository.audienceFacts(db, claim.orgId, [claim.partyId]);
      const masked = r.address ? r.address.replace(/^(.)[^@]*(@.*)$/, '$1…$2') : null;
      return {
        organization: org.name,
        channel: 'email',
        address: masked,
        unsubscribed: facts[0]?.consent === 'withdrawn',
        locale: r.locale ?? org.default_locale,
      };
    },

    /** Withdraws email consent (source unsubscribe_link, on the timeline) and marks the recipient; idempotent. */
    async unsubscribe(token: string): Promise<{ ok: true }> {
      const claim = readUnsubscribeToken(deps.secret, token);
      const r = claim && (await campaignsRepository.recipient(db, claim.orgId, claim.campaignId, claim.partyId));
      if (!claim || !r) {
        throw notFound('Unsubscribe link');
      }
      await db.transaction().execute(async (trx) => {
        await recordConsent(trx, systemWho(claim.orgId), claim.orgId, claim.partyId, {
          consents: [{ channel: 'email', status: 'withdrawn' }],
          source: 'unsubscribe_link',
          note: `Campaign ${claim.campaignId}`,
        });
        if (r.state === 'queued') {
          await campaignsRepository.markUnsubscribed(trx, claim.orgId, claim.campaignId, claim.partyId);
        }
      });
      return { ok: true };
    },
  };
}
