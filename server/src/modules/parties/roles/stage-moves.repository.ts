import { sql, type RawBuilder } from 'kysely';

/**
 * Moves of a role into a stage, from the party history, as a relation `(party_id, at, reason)` for other modules'
 * analytics (care's win-back: moves to `churned` and to `won_back`). Live parties only; join `party as p` on
 * `party_id` for visibility.
 */
export function stageMovesSql(orgId: string, role: 'customer', stage: string): RawBuilder<unknown> {
  return sql`(select h.party_id, h.at, h.reason from party_history h
    join party hp on hp.org_id = h.org_id and hp.id = h.party_id and hp.deleted_at is null and hp.merged_into_id is null
    where h.org_id = ${orgId} and h.field = 'stage' and h.role = ${role} and h.to_value = ${stage})`;
}
