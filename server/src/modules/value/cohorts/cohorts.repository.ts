import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';

// Cohort retention in SQL (docs/metrics.md "Cohort retention"): a purchase is a transaction with a positive amount
// (any currency: cohorts count customers, not money); a customer's cohort is the UTC month of their first purchase
// ever; the answer counts, per cohort month and k, the cohort's customers with a purchase in month c + k.

export interface CohortCell {
  cohort: string;
  k: number;
  customers: number;
}

export async function cohortCells(
  db: Db,
  q: { orgId: string; from: Date; to: Date; scope: Expression<SqlBool> },
): Promise<CohortCell[]> {
  const { rows } = await sql<CohortCell>`
    with firsts as (
      select t.party_id, date_trunc('month', min(t.occurred_at) at time zone 'UTC') as c
      from transaction t join party p on p.org_id = t.org_id and p.id = t.party_id
      where t.org_id = ${q.orgId} and t.amount > 0 and t.occurred_at < ${q.to} and ${q.scope}
      group by t.party_id
      having min(t.occurred_at) >= ${q.from}
    ), active as (
      select distinct t.party_id, date_trunc('month', t.occurred_at at time zone 'UTC') as m
      from transaction t join firsts f on f.party_id = t.party_id
      where t.org_id = ${q.orgId} and t.amount > 0 and t.occurred_at < ${q.to}
    )
    select to_char(f.c, 'YYYY-MM') as cohort,
      ((extract(year from a.m) - extract(year from f.c)) * 12 + extract(month from a.m) - extract(month from f.c))::int as k,
      count(*)::int as customers
    from firsts f join active a on a.party_id = f.party_id
    group by 1, 2
    order by 1, 2`.execute(db);
  return rows;
}
