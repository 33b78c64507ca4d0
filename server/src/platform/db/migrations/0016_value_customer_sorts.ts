import { sql, type Kysely } from 'kysely';

// Customers by value (GET /api/value/customers) walks a snapshot run in the order asked and stops after a page, so
// every sort has an index in its order: CLV highest first with customers without a CLV last (the existing
// (clv, party_id) index serves lowest first, nulls last), recency and frequency both ways (monetary has its index).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index value_snapshot_clv_desc on value_snapshot (org_id, run_id, clv desc nulls last, party_id desc);
    create index value_snapshot_recency on value_snapshot (org_id, run_id, recency_days, party_id);
    create index value_snapshot_frequency on value_snapshot (org_id, run_id, frequency, party_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index value_snapshot_clv_desc;
    drop index value_snapshot_recency;
    drop index value_snapshot_frequency;
  `.execute(db);
}
