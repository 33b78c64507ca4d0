import { sql, type Kysely } from 'kysely';

// Links between parties (works_at, reports_to … and custom types), the HR quadrant's own target and the history of
// both relationship scales per role, and the HR-department CRM: the department's assessment of each stakeholder
// group (append-only; the newest row is current), the seven-step process, 4R activities, the service catalogue with
// its deliveries, and contributions recorded per group (docs/domain.md).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table party_link_type (
      org_id uuid not null references organization (org_id),
      key text not null,
      label_zh text not null,
      label_en text not null,
      inverse_label_zh text not null,
      inverse_label_en text not null,
      created_at timestamptz(3) not null default now(),
      primary key (org_id, key)
    );
    create table party_link (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      from_party_id uuid not null,
      to_party_id uuid not null,
      type text not null,
      role text,
      valid_from date,
      valid_to date,
      created_by uuid,
      created_at timestamptz(3) not null default now(),
      primary key (org_id, id),
      foreign key (org_id, from_party_id) references party (org_id, id),
      foreign key (org_id, to_party_id) references party (org_id, id),
      foreign key (org_id, created_by) references app_user (org_id, id),
      check (from_party_id <> to_party_id),
      check (valid_to is null or valid_from is null or valid_to >= valid_from)
    );
    create index party_link_from on party_link (org_id, from_party_id);
    create index party_link_to on party_link (org_id, to_party_id);

    alter table party_role
      add column target_quadrant text check (target_quadrant in ('basic', 'proactive', 'reactive', 'partnership')),
      add column target_quadrant_by date,
      add column target_level_by date;
    create table party_role_relationship (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      role_id uuid not null,
      initiative_score smallint,
      participation_score smallint,
      target_quadrant text,
      target_quadrant_by date,
      level text,
      target_level text,
      target_level_by date,
      reason text not null,
      actor_id uuid,
      at timestamptz(3) not null default now(),
      primary key (org_id, id),
      foreign key (org_id, role_id) references party_role (org_id, id),
      foreign key (org_id, actor_id) references app_user (org_id, id)
    );
    create index party_role_relationship_role on party_role_relationship (org_id, role_id, at desc);

    create table hr_group_assessment (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      group_key text not null,
      initiative_score smallint check (initiative_score between 1 and 5),
      participation_score smallint check (participation_score between 1 and 5),
      target_quadrant text,
      target_quadrant_by date,
      level text,
      target_level text,
      target_level_by date,
      reason text not null,
      actor_id uuid,
      at timestamptz(3) not null default now(),
      primary key (org_id, id),
      foreign key (org_id, actor_id) references app_user (org_id, id)
    );
    create index hr_group_assessment_group on hr_group_assessment (org_id, group_key, at desc);
    create table hr_process_step (
      org_id uuid not null references organization (org_id),
      group_key text not null,
      step text not null,
      state text not null default 'not_started' check (state in ('not_started', 'in_progress', 'done')),
      owner_user_id uuid,
      due_on date,
      evidence text,
      updated_at timestamptz(3) not null default now(),
      primary key (org_id, group_key, step),
      foreign key (org_id, owner_user_id) references app_user (org_id, id)
    );
    create table hr_activity (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      group_key text not null,
      r text not null check (r in ('relevance', 'response', 'relationship', 'return')),
      title text not null,
      objective text,
      budget numeric(14, 2),
      planned_on date,
      status text not null default 'planned' check (status in ('planned', 'done', 'cancelled')),
      outcome text,
      created_by uuid,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      primary key (org_id, id),
      foreign key (org_id, created_by) references app_user (org_id, id)
    );
    create index hr_activity_group on hr_activity (org_id, group_key, planned_on);
    create table hr_service (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      name_zh text not null,
      name_en text not null,
      description text,
      owner_user_id uuid,
      active boolean not null default true,
      deleted_at timestamptz(3),
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      primary key (org_id, id),
      foreign key (org_id, owner_user_id) references app_user (org_id, id)
    );
    create table hr_service_group (
      org_id uuid not null references organization (org_id),
      service_id uuid not null,
      group_key text not null,
      expected_value text,
      measure_kind text not null default 'none'
        check (measure_kind in ('survey_dimension', 'case_type', 'indicator', 'none')),
      measure_ref text,
      primary key (org_id, service_id, group_key),
      foreign key (org_id, service_id) references hr_service (org_id, id) on delete cascade
    );
    create table hr_service_delivery (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      service_id uuid not null,
      group_key text not null,
      delivered_on date not null,
      quantity integer not null default 1 check (quantity > 0),
      note text,
      recorded_by uuid,
      created_at timestamptz(3) not null default now(),
      primary key (org_id, id),
      foreign key (org_id, service_id) references hr_service (org_id, id),
      foreign key (org_id, recorded_by) references app_user (org_id, id)
    );
    create index hr_service_delivery_service on hr_service_delivery (org_id, service_id, delivered_on);
    create index hr_service_delivery_group on hr_service_delivery (org_id, group_key);
    create table hr_contribution (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      group_key text not null,
      recorded_on date not null,
      text text not null,
      value numeric(14, 2),
      recorded_by uuid,
      created_at timestamptz(3) not null default now(),
      primary key (org_id, id),
      foreign key (org_id, recorded_by) references app_user (org_id, id)
    );
    create index hr_contribution_group on hr_contribution (org_id, group_key, recorded_on);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table hr_contribution;
    drop table hr_service_delivery;
    drop table hr_service_group;
    drop table hr_service;
    drop table hr_activity;
    drop table hr_process_step;
    drop table hr_group_assessment;
    drop table party_role_relationship;
    alter table party_role drop column target_quadrant, drop column target_quadrant_by, drop column target_level_by;
    drop table party_link;
    drop table party_link_type;
  `.execute(db);
}
