import { sql, type RawBuilder } from 'kysely';

/**
 * Cases per party opened in [from, to) and their remedy costs, as an SQL subquery `(party_id, cases, remedy_cost)`
 * for analytics that join it to their own (value's cost to serve, docs/metrics.md "Value classes"). Grievances and
 * anonymous cases are employee matters and never counted against a customer. The caller restricts it to the
 * parties it may see.
 */
export function caseCostsByParty(
  orgId: string,
  from: RawBuilder<Date>,
  to: RawBuilder<Date>,
): RawBuilder<{ party_id: string; cases: number; remedy_cost: string }> {
  return sql<{ party_id: string; cases: number; remedy_cost: string }>`(
    select c.party_id, count(*)::int as cases, coalesce(sum(c.remedy_cost), 0) as remedy_cost from service_case c
    where c.org_id = ${orgId} and c.party_id is not null and c.type <> 'grievance' and not c.anonymous
      and c.created_at >= ${from} and c.created_at < ${to}
    group by c.party_id
  )`;
}
