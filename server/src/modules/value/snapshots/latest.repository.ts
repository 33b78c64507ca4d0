import { sql, type RawBuilder } from 'kysely';

// The newest finished value snapshot run as a read model for other modules (insight's key-person simulation groups
// the customers at risk by their RFM segment there): docs/metrics.md "Value snapshots".

/** SQL: the RFM segment of the party whose id `partyRef` holds, in the organisation's newest finished run (or null). */
export function latestRfmSegmentSql(orgId: string, partyRef: RawBuilder<unknown>): RawBuilder<string | null> {
  return sql<string | null>`(
    select vs.rfm_segment from value_snapshot vs
    where vs.org_id = ${orgId} and vs.party_id = ${partyRef} and vs.run_id = (
      select r.id from value_snapshot_run r where r.org_id = ${orgId} and r.status = 'done'
      order by r.finished_at desc, r.id desc limit 1))`;
}
