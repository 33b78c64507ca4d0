import type { RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { conflict, validation } from '../../../platform/errors.ts';
import type { Page } from '../../../platform/http/common.schema.ts';
import { canSeeFull, customerVisibility, ensurePartyLink, readableParty, writableParty } from '../../parties/index.ts';
import type { ReferralRewardRow } from '../care.tables.ts';
import { periodOf } from '../period.ts';
import { publicLimits } from '../public-limits.ts';
import { newReferralCode } from './referral-code.ts';
import { landReferral, referralLandingInfo } from './referral-landing.ts';
import { referralRepository as repo } from './referral.repository.ts';
import type {
  CreateReward,
  PublicReferral,
  RecordReferral,
  Referral,
  ReferralLink,
  ReferralSummary,
  Reward,
} from './referral.schema.ts';

type ReferralRow = NonNullable<Awaited<ReturnType<typeof repo.referralOf>>>;

export const toReferral = (r: ReferralRow): Referral => ({
  id: r.id,
  referrerId: r.referrer_id,
  referredId: r.referred_id,
  source: r.source,
  note: r.note,
  createdAt: r.created_at.toISOString(),
});

const toReward = (r: ReferralRewardRow & { party_name: string }): Reward => ({
  id: r.id,
  partyId: r.party_id,
  partyName: r.party_name,
  kind: r.kind as Reward['kind'],
  amount: r.amount,
  currency: r.currency,
  note: r.note,
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
});

/** Records that `referrerId` referred `referredId` (a referred_by link too); a party is referred once (409). */
export async function recordReferral(deps: Deps, ctx: RequestContext, input: RecordReferral): Promise<Referral> {
  const { db } = deps;
  const orgId = ctx.actor.orgId;
  if (input.referrerId === input.referredId) {
    throw validation('A party does not refer itself', [
      { path: ['body', 'referredId'], message: 'A party does not refer itself', code: 'self_referral' },
    ]);
  }
  return db.transaction().execute(async (trx) => {
    await writableParty(trx, ctx, input.referrerId);
    await readableParty(trx, ctx, input.referredId).catch(() => {
      throw validation('No such party', [
        { path: ['body', 'referredId'], message: 'No such party', code: 'unknown_reference' },
      ]);
    });
    const row = await repo.insertReferral(trx, {
      org_id: orgId,
      referrer_id: input.referrerId,
      referred_id: input.referredId,
      source: 'manual',
      note: input.note ?? null,
      created_by: ctx.actor.userId,
    });
    if (!row) {
      const prior = await repo.referralOf(trx, orgId, input.referredId);
      if (prior?.referrer_id === input.referrerId) {
        return toReferral(prior);
      }
      throw conflict('This party was referred already', { code: 'ALREADY_REFERRED', referralId: prior?.id });
    }
    await ensurePartyLink(trx, ctx, orgId, {
      fromPartyId: input.referredId,
      toPartyId: input.referrerId,
      type: 'referred_by',
      createdBy: ctx.actor.userId,
    });
    const out = toReferral(row);
    await recordAudit(trx, ctx, { action: 'create', entityType: 'care_referral', entityId: row.id, after: out });
    return out;
  });
}

/** Referral links, referrals (each a `referred_by` link too), rewards and counts (docs/care.md "Referral"). */
export function referralService(deps: Deps) {
  const { db } = deps;
  const base = () => (deps.publicUrl ?? 'http://localhost:3000').replace(/\/+$/, '');
  const limits = publicLimits('care_referral');
  const visibleRead = async (ctx: RequestContext) =>
    canSeeFull(ctx.actor, await customerVisibility(db, ctx.actor.orgId), 'read');

  async function link(ctx: RequestContext, partyId: string): Promise<ReferralLink> {
    const orgId = ctx.actor.orgId;
    const row = await repo.code(db, orgId, partyId);
    return {
      partyId,
      code: row?.code ?? null,
      url: row ? `${base()}/r/${row.code}` : null,
      referrals: await repo.referralCount(db, orgId, partyId),
      createdAt: row?.created_at.toISOString() ?? null,
    };
  }

  return {
    /** The party's link, or none yet (a GET makes none). */
    async get(ctx: RequestContext, partyId: string): Promise<ReferralLink> {
      await readableParty(db, ctx, partyId);
      return link(ctx, partyId);
    },

    /** Makes the party's code if it has none (the first one stays: its link may have been shared). */
    async ensure(ctx: RequestContext, partyId: string): Promise<{ created: boolean; link: ReferralLink }> {
      const orgId = ctx.actor.orgId;
      const created = await db.transaction().execute(async (trx) => {
        await writableParty(trx, ctx, partyId);
        if (await repo.code(trx, orgId, partyId)) {
          return false;
        }
        const code = newReferralCode(deps.secret, { orgId, partyId });
        await repo.insertCode(trx, { org_id: orgId, party_id: partyId, code, created_by: ctx.actor.userId });
        await recordAudit(trx, ctx, { action: 'create', entityType: 'care_referral', entityId: partyId, after: {} });
        return true;
      });
      return { created, link: await link(ctx, partyId) };
    },

    record: (ctx: RequestContext, input: RecordReferral) => recordReferral(deps, ctx, input),

    land: (code: string, input: PublicReferral, ip: string) => landReferral(deps, limits, code, input, ip),
    landingInfo: (code: string, ip: string) => referralLandingInfo(deps, limits, code, ip),

    async addReward(ctx: RequestContext, input: CreateReward): Promise<Reward> {
      return db.transaction().execute(async (trx) => {
        const party = await writableParty(trx, ctx, input.partyId).catch(() => {
          throw validation('No such party', [
            { path: ['body', 'partyId'], message: 'No such party', code: 'unknown_reference' },
          ]);
        });
        const row = await repo.insertReward(trx, {
          org_id: ctx.actor.orgId,
          party_id: input.partyId,
          kind: input.kind,
          amount: typeof input.amount === 'number' ? input.amount.toFixed(2) : input.amount,
          currency: input.currency ?? null,
          note: input.note ?? null,
          created_by: ctx.actor.userId,
        });
        const out = toReward({ ...row, party_name: party.display_name });
        await recordAudit(trx, ctx, { action: 'create', entityType: 'care_reward', entityId: row.id, after: out });
        return out;
      });
    },

    async rewards(
      ctx: RequestContext,
      q: { limit: number; cursor?: string | undefined; partyId?: string | undefined },
    ): Promise<Page<Reward>> {
      const page = await repo.rewards(db, ctx.actor.orgId, await visibleRead(ctx), q);
      return { items: page.items.map(toReward), nextCursor: page.nextCursor };
    },

    async summary(
      ctx: RequestContext,
      q: { from?: string | undefined; to?: string | undefined },
    ): Promise<ReferralSummary> {
      const p = periodOf(q);
      const s = await repo.summary(db, ctx.actor.orgId, await visibleRead(ctx), p.from, p.to);
      const total = s.referrers.reduce((a, r) => a + r.n, 0);
      return {
        from: p.fromDay,
        to: p.toDay,
        total,
        referrers: s.referrers.map((r) => ({ partyId: r.party_id, name: r.name, count: r.n, rewards: r.rewards })),
        periods: s.periods.map((r) => ({ period: r.period, count: r.n })),
        note: total ? null : 'Not enough data: no referral in this period',
      };
    },
  };
}
