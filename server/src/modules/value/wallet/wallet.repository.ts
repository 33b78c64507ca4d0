import { sql } from 'kysely';
import type { Visibility } from '../../../platform/access/access.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/database.ts';
import { livePartyVisible } from '../../parties/index.ts';

// Share of wallet (docs/metrics.md "Share of wallet"): estimates per customer and category, set by people; our
// spend from commerce's transaction lines (its published contract) in the same currency and category.

export interface Period {
  from: Date;
  to: Date;
}

export interface WalletRow {
  category: string;
  estimated_spend: string;
  currency: string;
  updated_at: Date;
  ours: string;
}

/** Our spend of the customer (alias w: the wallet row) in the row's category and currency over the period. */
const oursIn = (period: Period) => sql`
  select sum(l.amount) from "transaction" t
  join transaction_line l on l.org_id = t.org_id and l.transaction_id = t.id
  join product pr on pr.org_id = l.org_id and pr.id = l.product_id
  where t.org_id = w.org_id and t.party_id = w.party_id and t.amount > 0 and t.currency = w.currency
    and pr.category = w.category and t.occurred_at >= ${period.from} and t.occurred_at < ${period.to}`;

export const walletRepository = {
  async ofParty(db: Db, orgId: string, partyId: string, period: Period): Promise<WalletRow[]> {
    const res = await sql<WalletRow>`
      select w.category, w.estimated_spend, w.currency, w.updated_at, round(coalesce((${oursIn(period)}), 0), 2)::text as ours
      from customer_wallet w where w.org_id = ${orgId} and w.party_id = ${partyId}
      order by w.category`.execute(db);
    return res.rows;
  },

  /** Replaces a party's wallet. */
  async replace(
    db: Db,
    orgId: string,
    partyId: string,
    currency: string,
    rows: { category: string; estimatedSpend: string }[],
    userId: string,
  ): Promise<void> {
    await db.deleteFrom('customer_wallet').where('org_id', '=', orgId).where('party_id', '=', partyId).execute();
    if (rows.length) {
      await db
        .insertInto('customer_wallet')
        .values(
          rows.map((r) => ({
            org_id: orgId,
            party_id: partyId,
            category: r.category,
            estimated_spend: r.estimatedSpend,
            currency,
            updated_by: userId,
          })),
        )
        .execute();
    }
  },

  /** The currency most of the reader's customers' estimates are in. */
  async mainCurrency(db: Db, actor: Actor, vis: Visibility): Promise<string | null> {
    const res = await sql<{ currency: string }>`
      select w.currency from customer_wallet w join party p on p.org_id = w.org_id and p.id = w.party_id
      where w.org_id = ${actor.orgId} and ${livePartyVisible(actor, vis, 'read')}
      group by 1 order by count(*) desc, 1 limit 1`.execute(db);
    return res.rows[0]?.currency ?? null;
  },

  /** Over the reader's customers with an estimate in the currency: their number, mean share and totals. */
  async summary(db: Db, actor: Actor, vis: Visibility, currency: string, period: Period) {
    const res = await sql<{ customers: number; average_share: number | null; estimated: string; ours: string }>`
      with w as (
        select w.org_id, w.party_id, w.category, w.currency, w.estimated_spend
        from customer_wallet w join party p on p.org_id = w.org_id and p.id = w.party_id
        where w.org_id = ${actor.orgId} and w.currency = ${currency} and ${livePartyVisible(actor, vis, 'read')}
      ),
      per as (
        select w.party_id, sum(w.estimated_spend) as est, sum(coalesce((${oursIn(period)}), 0)) as ours
        from w group by w.party_id
      )
      select count(*)::int as customers, (avg(ours / est) filter (where est > 0))::float8 as average_share,
        round(coalesce(sum(est), 0), 2)::text as estimated, round(coalesce(sum(ours), 0), 2)::text as ours
      from per`.execute(db);
    return res.rows[0] ?? { customers: 0, average_share: null, estimated: '0', ours: '0' };
  },
};
