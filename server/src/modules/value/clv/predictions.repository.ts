import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { perCustomer, type Triple } from './clv.repository.ts';

/** What the service computed once per distinct (x, tₓ, T): P(alive), E[Y(H)] and the discounted E[Y] sum. */
export interface TripleFactor extends Triple {
  pAlive: number;
  expectedPurchases: number;
  discounted: number;
}

/** A factor stored with a fit: null numbers where they were not finite (the customer is left out of the list). */
export interface StoredFactor extends Triple {
  pAlive: number | null;
  expectedPurchases: number | null;
  discounted: number | null;
}

export interface PredictionRow {
  party_id: string;
  x: number;
  tx_days: number;
  t_days: number;
  p_alive: number;
  expected_purchases: number;
  expected_spend: number;
  clv: number;
}

export interface PredictionPage {
  orgId: string;
  currency: string;
  asOf: string;
  scope: Expression<SqlBool>;
  gammaGamma: { p: number; q: number; gamma: number };
  descending: boolean;
  after: { clv: number; id: string } | null;
  limit: number;
}

/** Rows inserted per statement when a fit stores its factors. */
const FACTOR_BATCH = 10_000;

/**
 * `r`: the customers `c` (party_id, x, tx_days, t_days, mean, p_alive, expected_purchases, discounted) with E[M], the
 * Gamma-Gamma expected amount from the customer's own repeat-day mean (0 when q ≤ 1: infinite mean), and CLV = E[M] ×
 * the discounted expected purchase days; then the page of `r` ordered by CLV (then party id, so ties page stably).
 */
function pageOf(q: PredictionPage, factored: RawBuilder<unknown>) {
  const { p, q: gq, gamma } = q.gammaGamma;
  const spend = sql`case when ${gq}::float8 > 1
      then (${gamma}::float8 + coalesce(c.mean, 0) * c.x) * ${p}::float8 / (${p}::float8 * c.x + ${gq}::float8 - 1)
      else 0::float8 end`;
  const order = q.descending ? sql`r.clv desc, r.party_id` : sql`r.clv, r.party_id`;
  const after = q.after
    ? q.descending
      ? sql`where r.clv < ${q.after.clv}::float8 or (r.clv = ${q.after.clv}::float8 and r.party_id > ${q.after.id}::uuid)`
      : sql`where r.clv > ${q.after.clv}::float8 or (r.clv = ${q.after.clv}::float8 and r.party_id > ${q.after.id}::uuid)`
    : sql``;
  return {
    r: sql`r as (
        select c.party_id, c.x, c.tx_days, c.t_days, c.p_alive, c.expected_purchases,
          ${spend} as expected_spend, ${spend} * c.discounted as clv
        from (${factored}) c
      )`,
    page: sql`select * from r ${after} order by ${order} limit ${q.limit}`,
  };
}

export const predictionsRepository = {
  /**
   * One page of per-customer predictions from factors the service computed for this request (passed as arrays), in
   * SQL: each customer's (x, tₓ, T) joins its factors; customers whose factors were not finite are left out.
   */
  async page(db: Db, q: PredictionPage & { factors: readonly TripleFactor[] }): Promise<PredictionRow[]> {
    const col = <K extends keyof TripleFactor>(k: K) => q.factors.map((f) => f[k]);
    const { r, page } = pageOf(
      q,
      sql`select c.party_id, c.x, c.tx_days, c.t_days, c.mean, v.p_alive, v.expected_purchases, v.discounted
        from c join v on v.x = c.x and v.tx_days = c.tx_days and v.t_days = c.t_days`,
    );
    const { rows } = await sql<PredictionRow>`
      with c as (${perCustomer(q.orgId, q.currency, q.asOf, q.scope)}),
      v as (
        select * from unnest(${sql.val(col('x'))}::int[], ${sql.val(col('tx_days'))}::int[],
          ${sql.val(col('t_days'))}::int[], ${sql.val(col('pAlive'))}::float8[],
          ${sql.val(col('expectedPurchases'))}::float8[], ${sql.val(col('discounted'))}::float8[])
          as v(x, tx_days, t_days, p_alive, expected_purchases, discounted)
      ),
      ${r}
      ${page}`.execute(db);
    return rows;
  },

  /**
   * The same page from the factors stored with the fit `fitId` (at the default horizon), in one statement, with how
   * many customers in scope have an (x, tₓ, T) the fit did not store (their data changed since: a purchase dated
   * before the as-of date was added, customers were merged). When some have, the rows are not the answer: the
   * caller computes the page afresh.
   */
  async storedPage(db: Db, q: PredictionPage & { fitId: string }): Promise<{ rows: PredictionRow[]; missing: number }> {
    const { r, page } = pageOf(q, sql`select * from j where j.p_alive is not null`);
    const { rows } = await sql<PredictionRow & { missing: number }>`
      with c as (${perCustomer(q.orgId, q.currency, q.asOf, q.scope)}),
      j as materialized (
        select c.party_id, c.x, c.tx_days, c.t_days, c.mean, f.p_alive, f.expected_purchases, f.discounted,
          f.x is null as missing
        from c left join value_clv_factor f on f.org_id = ${q.orgId} and f.fit_id = ${q.fitId}
          and f.x = c.x and f.tx_days = c.tx_days and f.t_days = c.t_days
      ),
      ${r}
      select p.*, m.missing from (select (count(*) filter (where j.missing))::int as missing from j) m
      left join lateral (${page}) p on true`.execute(db);
    return { rows: rows.filter((row) => row.party_id !== null), missing: rows[0]?.missing ?? 0 };
  },

  /** Whether the fit stored factors (fits made before factors were stored did not). */
  async hasFactors(db: Db, orgId: string, fitId: string): Promise<boolean> {
    const row = await db
      .selectFrom('value_clv_factor')
      .select('x')
      .where('org_id', '=', orgId)
      .where('fit_id', '=', fitId)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  },

  /** Stores a fit's factors, and drops those of the org's earlier fits in the currency (only the latest is read). */
  async storeFactors(
    db: Db,
    fit: { orgId: string; fitId: string; currency: string },
    factors: readonly StoredFactor[],
  ): Promise<void> {
    await sql`
      delete from value_clv_factor f using value_clv_fit v
      where f.org_id = ${fit.orgId} and v.org_id = f.org_id and v.id = f.fit_id and v.currency = ${fit.currency}
        and f.fit_id <> ${fit.fitId}`.execute(db);
    for (let i = 0; i < factors.length; i += FACTOR_BATCH) {
      const batch = factors.slice(i, i + FACTOR_BATCH);
      const col = <K extends keyof StoredFactor>(k: K) => batch.map((f) => f[k]);
      await sql`
        insert into value_clv_factor (org_id, fit_id, x, tx_days, t_days, p_alive, expected_purchases, discounted)
        select ${fit.orgId}, ${fit.fitId}, v.* from unnest(${sql.val(col('x'))}::int[], ${sql.val(col('tx_days'))}::int[],
          ${sql.val(col('t_days'))}::int[], ${sql.val(col('pAlive'))}::float8[],
          ${sql.val(col('expectedPurchases'))}::float8[], ${sql.val(col('discounted'))}::float8[]) as v`.execute(db);
    }
  },
};
