import { sql, type Kysely } from 'kysely';

// Campaigns (docs/care.md "Campaigns"): a campaign, and one row per recipient with what happened to them. The mail
// outbox gains headers (List-Unsubscribe of marketing mail), erased with the body once a message is sent.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table mail_outbox add column headers jsonb;

    create table campaign (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      name text not null,
      kind text not null check (kind in ('care', 'newsletter', 'offer', 'referral', 'win_back')),
      commercial boolean not null,
      audience jsonb not null,
      subject_zh text not null,
      subject_en text not null,
      body_zh text not null,
      body_en text not null,
      scheduled_at timestamptz(3),
      status text not null default 'draft' check (status in ('draft', 'sent')),
      override_reason text,
      sent_at timestamptz(3),
      sent_by uuid,
      created_by uuid not null,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id, id),
      foreign key (org_id, created_by) references app_user (org_id, id),
      foreign key (org_id, sent_by) references app_user (org_id, id)
    );
    create index campaign_created on campaign (org_id, created_at, id);

    create table campaign_recipient (
      org_id uuid not null,
      campaign_id uuid not null,
      party_id uuid not null,
      address text,
      locale text,
      state text not null check (state in ('queued', 'unsubscribed', 'skipped_no_address', 'skipped_no_consent', 'skipped_suppressed')),
      outbox_id uuid,
      unsubscribed_at timestamptz(3),
      created_at timestamptz(3) not null default now(),
      primary key (org_id, campaign_id, party_id),
      foreign key (org_id, campaign_id) references campaign (org_id, id),
      foreign key (org_id, party_id) references party (org_id, id)
    );
  `.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('The campaigns migration cannot be reverted'));
}
