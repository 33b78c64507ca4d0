import { sql, type Kysely } from 'kysely';

// Outgoing mail as a transactional outbox: a message is queued in the same transaction as the
// write that causes it (an invitation, a case resolution), and sent after commit by the mail job.
// Bodies carry answer links (credentials), so they are erased once the message is sent.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table mail_outbox (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      to_address text not null,
      subject text not null,
      body_text text,
      body_html text,
      purpose text not null,
      status text not null default 'queued' check (status in ('queued', 'sent', 'failed')),
      attempts integer not null default 0,
      last_error text,
      next_attempt_at timestamptz(3) not null default now(),
      created_at timestamptz(3) not null default now(),
      sent_at timestamptz(3),
      primary key (org_id, id)
    );
    create index mail_outbox_due on mail_outbox (next_attempt_at) where status = 'queued';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table mail_outbox`.execute(db);
}
