import { sql, type Kysely } from 'kysely';

// Notifications (docs/architecture.md "Notifications"): what needs a user, written by the module that owns the event
// in the same transaction as the change. `dedupe_key` makes a producer idempotent: calling notify twice for the same
// event (a retried job, two servers running the due-task job) inserts one row (on conflict do nothing). `params`
// hold only what the message needs (a title, a name), never grievance content, pay or survey identity.
// The per-user setting holds the email digest switch and the day of the last digest (the job's exactly-once claim).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table notification (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      user_id uuid not null,
      kind text not null,
      record_type text not null,
      record_id uuid not null,
      params jsonb not null default '{}'::jsonb,
      dedupe_key text not null,
      created_at timestamptz(3) not null default now(),
      read_at timestamptz(3),
      primary key (org_id, id),
      unique (org_id, user_id, dedupe_key),
      foreign key (org_id, user_id) references app_user (org_id, id) on delete cascade
    );
    create index notification_by_user on notification (org_id, user_id, created_at desc, id desc);
    create index notification_unread on notification (org_id, user_id, created_at) where read_at is null;

    create table notification_setting (
      org_id uuid not null references organization (org_id),
      user_id uuid not null,
      email_digest boolean not null default false,
      digest_sent_on date,
      digest_sent_at timestamptz(3),
      updated_at timestamptz(3) not null default now(),
      primary key (org_id, user_id),
      foreign key (org_id, user_id) references app_user (org_id, id) on delete cascade
    );
    create index notification_setting_digest on notification_setting (org_id, user_id) where email_digest;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table notification_setting; drop table notification`.execute(db);
}
