import { hasRole, type RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit, systemWho } from '../../../platform/audit/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, conflict, forbidden, notFound } from '../../../platform/errors.ts';
import { partiesReadModel } from '../../parties/index.ts';
import type { CampaignRow } from '../care.tables.ts';
import { CAMPAIGN_RATE_PER_MINUTE, DEFAULT_COMMERCIAL_CAP } from '../constants.ts';
import { recordConsent } from '../consent/consent.service.ts';
import { pickLanguage, renderTemplate } from '../templates.ts';
import { campaignsRepository } from './campaigns.repository.ts';
import type { Campaign, SendCampaign, UnsubscribeInfo } from './campaigns.schema.ts';
import { audienceIds, foundCampaign, toCampaign } from './campaigns.service.ts';
import { ratioOf, RATIO_DAYS, reachable } from './ratio.ts';
import { readUnsubscribeToken, unsubscribeToken } from './unsubscribe-token.ts';

type State = 'queued' | 'skipped_no_address' | 'skipped_no_consent' | 'skipped_suppressed';

/** The message of one recipient in their language, with the unsubscribe link in the body and the RFC 8058 headers. */
function compose(
  c: CampaignRow,
  to: { name: string; locale: string | null },
  links: { page: string; oneClick: string },
) {
  const zh = pickLanguage(to.locale, true, false);
  const fill = (t: string) => t.replace(/\{\{\s*unsubscribe_url\s*\}\}/g, links.page);
  const body = renderTemplate(fill(pickLanguage(to.locale, c.body_zh, c.body_en)), { name: to.name });
  const hasLink = /\{\{\s*unsubscribe_url\s*\}\}/.test(pickLanguage(to.locale, c.body_zh, c.body_en));
  return {
    subject: renderTemplate(pickLanguage(to.locale, c.subject_zh, c.subject_en), { name: to.name }),
    text: hasLink ? body : `${body}\n\n${zh ? '退订' : 'Unsubscribe'}: ${links.page}`,
    headers: { 'List-Unsubscribe': `<${links.oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

/** 409 for a sent campaign or without a mail server; 403 for an override by anyone but an admin. */
function checkSendable(deps: Deps, ctx: RequestContext, campaign: CampaignRow, input: SendCampaign): void {
  if (campaign.status !== 'draft') {
    throw conflict('This campaign was sent already', { reason: 'ALREADY_SENT' });
  }
  if (!deps.mail.configured) {
    throw conflict('No mail server is set up (TANDEM_SMTP_URL): campaigns cannot be sent', {
      reason: 'MAIL_NOT_CONFIGURED',
    });
  }
  if (input.override && !hasRole(ctx.actor, 'admin')) {
    throw forbidden('Only an admin overrides the commercial-content cap');
  }
}

/**
 * Sends a draft now (docs/care.md "Campaigns"): each recipient's state is decided (no address, suppressed, no
 * consent, queued), queued messages go to the outbox spread to CAMPAIGN_RATE_PER_MINUTE, and the commercial guard
 * refuses above the cap unless an admin overrides with a reason (audited).
 */
export async function sendCampaign(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: SendCampaign,
): Promise<Campaign> {
  const { db } = deps;
  const base = (deps.publicUrl ?? 'http://localhost:3000').replace(/\/+$/, '');
  const orgId = ctx.actor.orgId;
  const campaign = await foundCampaign(db, orgId, id);
  checkSendable(deps, ctx, campaign, input);
  const ids = await audienceIds(db, orgId, campaign.audience);
  const [facts, contacts] = await Promise.all([
    campaignsRepository.audienceFacts(db, orgId, ids),
    partiesReadModel.contacts(db, orgId, ids),
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
  const ratio = ratioOf(volume, DEFAULT_COMMERCIAL_CAP, { commercial: campaign.commercial, messages });
  if (!ratio.allowed && !input.override) {
    throw new AppError(
      'COMMERCIAL_RATIO_EXCEEDED',
      'Commercial messages would exceed the cap of the last 30 days',
      ratio,
    );
  }
  await db.transaction().execute(async (trx) => {
    const rows = [];
    let queued = 0;
    for (const pid of ids) {
      const to = contacts.get(pid);
      const state = stateOf(pid);
      let outboxId: string | null = null;
      if (state === 'queued' && to) {
        const token = unsubscribeToken(deps.secret, { orgId, campaignId: id, partyId: pid });
        const links = {
          page: `${base}/unsubscribe?token=${token}`,
          oneClick: `${base}/api/public/unsubscribe?token=${token}`,
        };
        const m = compose(campaign, to, links);
        outboxId = await deps.mail.enqueue(trx, orgId, {
          to: to.email,
          ...m,
          purpose: campaign.commercial ? 'campaign-commercial' : 'campaign',
          notBefore: new Date(Date.now() + Math.floor(queued / CAMPAIGN_RATE_PER_MINUTE) * 60_000),
        });
        queued++;
      }
      rows.push({
        org_id: orgId,
        campaign_id: id,
        party_id: pid,
        address: to?.email ?? null,
        locale: to?.locale ?? null,
        state,
        outbox_id: outboxId,
      });
    }
    await campaignsRepository.insertRecipients(trx, rows);
    const sent = await campaignsRepository.markSent(
      trx,
      orgId,
      id,
      ctx.actor.userId,
      ratio.allowed ? null : (input.override?.reason ?? null),
    );
    if (!sent) {
      throw conflict('This campaign was sent already', { reason: 'ALREADY_SENT' });
    }
    await recordAudit(trx, ctx, {
      action: 'campaign.send',
      entityType: 'campaign',
      entityId: id,
      after: {
        recipients: ids.length,
        queued,
        ratio: ratio.ratioAfter,
        cap: ratio.cap,
        override: ratio.allowed ? null : input.override?.reason,
      },
    });
  });
  deps.mail.kick();
  const counts = await campaignsRepository.counts(db, orgId, [id]);
  return toCampaign(await foundCampaign(db, orgId, id), counts.get(id));
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
