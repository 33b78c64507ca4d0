import { sql, type Kysely } from 'kysely';

// Settings of the value analytics core that an organisation may change: the RFM segment rules and the value-class
// thresholds and unit costs (docs/metrics.md "RFM", "Value classes"). One row per org and key; the API shows the
// documented defaults until a PUT stores a value, so reads never write.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table value_setting (
      org_id uuid not null references organization (org_id),
      key text not null check (key in ('rfm_rules', 'classes')),
      value jsonb not null,
      updated_by uuid,
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id, key),
      foreign key (org_id, updated_by) references app_user (org_id, id)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table value_setting`.execute(db);
}
