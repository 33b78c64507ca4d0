import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { LorenzPoint } from './measures.ts';

// Concentration in SQL (docs/metrics.md "Pareto concentration, Lorenz curve, Gini"): net revenue per customer (or
// per owner of the customers: customers without one are left out) over [from, to) in one currency, parties with
// revenue > 0; Gini, the top-20 % share and the Lorenz points from window functions over the ascending amounts. Ties
// are ordered by key: none of the three depends on the order within a tie. A Lorenz rank i is kept, for n > 100, when i = ceil(k·n/100) for some
// k = 1…100, that is when ⌊100i/n⌋ > ⌊100(i−1)/n⌋ (integer division).

export interface ConcentrationRow {
  n: number;
  total: number;
  gini: number | null;
  top20: number | null;
  excluded: number;
  lorenz: { i: number; y: number }[] | null;
}

export interface ConcentrationResult {
  n: number;
  total: number;
  gini: number;
  top20Share: number;
  lorenz: LorenzPoint[];
  /** Transactions in scope and period in other currencies (counted in the same scan). */
  excludedTransactions: number;
}

export async function concentrationRow(
  db: Db,
  q: { orgId: string; by: 'customer' | 'owner'; currency: string; from: Date; to: Date; scope: Expression<SqlBool> },
): Promise<ConcentrationResult> {
  const key = q.by === 'owner' ? sql`p.owner_id` : sql`p.id`;
  // One scan of the period: revenue in the currency per key, and the transactions in other currencies.
  const { rows } = await sql<ConcentrationRow>`
    with scanned as (
      select ${key} as k, sum(t.amount) filter (where t.currency = ${q.currency}) as x,
        count(*) filter (where t.currency <> ${q.currency}) as other
      from transaction t join party p on p.org_id = t.org_id and p.id = t.party_id
      where t.org_id = ${q.orgId} and t.occurred_at >= ${q.from} and t.occurred_at < ${q.to} and ${q.scope}
      group by ${key}
    ), ranked as (
      select x, row_number() over w as i, count(*) over () as n, sum(x) over () as total,
        sum(x) over (w rows between unbounded preceding and current row) as cum
      from scanned
      where x > 0 and k is not null
      window w as (order by x, k)
    )
    select coalesce(max(n), 0)::int as n, coalesce(max(total), 0)::float8 as total,
      (sum((2 * i - n - 1) * x) / nullif(max(n) * max(total), 0))::float8 as gini,
      (sum(x) filter (where i > n - ceil(0.2 * n)) / nullif(max(total), 0))::float8 as top20,
      (select coalesce(sum(other), 0) from scanned)::int as excluded,
      json_agg(json_build_object('i', i, 'y', (cum / total)::float8) order by i)
        filter (where n <= 100 or (100 * i) / n > (100 * (i - 1)) / n) as lorenz
    from ranked`.execute(db);
  const r = rows[0] as ConcentrationRow;
  const points = (r.lorenz ?? []).map((p) => ({ x: p.i / r.n, y: p.y }));
  return {
    n: r.n,
    total: r.total,
    gini: r.gini ?? 0,
    top20Share: r.top20 ?? 0,
    lorenz: r.n ? [{ x: 0, y: 0 }, ...points] : [],
    excludedTransactions: r.excluded,
  };
}
