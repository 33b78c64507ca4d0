import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';

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

export interface SnapshotRunFigures {
  asOf: string;
  finishedAt: Date;
  customers: number;
  scored: number;
  /** Share of the run's positive revenue from customers in the top RFM segment (`champions`), or null. */
  topSegmentShare: number | null;
}

/** The organisation's two newest finished runs, newest first (the CRM capability index reads their freshness). */
export async function newestSnapshotRuns(db: Db, orgId: string): Promise<SnapshotRunFigures[]> {
  const { rows } = await sql<SnapshotRunFigures>`
    select r.as_of as "asOf", r.finished_at as "finishedAt", coalesce(r.customers, 0)::int as customers,
      coalesce(r.scored, 0)::int as scored,
      (select (sum(vs.monetary) filter (where vs.rfm_segment = 'champions' and vs.monetary > 0)
          / nullif(sum(vs.monetary) filter (where vs.monetary > 0), 0))::float8
        from value_snapshot vs where vs.org_id = r.org_id and vs.run_id = r.id) as "topSegmentShare"
    from value_snapshot_run r where r.org_id = ${orgId} and r.status = 'done'
    order by r.finished_at desc, r.id desc limit 2`.execute(db);
  return rows;
}
