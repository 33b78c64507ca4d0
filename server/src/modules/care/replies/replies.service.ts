import type { RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit, systemWho } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Deps } from '../../../platform/deps.ts';
import { notFound, validation } from '../../../platform/errors.ts';
import { bulkInsertInteractions } from '../../parties/index.ts';
import { repliedRecipients, senderAddress } from '../campaigns/message-id.ts';
import { newInboundToken, tokenMatches, tokenOrg } from '../inbound-token.ts';
import { publicLimits } from '../public-limits.ts';
import { repliesRepository as repo } from './replies.repository.ts';
import type { InboundMail, InboundResult, MailSettings } from './replies.schema.ts';

// An interaction holds at most these (docs/care.md "Replies": longer subjects and texts are cut, the mail is kept).
const SUBJECT_MAX = 300;
const BODY_MAX = 20_000;

type Match = { matchedBy: 'reply_header' | 'sender' | 'none'; partyId: string | null; campaignId: string | null };

/**
 * Whom a message answers: the campaign recipient its In-Reply-To / References name, else the one live party with the
 * sender's address (none, or several: not linked).
 */
async function matchOf(trx: Db, orgId: string, input: InboundMail): Promise<Match> {
  const pairs = repliedRecipients(input.inReplyTo, input.references);
  const recipient = pairs.length ? await repo.recipientOf(trx, orgId, pairs) : undefined;
  if (recipient) {
    return { matchedBy: 'reply_header', partyId: recipient.party_id, campaignId: recipient.campaign_id };
  }
  const address = senderAddress(input.from);
  const parties = address ? await repo.partiesByEmail(trx, orgId, address) : [];
  return parties.length === 1 && parties[0]
    ? { matchedBy: 'sender', partyId: parties[0].id, campaignId: null }
    : { matchedBy: 'none', partyId: null, campaignId: null };
}

/** Stores one inbound message once by its Message-ID; a matched one becomes an inbound email interaction. */
async function receive(trx: Db, orgId: string, messageId: string, input: InboundMail): Promise<InboundResult> {
  const match = await matchOf(trx, orgId, input);
  const claimed = await repo.claim(trx, {
    org_id: orgId,
    message_id: messageId,
    from_address: input.from,
    subject: input.subject,
    matched_by: match.matchedBy,
    party_id: match.partyId,
    campaign_id: match.campaignId,
  });
  if (!claimed) {
    const before = await repo.received(trx, orgId, messageId);
    return { matched: Boolean(before?.party_id), duplicate: true };
  }
  const who = systemWho(orgId);
  if (match.partyId) {
    const { created } = await bulkInsertInteractions(trx, who, [
      {
        partyId: match.partyId,
        channel: 'email',
        direction: 'inbound',
        subject: (input.subject.trim() || '(no subject)').slice(0, SUBJECT_MAX),
        body: input.text ? input.text.slice(0, BODY_MAX) : null,
        userId: null,
      },
    ]);
    if (created[0]) {
      await repo.setInteraction(trx, orgId, messageId, created[0]);
    }
    if (match.campaignId) {
      await repo.markReplied(trx, orgId, match.campaignId, match.partyId, claimed.received_at);
    }
  }
  await recordAudit(trx, who, {
    action: 'care_mail.inbound',
    entityType: 'care_inbound_mail',
    entityId: null,
    after: { matchedBy: match.matchedBy, partyId: match.partyId, campaignId: match.campaignId },
  });
  return { matched: Boolean(match.partyId), duplicate: false };
}

/** Replies and other inbound mail through a provider's inbound-parse webhook (docs/care.md "Replies"). */
export function repliesService(deps: Deps) {
  const { db } = deps;
  const limits = publicLimits('care_mail_inbound');

  return {
    async settings(ctx: RequestContext): Promise<MailSettings> {
      const s = await repo.settings(db, ctx.actor.orgId);
      return { tokenSet: Boolean(s?.token_hash), tokenCreatedAt: s?.token_created_at?.toISOString() ?? null };
    },

    /** A new token (shown once, stored hashed); the old one stops working at once. */
    async rotateToken(ctx: RequestContext): Promise<{ token: string; createdAt: string }> {
      const orgId = ctx.actor.orgId;
      const { token, hash } = newInboundToken(orgId, 'tmm');
      return db.transaction().execute(async (trx) => {
        const row = await repo.setToken(trx, orgId, hash, ctx.actor.userId);
        await recordAudit(trx, ctx, { action: 'care_mail.token', entityType: 'care_inbound_mail', entityId: null });
        return { token, createdAt: (row.token_created_at ?? new Date()).toISOString() };
      });
    },

    /** The webhook: the organisation's token in the path (hashed at rest, constant-time compare); 404 for any bad one. */
    async inbound(token: string, input: InboundMail, ip: string): Promise<InboundResult> {
      await limits.throttle(ip);
      const orgId = tokenOrg(token, 'tmm');
      const settings = orgId ? await repo.settings(db, orgId) : undefined;
      if (!orgId || !tokenMatches(token, settings?.token_hash ?? null)) {
        await limits.failed(ip);
        throw notFound('Inbound endpoint');
      }
      const messageId = input.messageId.replace(/^<+|>+$/g, '').trim();
      if (!messageId) {
        throw validation('No Message-ID', [{ path: ['body', 'messageId'], message: 'Empty', code: 'too_small' }]);
      }
      return db.transaction().execute((trx) => receive(trx, orgId, messageId, input));
    },
  };
}
