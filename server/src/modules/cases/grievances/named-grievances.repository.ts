import { sql, type RawBuilder } from 'kysely';

/**
 * Named grievances as an SQL subquery `(party_id, filed_at)` for people's attrition risk (docs/metrics.md "Attrition
 * risk"): grievance cases whose party (the employee who filed it, or whom it is about) is known. Anonymous grievances
 * are never included: nothing may tie them to a person (docs/architecture.md "Anonymity"). The caller restricts it
 * to the employees it may see.
 */
export function namedGrievances(orgId: string): RawBuilder<{ party_id: string; filed_at: Date }> {
  return sql<{ party_id: string; filed_at: Date }>`(
    select c.party_id, c.created_at as filed_at from service_case c
    where c.org_id = ${orgId} and c.type = 'grievance' and not c.anonymous and c.party_id is not null
  )`;
}
