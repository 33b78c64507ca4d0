import type { RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit, type AuditWho } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Deps } from '../../../platform/deps.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import type { Page } from '../../../platform/http/common.schema.ts';
import { normalizePhone, readableParty, writableParty } from '../../parties/index.ts';
import type { SuppressionRow } from '../care.tables.ts';
import { consentChannels, type ConsentChannel, type ConsentStatus } from '../constants.ts';
import { consentRepository, suppressionsRepository } from './consent.repository.ts';
import type {
  CreateSuppression,
  ListSuppressionsQuery,
  PartyConsent,
  PutConsent,
  Suppression,
} from './consent.schema.ts';

const toSuppression = (r: SuppressionRow): Suppression => ({
  id: r.id,
  channel: r.channel,
  address: r.address,
  reason: r.reason,
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
});

/** How an address is kept on the list: emails in lower case, phones in E.164 where they parse. */
export function suppressionAddress(channel: ConsentChannel, address: string): string {
  const a = address.trim();
  if (channel === 'email') {
    return a.toLowerCase();
  }
  return channel === 'sms' ? (normalizePhone(a) ?? a) : a;
}

/** A party's consent per channel: the latest recorded change, `unknown` when none was ever recorded. */
export async function consentOf(db: Db, orgId: string, partyId: string): Promise<PartyConsent> {
  const [rows, suppressed] = await Promise.all([
    consentRepository.current(db, orgId, partyId),
    consentRepository.suppressedChannels(db, orgId, partyId),
  ]);
  return {
    partyId,
    channels: consentChannels.map((channel) => {
      const r = rows.find((x) => x.channel === channel);
      return {
        channel,
        status: r?.status ?? 'unknown',
        source: r?.source ?? null,
        note: r?.note ?? null,
        at: r?.at.toISOString() ?? null,
        suppressed: suppressed.includes(channel),
      };
    }),
  };
}

/**
 * Records consent changes of one party in the caller's transaction (one event per channel that changes; setting the
 * status a channel already has records nothing), audited. Campaign sends and the unsubscribe link use it too.
 */
export async function recordConsent(
  trx: Db,
  who: RequestContext | AuditWho,
  orgId: string,
  partyId: string,
  change: { consents: { channel: ConsentChannel; status: ConsentStatus }[]; source: string; note?: string | null },
): Promise<number> {
  const before = await consentRepository.current(trx, orgId, partyId);
  const changed = change.consents.filter((c) => before.find((b) => b.channel === c.channel)?.status !== c.status);
  if (!changed.length) {
    return 0;
  }
  const actorId = 'actor' in who ? who.actor.userId : who.actorId;
  await consentRepository.insert(
    trx,
    changed.map((c) => ({
      org_id: orgId,
      party_id: partyId,
      channel: c.channel,
      status: c.status,
      source: change.source,
      note: change.note ?? null,
      actor_id: actorId,
    })),
  );
  await recordAudit(trx, who, {
    action: 'consent.update',
    entityType: 'party',
    entityId: partyId,
    before: Object.fromEntries(
      changed.map((c) => [c.channel, before.find((b) => b.channel === c.channel)?.status ?? 'unknown']),
    ),
    after: { ...Object.fromEntries(changed.map((c) => [c.channel, c.status])), source: change.source },
  });
  return changed.length;
}

/** Consent per party and channel, and the organisation's suppression list (docs/care.md "Consent"). */
export function consentService(deps: Deps) {
  const { db } = deps;
  return {
    async get(ctx: RequestContext, partyId: string): Promise<PartyConsent> {
      await readableParty(db, ctx, partyId);
      return consentOf(db, ctx.actor.orgId, partyId);
    },

    async put(ctx: RequestContext, partyId: string, input: PutConsent): Promise<PartyConsent> {
      await db.transaction().execute(async (trx) => {
        await writableParty(trx, ctx, partyId);
        await recordConsent(trx, ctx, ctx.actor.orgId, partyId, input);
      });
      return consentOf(db, ctx.actor.orgId, partyId);
    },

    async listSuppressions(ctx: RequestContext, q: ListSuppressionsQuery): Promise<Page<Suppression>> {
      const page = await suppressionsRepository.list(db, ctx.actor.orgId, q);
      return { items: page.items.map(toSuppression), nextCursor: page.nextCursor };
    },

    async addSuppression(ctx: RequestContext, input: CreateSuppression): Promise<Suppression> {
      return db.transaction().execute(async (trx) => {
        const row = await suppressionsRepository.insert(trx, {
          org_id: ctx.actor.orgId,
          channel: input.channel,
          address: suppressionAddress(input.channel, input.address),
          reason: input.reason ?? null,
          created_by: ctx.actor.userId,
        });
        if (!row) {
          throw conflict('This address is on the suppression list already', { reason: 'ALREADY_SUPPRESSED' });
        }
        const out = toSuppression(row);
        await recordAudit(trx, ctx, { action: 'create', entityType: 'care_suppression', entityId: row.id, after: out });
        return out;
      });
    },

    async removeSuppression(ctx: RequestContext, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = await suppressionsRepository.find(trx, ctx.actor.orgId, id);
        if (!row) {
          throw notFound('Suppression');
        }
        await suppressionsRepository.delete(trx, ctx.actor.orgId, id);
        await recordAudit(trx, ctx, {
          action: 'delete',
          entityType: 'care_suppression',
          entityId: id,
          before: toSuppression(row),
        });
      });
    },
  };
}
