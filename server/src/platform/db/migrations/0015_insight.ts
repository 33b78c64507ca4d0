import { sql, type Kysely } from 'kysely';

// The CRM capability index (docs/capability-index.md): per organisation its targets and weights, the named
// assessors' ratings of assessed items, and dated snapshots of the computed index (optionally tagged before/after an
// improvement stage). The settings row is written only by a PUT: reads show the documented defaults.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table insight_capability_setting (
      org_id uuid not null references organization (org_id),
      value jsonb not null,
      updated_by uuid,
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id),
      foreign key (org_id, updated_by) references app_user (org_id, id)
    );
    create table insight_capability_assessment (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      item text not null,
      rating smallint not null check (rating between 1 and 5),
      evidence text,
      assessor_id uuid not null,
      assessed_at timestamptz(3) not null default now(),
      primary key (org_id, id),
      foreign key (org_id, assessor_id) references app_user (org_id, id)
    );
    create index insight_capability_assessment_item on insight_capability_assessment (org_id, item, assessed_at);
    create table insight_capability_snapshot (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      as_of date not null,
      tag text check (tag in ('before', 'after')),
      stage text,
      result jsonb not null,
      created_by uuid,
      created_at timestamptz(3) not null default now(),
      primary key (org_id, id),
      foreign key (org_id, created_by) references app_user (org_id, id)
    );
    create index insight_capability_snapshot_as_of on insight_capability_snapshot (org_id, as_of, created_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table insight_capability_snapshot; drop table insight_capability_assessment;
    drop table insight_capability_setting`.execute(db);
}
