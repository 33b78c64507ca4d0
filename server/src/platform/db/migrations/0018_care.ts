import { sql, type Kysely } from 'kysely';

// Care (docs/care.md): reminder rules, and the key that makes the daily reminder job create one task per rule, party
// and occasion date however often it runs and however many servers run it (insert … on conflict do nothing).
// Occasion category rules say which product categories sell for an occasion (suggestions). Consent per party and
// channel, and the suppression list, gate marketing sends.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table care_rule (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      name text not null,
      kind text not null check (kind in ('birthday', 'anniversary', 'purchase', 'revisit', 'contract_renewal', 'custom_date')),
      params jsonb not null default '{}',
      role text not null default 'customer' check (role in ('customer', 'employee')),
      lead_days integer not null default 0 check (lead_days between 0 and 365),
      scope text not null default 'org' check (scope in ('org', 'mine')),
      assignee text not null default 'owner' check (assignee in ('owner', 'user')),
      assignee_id uuid,
      title_zh text not null,
      title_en text not null,
      body_zh text,
      body_en text,
      active boolean not null default true,
      created_by uuid not null,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id, id),
      foreign key (org_id, created_by) references app_user (org_id, id),
      foreign key (org_id, assignee_id) references app_user (org_id, id),
      check ((assignee = 'user') = (assignee_id is not null))
    );
    create index care_rule_active on care_rule (org_id, active, created_at, id);

    create table care_reminder (
      org_id uuid not null,
      rule_id uuid not null,
      party_id uuid not null,
      occasion_on date not null,
      task_id uuid,
      created_at timestamptz(3) not null default now(),
      primary key (org_id, rule_id, party_id, occasion_on),
      foreign key (org_id, rule_id) references care_rule (org_id, id),
      foreign key (org_id, party_id) references party (org_id, id),
      foreign key (org_id, task_id) references task (org_id, id)
    );

    create table care_occasion_category (
      org_id uuid not null references organization (org_id),
      occasion text not null,
      categories text[] not null default '{}',
      updated_by uuid,
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id, occasion),
      foreign key (org_id, updated_by) references app_user (org_id, id)
    );

    -- Consent per party and channel: an append-only log; the latest event of a channel is the party's consent.
    create table care_consent_event (
      org_id uuid not null,
      id uuid not null default gen_random_uuid(),
      party_id uuid not null,
      channel text not null check (channel in ('email', 'sms', 'wechat')),
      status text not null check (status in ('granted', 'withdrawn')),
      source text not null,
      note text,
      actor_id uuid,
      at timestamptz(3) not null default now(),
      primary key (org_id, id),
      foreign key (org_id, party_id) references party (org_id, id),
      foreign key (org_id, actor_id) references app_user (org_id, id)
    );
    create index care_consent_event_party on care_consent_event (org_id, party_id, channel, at desc, id);

    -- Addresses nobody sends marketing to, whoever they belong to (an email lower-cased, a phone in E.164).
    create table care_suppression (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      channel text not null check (channel in ('email', 'sms', 'wechat')),
      address text not null,
      reason text,
      created_by uuid,
      created_at timestamptz(3) not null default now(),
      primary key (org_id, id),
      unique (org_id, channel, address),
      foreign key (org_id, created_by) references app_user (org_id, id)
    );
  `.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('The care migration cannot be reverted'));
}
