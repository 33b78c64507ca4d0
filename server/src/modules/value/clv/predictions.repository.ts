import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { perCustomer, type Triple } from './clv.repository.ts';

/** What the service computed once per distinct (x, tₓ, T): P(alive), E[Y(H)] and the discounted E[Y] sum. */
export interface TripleFactor extends Triple {
  pAlive: number;
  expectedPurchases: number;
  discounted: number;
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
  factors: readonly TripleFactor[];
  descending: boolean;
  after: { clv: number; id: string } | null;
  limit: number;
}

export const predictionsRepository = {
  /**
   * One page of per-customer predictions, computed and ordered in SQL: each customer's (x, tₓ, T) joins its factors,
   * E[M] is the Gamma-Gamma expected amount from the customer's own repeat-day mean (0 when q ≤ 1: infinite mean),
   * and CLV = E[M] × the discounted expected purchase days. Ordered by CLV (then party id, so ties page stably).
   */
  async page(db: Db, q: PredictionPage): Promise<PredictionRow[]> {
    const { p, q: gq, gamma } = q.gammaGamma;
    const col = <K extends keyof TripleFactor>(k: K) => q.factors.map((f) => f[k]);
    const spend = sql`case when ${gq}::float8 > 1
      then (${gamma}::float8 + coalesce(c.mean, 0) * c.x) * ${p}::float8 / (${p}::float8 * c.x + ${gq}::float8 - 1)
      else 0::float8 end`;
    const order = q.descending ? sql`r.clv desc, r.party_id` : sql`r.clv, r.party_id`;
    const after = q.after
      ? q.descending
        ? sql`where r.clv < ${q.after.clv}::float8 or (r.clv = ${q.after.clv}::float8 and r.party_id > ${q.after.id}::uuid)`
        : sql`where r.clv > ${q.after.clv}::float8 or (r.clv = ${q.after.clv}::float8 and r.party_id > ${q.after.id}::uuid)`
      : sql``;
    const { rows } = await sql<PredictionRow>`
      with c as (${perCustomer(q.orgId, q.currency, q.asOf, q.scope)}),
      v as (
        select * from unnest(${sql.val(col('x'))}::int[], ${sql.val(col('tx_days'))}::int[],
          ${sql.val(col('t_days'))}::int[], ${sql.val(col('pAlive'))}::float8[],
          ${sql.val(col('expectedPurchases'))}::float8[], ${sql.val(col('discounted'))}::float8[])
          as v(x, tx_days, t_days, p_alive, expected_purchases, discounted)
      ),
      r as (
        select c.party_id, c.x, c.tx_days, c.t_days, v.p_alive, v.expected_purchases,
          ${spend} as expected_spend, ${spend} * v.discounted as clv
        from c join v on v.x = c.x and v.tx_days = c.tx_days and v.t_days = c.t_days
      )
      select * from r ${after} order by ${order} limit ${q.limit}`.execute(db);
    return rows;
  },
};
