import { sql, type Kysely } from 'kysely';

// Every table leads its keys with org_id (docs/domain.md "Tenancy"); foreign keys carry it too.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table organization (
      org_id uuid primary key default gen_random_uuid(),
      slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
      name text not null,
      default_locale text not null default 'zh-CN' check (default_locale in ('zh-CN', 'en')),
      settings jsonb not null default '{}',
      created_at timestamptz(3) not null default now(),
      version integer not null default 1
    );

    create table org_unit (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      name text not null,
      parent_id uuid,
      manager_user_id uuid,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id, id),
      foreign key (org_id, parent_id) references org_unit (org_id, id),
      check (parent_id is null or parent_id <> id)
    );
    create index org_unit_parent on org_unit (org_id, parent_id);

    create table app_user (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      email text not null check (email = lower(email)),
      display_name text not null,
      password_hash text,
      roles text[] not null check (cardinality(roles) > 0),
      org_unit_id uuid,
      party_id uuid,
      locale text check (locale in ('zh-CN', 'en')),
      active boolean not null default true,
      last_login_at timestamptz(3),
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id, id),
      unique (org_id, email),
      foreign key (org_id, org_unit_id) references org_unit (org_id, id)
    );
    create index app_user_email on app_user (email);
    create index app_user_unit on app_user (org_id, org_unit_id);
    create index app_user_name on app_user (org_id, display_name, id);

    alter table org_unit add foreign key (org_id, manager_user_id) references app_user (org_id, id);
    create index org_unit_manager on org_unit (org_id, manager_user_id);

    create table session (
      org_id uuid not null,
      id uuid not null default gen_random_uuid(),
      user_id uuid not null,
      token_hash text not null,
      csrf_token text not null,
      ip text,
      user_agent text,
      created_at timestamptz(3) not null default now(),
      last_seen_at timestamptz(3) not null default now(),
      expires_at timestamptz(3) not null,
      primary key (org_id, id),
      foreign key (org_id, user_id) references app_user (org_id, id) on delete cascade
    );
    -- Lookup by the secret's hash happens before the org is known; a hash of 256 random bits does not collide.
    create index session_token on session (token_hash);
    create index session_expiry on session (expires_at);

    create table api_token (
      org_id uuid not null,
      id uuid not null default gen_random_uuid(),
      user_id uuid not null,
      name text not null,
      prefix text not null,
      token_hash text not null,
      created_at timestamptz(3) not null default now(),
      last_used_at timestamptz(3),
      revoked_at timestamptz(3),
      primary key (org_id, id),
      foreign key (org_id, user_id) references app_user (org_id, id)
    );
    create index api_token_hash on api_token (token_hash);
    create index api_token_user on api_token (org_id, user_id, created_at);

    create table audit_log (
      org_id uuid not null references organization (org_id),
      id bigint generated always as identity,
      actor_id uuid,
      actor_type text not null check (actor_type in ('user', 'token', 'system', 'anonymous')),
      action text not null,
      entity_type text not null,
      entity_id text,
      before jsonb,
      after jsonb,
      at timestamptz(3) not null default now(),
      request_id text,
      ip text,
      primary key (org_id, id)
    );
    create index audit_entity on audit_log (org_id, entity_type, entity_id, id);
    create index audit_actor on audit_log (org_id, actor_id, id);

    -- Append-only: the database itself refuses to change or remove audit rows.
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end $$;
    create trigger audit_log_no_update before update or delete on audit_log
      for each row execute function audit_log_append_only();
    create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only();

    create table saved_view (
      org_id uuid not null,
      id uuid not null default gen_random_uuid(),
      user_id uuid not null,
      table_key text not null,
      name text not null,
      state jsonb not null,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id, id),
      unique (org_id, user_id, table_key, name),
      foreign key (org_id, user_id) references app_user (org_id, id) on delete cascade
    );
  `.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('The foundation migration cannot be reverted'));
}
