import { sql, type RawBuilder } from 'kysely';

/**
 * The root cause of a party's latest customer case resolved with one at or before an instant (docs/domain.md "Root
 * cause"), as a scalar subquery: care's win-back reads it as the cause of loss when the churn move does not name one.
 * Grievances are left out (they are employees' and confidential).
 */
export function rootCauseBeforeSql(orgId: string, partyId: RawBuilder<unknown>, at: RawBuilder<unknown>) {
  return sql<
    string | null
  >`(select c.root_cause from service_case c where c.org_id = ${orgId} and c.party_id = ${partyId}
    and c.type <> 'grievance' and c.root_cause is not null and c.resolved_at is not null and c.resolved_at <= ${at}
    order by c.resolved_at desc, c.id desc limit 1)`;
}
