import { sql, type Kysely } from 'kysely';

// Parties, their roles, history, interactions, tasks, stakeholder groups, custom field definitions
// and merges. Same rules as 0001: org_id leads every key; timestamps are timestamptz(3).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create extension if not exists pg_trgm;

    create table stakeholder_group (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      key text not null check (key ~ '^[a-z][a-z0-9_]{0,62}$'),
      name_zh text not null,
      name_en text not null,
      side text not null check (side in ('internal', 'external')),
      sort_order integer not null default 0,
      active boolean not null default true,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id, id),
      unique (org_id, key)
    );

    -- The eight default groups (docs/domain.md) for organisations that exist already; new ones get them
    -- from the parties module on first use.
    insert into stakeholder_group (org_id, key, name_zh, name_en, side, sort_order)
    select o.org_id, d.key, d.name_zh, d.name_en, d.side, d.sort_order
    from organization o cross join (values
      ('marketing_staff', '营销部门人员', 'Marketing staff', 'internal', 10),
      ('line_managers', '直线管理人员', 'Line managers', 'internal', 20),
      ('employees', '企业内部员工', 'Employees', 'internal', 30),
      ('strategic_decision_makers', '企业战略决策者', 'Strategic decision makers', 'internal', 40),
      ('company_clients', '企业产品和服务的客户', 'Clients of our products and services', 'external', 50),
      ('potential_employees', '企业潜在员工', 'Potential employees', 'external', 60),
      ('government_community', '政府和社区', 'Government and community', 'external', 70),
      ('natural_environment', '自然环境', 'Natural environment', 'external', 80)
    ) as d(key, name_zh, name_en, side, sort_order);

    create table field_definition (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      entity text not null default 'party' check (entity in ('party')),
      key text not null check (key ~ '^[a-zA-Z][a-zA-Z0-9_]{0,62}$'),
      label_zh text not null,
      label_en text not null,
      type text not null check (type in ('text', 'number', 'date', 'boolean', 'select', 'multiselect')),
      options text[] not null default '{}',
      required boolean not null default false,
      active boolean not null default true,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id, id),
      unique (org_id, entity, key)
    );

    create table party (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      kind text not null check (kind in ('person', 'organization')),
      display_name text not null,
      given_name text,
      family_name text,
      emails text[] not null default '{}',
      phones text[] not null default '{}',
      birthday date,
      gender text check (gender in ('female', 'male', 'other', 'undisclosed')),
      address jsonb,
      locale text check (locale in ('zh-CN', 'en')),
      tags text[] not null default '{}',
      custom jsonb not null default '{}',
      owner_id uuid,
      backup_owner_id uuid,
      profile jsonb not null default '{"facts": {}, "preferences": {}, "care": []}',
      -- Maintained by the repository from names, emails, phones and tags (lower case):
      -- search_text serves substring search of 3+ characters through the trigram index,
      -- search_grams holds every 1- and 2-character substring of names and tags, so short
      -- (typically Chinese) queries such as 伟 use an array index instead of a scan.
      search_text text not null default '',
      search_grams text[] not null default '{}',
      name_key text not null default '',
      merged_into_id uuid,
      deleted_at timestamptz(3),
      created_by uuid,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id, id),
      foreign key (org_id, owner_id) references app_user (org_id, id),
      foreign key (org_id, backup_owner_id) references app_user (org_id, id),
      foreign key (org_id, created_by) references app_user (org_id, id),
      foreign key (org_id, merged_into_id) references party (org_id, id)
    );
    create index party_search_trgm on party using gin (search_text gin_trgm_ops);
    create index party_search_grams on party using gin (search_grams);
    create index party_name_trgm on party using gin (name_key gin_trgm_ops);
    create index party_emails on party using gin (emails);
    create index party_phones on party using gin (phones);
    create index party_tags on party using gin (tags);
    create index party_owner on party (org_id, owner_id);
    create index party_backup_owner on party (org_id, backup_owner_id);
    create index party_updated on party (org_id, updated_at, id);
    create index party_created on party (org_id, created_at, id);
    create index party_display_name on party (org_id, display_name, id);

    create table party_role (
      org_id uuid not null,
      id uuid not null default gen_random_uuid(),
      party_id uuid not null,
      role text not null check (role in ('customer', 'employee', 'candidate', 'partner', 'supplier', 'distributor', 'government', 'community', 'media')),
      stakeholder_group text,
      stage text not null,
      level text check (level in ('basic', 'reactive', 'accountable', 'proactive', 'partnership')),
      target_level text check (target_level in ('basic', 'reactive', 'accountable', 'proactive', 'partnership')),
      initiative_score smallint check (initiative_score between 1 and 5),
      participation_score smallint check (participation_score between 1 and 5),
      phase text check (phase in ('awareness', 'exploration', 'expansion', 'commitment', 'dissolution')),
      employee_no text,
      hire_date date,
      org_unit_id uuid,
      manager_id uuid,
      job_title text,
      career_track text,
      grade text,
      salary numeric,
      exit_date date,
      exit_reason text,
      started_at timestamptz(3) not null default now(),
      ended_at timestamptz(3),
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id, id),
      foreign key (org_id, party_id) references party (org_id, id),
      foreign key (org_id, stakeholder_group) references stakeholder_group (org_id, key),
      foreign key (org_id, org_unit_id) references org_unit (org_id, id),
      foreign key (org_id, manager_id) references app_user (org_id, id)
    );
    -- One current role of each kind per party; ended roles stay as history.
    create unique index party_role_current on party_role (org_id, party_id, role) where ended_at is null;
    create index party_role_filter on party_role (org_id, role, stage, party_id) where ended_at is null;
    create index party_role_party on party_role (org_id, party_id);
    create index party_role_manager on party_role (org_id, manager_id) where ended_at is null;
    create index party_role_unit on party_role (org_id, org_unit_id) where ended_at is null;

    create table party_history (
      org_id uuid not null,
      id uuid not null default gen_random_uuid(),
      party_id uuid not null,
      role text,
      field text not null check (field in ('role', 'stage', 'level', 'target_level', 'phase', 'owner', 'backup_owner')),
      from_value text,
      to_value text,
      reason text,
      actor_id uuid,
      at timestamptz(3) not null default now(),
      primary key (org_id, id),
      foreign key (org_id, party_id) references party (org_id, id),
      foreign key (org_id, actor_id) references app_user (org_id, id)
    );
    create index party_history_party on party_history (org_id, party_id, at, id);

    create table interaction (
      org_id uuid not null,
      id uuid not null default gen_random_uuid(),
      party_id uuid not null,
      channel text not null check (channel in ('phone', 'email', 'visit', 'meeting', 'web', 'social', 'wechat', 'sms', 'letter', 'survey', 'other')),
      direction text not null check (direction in ('inbound', 'outbound', 'internal')),
      occurred_at timestamptz(3) not null,
      subject text not null,
      body text,
      outcome text,
      sentiment text check (sentiment in ('negative', 'neutral', 'positive')),
      participants jsonb not null default '[]',
      user_id uuid,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id, id),
      foreign key (org_id, party_id) references party (org_id, id),
      foreign key (org_id, user_id) references app_user (org_id, id)
    );
    create index interaction_party on interaction (org_id, party_id, occurred_at, id);
    create index interaction_occurred on interaction (org_id, occurred_at, id);

    create table task (
      org_id uuid not null,
      id uuid not null default gen_random_uuid(),
      party_id uuid,
      kind text not null check (kind ~ '^[a-z][a-z0-9_]{0,62}$'),
      title text not null,
      notes text,
      due_at timestamptz(3) not null,
      assignee_id uuid not null,
      status text not null default 'open' check (status in ('open', 'done', 'cancelled')),
      completed_at timestamptz(3),
      created_by uuid,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id, id),
      foreign key (org_id, party_id) references party (org_id, id),
      foreign key (org_id, assignee_id) references app_user (org_id, id),
      foreign key (org_id, created_by) references app_user (org_id, id)
    );
    create index task_assignee on task (org_id, assignee_id, status, due_at, id);
    create index task_party on task (org_id, party_id, due_at, id);

    -- What a merge moved, so it can be undone within 30 days.
    create table party_merge (
      org_id uuid not null,
      id uuid not null default gen_random_uuid(),
      source_id uuid not null,
      target_id uuid not null,
      moved jsonb not null,
      merged_by uuid,
      merged_at timestamptz(3) not null default now(),
      undone_at timestamptz(3),
      undone_by uuid,
      primary key (org_id, id),
      foreign key (org_id, source_id) references party (org_id, id),
      foreign key (org_id, target_id) references party (org_id, id),
      foreign key (org_id, merged_by) references app_user (org_id, id),
      foreign key (org_id, undone_by) references app_user (org_id, id)
    );
    create index party_merge_source on party_merge (org_id, source_id, merged_at);

    -- The parties module's read contract for other modules' SQL (audiences, analytics): the current
    -- roles of live parties. Other modules read this view, never the party tables themselves.
    create view party_membership as
      select r.org_id, r.id, r.party_id, r.role, r.stage, r.stakeholder_group, r.org_unit_id, r.started_at
      from party_role r
      join party p on p.org_id = r.org_id and p.id = r.party_id
      where r.ended_at is null and p.deleted_at is null and p.merged_into_id is null;

    -- A user may be linked to their own employee record (self-service); one user per party.
    alter table app_user add foreign key (org_id, party_id) references party (org_id, id);
    create unique index app_user_party on app_user (org_id, party_id) where party_id is not null;
  `.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('The parties migration cannot be reverted'));
}
