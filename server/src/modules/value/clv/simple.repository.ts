import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';

// The simple CLV's inputs (docs/metrics.md "CLV, simple"), over the customers in scope: the year up to the as-of
// date (asOf − 364 … asOf, UTC days) and the year before it. Purchase days as in the probabilistic CLV: a UTC day
// whose net amount in the currency is > 0.

export interface SimpleClvInputs {
  customers: number;
  purchase_days: number;
  revenue: number;
  prior_customers: number;
  lost: number;
  /** Transactions of the two years in other currencies. */
  excluded: number;
}

export async function simpleClvInputs(
  db: Db,
  orgId: string,
  currency: string,
  asOf: string,
  scope: Expression<SqlBool>,
): Promise<SimpleClvInputs> {
  // One scan of the two years: purchase days in the currency, and the transactions in others (left out, counted).
  const { rows } = await sql<SimpleClvInputs>`
    with scanned as (
      select t.party_id, (t.occurred_at at time zone 'UTC')::date as d,
        sum(t.amount) filter (where t.currency = ${currency}) as amount,
        count(*) filter (where t.currency <> ${currency}) as other
      from transaction t join party p on p.org_id = t.org_id and p.id = t.party_id
      where t.org_id = ${orgId}
        and t.occurred_at >= (${asOf}::date - 729)::timestamp at time zone 'UTC'
        and t.occurred_at < (${asOf}::date + 1)::timestamp at time zone 'UTC' and ${scope}
      group by t.party_id, d
    ), per_customer as (
      select party_id,
        count(*) filter (where d > ${asOf}::date - 365) as cur_days,
        coalesce(sum(amount) filter (where d > ${asOf}::date - 365), 0) as cur_revenue,
        count(*) filter (where d <= ${asOf}::date - 365) as prior_days
      from scanned where amount > 0 group by party_id
    )
    select count(*) filter (where cur_days > 0)::int as customers,
      coalesce(sum(cur_days), 0)::int as purchase_days,
      coalesce(sum(cur_revenue), 0)::float8 as revenue,
      count(*) filter (where prior_days > 0)::int as prior_customers,
      count(*) filter (where prior_days > 0 and cur_days = 0)::int as lost,
      (select coalesce(sum(other), 0) from scanned)::int as excluded
    from per_customer`.execute(db);
  return rows[0] as SimpleClvInputs;
}
