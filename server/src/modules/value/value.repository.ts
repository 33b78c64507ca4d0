import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

// SQL shared by the value analytics: which currencies the transactions in scope use. Transactions are commerce's
// published contract for analytics (modules/commerce/index.ts); parties are read through their identity and
// ownership columns only.

export interface CurrencyCount {
  currency: string;
  transactions: number;
}

/**
 * Transactions per currency over [from, to) (from null: since the beginning) of the customers in `scope`
 * (a condition over the party aliased `p`), most used first.
 */
export async function currencyCounts(
  db: Db,
  orgId: string,
  scope: Expression<SqlBool>,
  from: Date | null,
  to: Date,
): Promise<CurrencyCount[]> {
  const since = from ? sql`and t.occurred_at >= ${from}` : sql``;
  const { rows } = await sql<CurrencyCount>`
    select t.currency, count(*)::int as transactions
    from transaction t join party p on p.org_id = t.org_id and p.id = t.party_id
    where t.org_id = ${orgId} and t.occurred_at < ${to} ${since} and ${scope}
    group by t.currency
    order by transactions desc, t.currency`.execute(db);
  return rows;
}
