import type { RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { customerVisibility, readableParty, writableParty } from '../../parties/index.ts';
import { yearTo } from '../cross-sell/period.ts';
import type { PutWallet, Wallet, WalletSummary, WalletSummaryQuery } from './wallet.schema.ts';
import { walletRepository, type WalletRow } from './wallet.repository.ts';

const shareOf = (ours: number, estimated: number) => (estimated > 0 ? ours / estimated : null);
const cents = (s: string) => Math.round(Number(s) * 100);
const money = (c: number) => (c / 100).toFixed(2);

function toWallet(partyId: string, rows: WalletRow[], period: ReturnType<typeof yearTo>): Wallet {
  const est = rows.reduce((a, r) => a + cents(r.estimated_spend), 0);
  const ours = rows.reduce((a, r) => a + cents(r.ours), 0);
  const updated = rows.reduce<Date | null>((a, r) => (!a || r.updated_at > a ? r.updated_at : a), null);
  return {
    partyId,
    currency: rows[0]?.currency ?? null,
    ...period.label,
    categories: rows.map((r) => ({
      category: r.category,
      estimatedSpend: r.estimated_spend,
      ourSpend: r.ours,
      share: shareOf(cents(r.ours), cents(r.estimated_spend)),
    })),
    total: { estimatedSpend: money(est), ourSpend: money(ours), share: shareOf(ours, est) },
    updatedAt: updated?.toISOString() ?? null,
    note: rows.length ? null : 'No wallet estimate for this customer yet',
  };
}

/** Share of wallet (docs/metrics.md "Share of wallet"): estimates per customer and category, and our share. */
export function walletService(deps: Deps) {
  const { db } = deps;

  return {
    async get(ctx: RequestContext, partyId: string, asOf?: string): Promise<Wallet> {
      await readableParty(db, ctx, partyId);
      const period = yearTo(asOf);
      return toWallet(partyId, await walletRepository.ofParty(db, ctx.actor.orgId, partyId, period), period);
    },

    /** Replaces the customer's estimates (whoever may change the party; 404 otherwise). */
    async put(ctx: RequestContext, partyId: string, input: PutWallet): Promise<Wallet> {
      const orgId = ctx.actor.orgId;
      const period = yearTo(undefined);
      return db.transaction().execute(async (trx) => {
        await writableParty(trx, ctx, partyId);
        const before = toWallet(partyId, await walletRepository.ofParty(trx, orgId, partyId, period), period);
        await walletRepository.replace(trx, orgId, partyId, input.currency, input.categories, ctx.actor.userId);
        const after = toWallet(partyId, await walletRepository.ofParty(trx, orgId, partyId, period), period);
        const estimates = (w: Wallet) => ({
          currency: w.currency,
          categories: w.categories.map((c) => ({ category: c.category, estimatedSpend: c.estimatedSpend })),
        });
        await recordAudit(trx, ctx, {
          action: 'wallet.update',
          entityType: 'customer_wallet',
          entityId: partyId,
          before: estimates(before),
          after: estimates(after),
        });
        return after;
      });
    },

    async summary(ctx: RequestContext, q: WalletSummaryQuery): Promise<WalletSummary> {
      const period = yearTo(q.asOf);
      const vis = await customerVisibility(db, ctx.actor.orgId);
      const currency = q.currency ?? (await walletRepository.mainCurrency(db, ctx.actor, vis));
      if (!currency) {
        return {
          currency: null,
          ...period.label,
          customers: 0,
          averageShare: null,
          estimatedSpend: '0.00',
          ourSpend: '0.00',
          aggregateShare: null,
          note: 'Not enough data: no wallet estimate among the customers you may see',
        };
      }
      const s = await walletRepository.summary(db, ctx.actor, vis, currency, period);
      return {
        currency,
        ...period.label,
        customers: s.customers,
        averageShare: s.average_share,
        estimatedSpend: s.estimated,
        ourSpend: s.ours,
        aggregateShare: shareOf(cents(s.ours), cents(s.estimated)),
        note: s.customers ? null : `Not enough data: no wallet estimate in ${currency} among the customers you may see`,
      };
    },
  };
}
