import { sql, type Kysely } from 'kysely';

// Care settings and scheduled campaigns (docs/care.md "Commercial-content guard", "Scheduled sending"): the
// organisation's commercial cap (absent row: the default), and why the scheduler could not send a campaign.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table care_settings (
      org_id uuid not null references organization (org_id),
      commercial_cap numeric(5, 4) not null check (commercial_cap >= 0 and commercial_cap <= 1),
      updated_by uuid,
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id),
      foreign key (org_id, updated_by) references app_user (org_id, id)
    );

    alter table campaign add column send_error text;
    create index campaign_due on campaign (org_id, scheduled_at) where status = 'draft' and scheduled_at is not null;
  `.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('The care settings migration cannot be reverted'));
}
