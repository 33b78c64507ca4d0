import { sql, type Kysely } from 'kysely';

// Value snapshots, dynamic segments and their monthly membership, and share-of-wallet estimates
// (docs/metrics.md "Value snapshots", "Segments", "Share of wallet"). Same rules as 0001: org_id leads
// every key; timestamps are timestamptz(3); money is numeric.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- One computation of every buyer's value scores as of a day; at most one queued or running per organisation.
    create table value_snapshot_run (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      as_of date not null,
      currency char(3) not null,
      window_days integer not null,
      status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
      customers integer,
      scored integer,
      left_out integer,
      error text,
      requested_by uuid,
      created_at timestamptz(3) not null default now(),
      started_at timestamptz(3),
      finished_at timestamptz(3),
      primary key (org_id, id),
      foreign key (org_id, requested_by) references app_user (org_id, id)
    );
    create unique index value_snapshot_run_active on value_snapshot_run (org_id) where status in ('queued', 'running');
    create index value_snapshot_run_done on value_snapshot_run (org_id, finished_at desc) where status = 'done';

    -- Derived rows (no key to party: a snapshot is rebuilt, never edited); lists filter and sort on them.
    create table value_snapshot (
      org_id uuid not null references organization (org_id),
      run_id uuid not null,
      party_id uuid not null,
      as_of date not null,
      currency char(3) not null,
      first_purchase_on date not null,
      last_purchase_on date not null,
      purchase_days integer not null,
      recency_days integer not null,
      frequency integer not null,
      monetary numeric(16,2) not null,
      r smallint,
      f smallint,
      m smallint,
      rfm_segment text,
      value_class text,
      clv numeric(16,2),
      primary key (org_id, run_id, party_id),
      foreign key (org_id, run_id) references value_snapshot_run (org_id, id) on delete cascade
    );
    create index value_snapshot_segment on value_snapshot (org_id, run_id, rfm_segment);
    create index value_snapshot_monetary on value_snapshot (org_id, run_id, monetary, party_id);
    create index value_snapshot_clv on value_snapshot (org_id, run_id, clv, party_id);

    create table segment (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      name text not null,
      description text,
      rule jsonb not null,
      priority integer not null default 100,
      archived boolean not null default false,
      created_by uuid,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id, id),
      foreign key (org_id, created_by) references app_user (org_id, id)
    );
    create unique index segment_name on segment (org_id, lower(name)) where not archived;

    -- Membership as intervals of months: a row per stay, so storage grows with movement, not with size × months.
    create table segment_membership (
      org_id uuid not null references organization (org_id),
      segment_id uuid not null,
      party_id uuid not null,
      entered_on date not null,
      left_on date,
      primary key (org_id, segment_id, party_id, entered_on),
      foreign key (org_id, segment_id) references segment (org_id, id)
    );
    create index segment_membership_open on segment_membership (org_id, segment_id, party_id) where left_on is null;

    -- The months a segment's membership was taken (a month with no members still shows).
    create table segment_snapshot (
      org_id uuid not null references organization (org_id),
      segment_id uuid not null,
      month date not null,
      members integer not null,
      taken_at timestamptz(3) not null default now(),
      primary key (org_id, segment_id, month),
      foreign key (org_id, segment_id) references segment (org_id, id)
    );

    -- A customer's estimated spend per category with every supplier (ours included), per year.
    create table customer_wallet (
      org_id uuid not null references organization (org_id),
      party_id uuid not null,
      category text not null,
      estimated_spend numeric(14,2) not null check (estimated_spend >= 0),
      currency char(3) not null,
      updated_by uuid,
      updated_at timestamptz(3) not null default now(),
      primary key (org_id, party_id, category),
      foreign key (org_id, party_id) references party (org_id, id),
      foreign key (org_id, updated_by) references app_user (org_id, id)
    );

    -- The respondent's segment, captured at answer time like the other group keys (anonymous ballots too).
    alter table survey_ballot add column segment_id uuid;
    alter table survey_response add column segment_id uuid;
  `.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('The value segments migration cannot be reverted'));
}
