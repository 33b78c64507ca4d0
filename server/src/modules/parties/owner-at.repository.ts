import { sql, type RawBuilder } from 'kysely';

/**
 * SQL: the owner (a user id) of the party whose id `partyRef` holds at the instant `atRef`, from its owner history:
 * the owner set by the latest change at or before that instant; else the owner before the earliest later change;
 * else (no recorded change: bulk-loaded parties) its current owner `ownerRef`. Null when it had none. For analytics
 * that attribute a customer's answer or purchase to whoever owned it then (docs/metrics.md "The chain").
 */
export function ownerAtSql(
  orgId: string,
  partyRef: RawBuilder<unknown>,
  ownerRef: RawBuilder<unknown>,
  atRef: RawBuilder<unknown>,
): RawBuilder<string | null> {
  return sql<string | null>`(select x.v::uuid from (
    (select 1 as k, h.to_value as v from party_history h
      where h.org_id = ${orgId} and h.party_id = ${partyRef} and h.field = 'owner' and h.at <= ${atRef}
      order by h.at desc, h.id desc limit 1)
    union all
    (select 2 as k, h.from_value as v from party_history h
      where h.org_id = ${orgId} and h.party_id = ${partyRef} and h.field = 'owner' and h.at > ${atRef}
      order by h.at, h.id limit 1)
    union all
    select 3 as k, ${ownerRef}::text as v
  ) x order by x.k limit 1)`;
}
