import { sql, type Kysely } from 'kysely';

// Service module: SLA policies, cases with their event history, post-resolution feedback
// links, early-warning rules and alerts. Same rules as 0001: org_id leads every key; timestamps are
// timestamptz(3).
// Anonymous grievances by construction: a check keeps party, submitter and creator empty; the
// follow-up code is stored only as an HMAC.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table sla_policy (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      name text not null,
      time_zone text not null,
      hours jsonb not null,
      holidays text[] not null default '{}',
      workdays text[] not null default '{}',
      targets jsonb not null,
      is_default boolean not null default false,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id, id)
    );
    create unique index sla_policy_one_default on sla_policy (org_id) where is_default;

    create table service_case (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      type text not null check (type in ('complaint', 'inquiry', 'request', 'praise', 'grievance')),
      party_id uuid,
      subject text not null,
      description text,
      channel text not null,
      priority text not null check (priority in ('low', 'normal', 'high', 'urgent')),
      assignee_id uuid,
      status text not null default 'new' check (status in ('new', 'open', 'pending', 'resolved', 'closed')),
      anonymous boolean not null default false,
      submitter_id uuid,
      follow_up_hash text,
      sla_policy_id uuid,
      first_response_due_at timestamptz(3),
      resolve_due_at timestamptz(3),
      first_responded_at timestamptz(3),
      resolved_at timestamptz(3),
      closed_at timestamptz(3),
      first_response_minutes integer,
      resolution_minutes integer,
      sla_state text not null default 'on_track' check (sla_state in ('on_track', 'at_risk', 'breached')),
      first_response_breached boolean not null default false,
      resolve_breached boolean not null default false,
      root_cause text check (root_cause in ('competition', 'customer', 'company_error', 'other')),
      root_cause_detail text,
      remedy text check (remedy in ('material', 'psychological', 'both', 'none')),
      remedy_detail text,
      remedy_cost numeric(14, 2),
      csat_score integer check (csat_score between 1 and 5),
      csat_comment text,
      csat_at timestamptz(3),
      reopen_count integer not null default 0,
      created_by uuid,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id, id),
      foreign key (org_id, party_id) references party (org_id, id),
      foreign key (org_id, assignee_id) references app_user (org_id, id),
      foreign key (org_id, submitter_id) references app_user (org_id, id),
      foreign key (org_id, created_by) references app_user (org_id, id),
      foreign key (org_id, sla_policy_id) references sla_policy (org_id, id),
      check (type = 'grievance' or not anonymous),
      check (not anonymous or (party_id is null and submitter_id is null and created_by is null))
    );
    create index service_case_updated on service_case (org_id, updated_at desc, id);
    create index service_case_party on service_case (org_id, party_id, created_at) where party_id is not null;
    create index service_case_assignee on service_case (org_id, assignee_id);
    create index service_case_open on service_case (org_id, status) where status in ('new', 'open', 'pending');
    create unique index service_case_follow_up on service_case (follow_up_hash) where follow_up_hash is not null;

    create table case_event (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      -- Insertion order: events of one request share their time.
      seq bigint generated always as identity,
      case_id uuid not null,
      kind text not null check (kind in ('created', 'status', 'reply', 'assignment', 'priority', 'resolution', 'csat', 'follow_up')),
      from_status text,
      to_status text,
      body text,
      visibility text check (visibility in ('public', 'internal')),
      data jsonb,
      actor_id uuid,
      at timestamptz(3) not null default now(),
      primary key (org_id, id),
      foreign key (org_id, case_id) references service_case (org_id, id),
      foreign key (org_id, actor_id) references app_user (org_id, id)
    );
    create index case_event_case on case_event (org_id, case_id, at, seq);

    create table case_feedback_token (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      -- Insertion order: events of one request share their time.
      seq bigint generated always as identity,
      case_id uuid not null,
      token_hash text not null,
      expires_at timestamptz(3) not null,
      used boolean not null default false,
      created_at timestamptz(3) not null default now(),
      primary key (org_id, id),
      foreign key (org_id, case_id) references service_case (org_id, id)
    );
    create unique index case_feedback_token_hash on case_feedback_token (token_hash);

    create table alert_rule (
      org_id uuid not null references organization (org_id),
      kind text not null check (kind in ('complaints_in_window', 'breached_complaint', 'low_csat')),
      enabled boolean not null default true,
      params jsonb not null default '{}',
      updated_at timestamptz(3) not null default now(),
      primary key (org_id, kind)
    );

    create table alert (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      party_id uuid not null,
      rule text not null,
      reason text not null,
      case_id uuid,
      task_id uuid,
      status text not null default 'open' check (status in ('open', 'acknowledged')),
      stage_note text,
      created_at timestamptz(3) not null default now(),
      acknowledged_at timestamptz(3),
      acknowledged_by uuid,
      primary key (org_id, id),
      foreign key (org_id, party_id) references party (org_id, id),
      foreign key (org_id, rule) references alert_rule (org_id, kind),
      foreign key (org_id, case_id) references service_case (org_id, id),
      foreign key (org_id, task_id) references task (org_id, id),
      foreign key (org_id, acknowledged_by) references app_user (org_id, id)
    );
    create unique index alert_one_open on alert (org_id, party_id, rule) where status = 'open';
    create index alert_created on alert (org_id, created_at desc, id);
  `.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('The service migration cannot be reverted'));
}
