import { sql, type Kysely } from 'kysely';

// The rest of care and projects (docs/care.md "Replies", docs/projects.md "Projects"): the organisation's inbound-mail
// token (stored hashed, like the mention token), every inbound message once by its Message-ID (matched to a campaign
// recipient and party, or kept unmatched), the recipient's reply time, and the product a product project is about.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table care_mail_settings (
      org_id uuid not null references organization (org_id),
      token_hash text,
      token_created_at timestamptz(3),
      token_created_by uuid,
      primary key (org_id),
      foreign key (org_id, token_created_by) references app_user (org_id, id)
    );

    create table care_inbound_mail (
      org_id uuid not null references organization (org_id),
      message_id text not null,
      from_address text not null,
      subject text not null,
      matched_by text not null check (matched_by in ('reply_header', 'sender', 'none')),
      party_id uuid,
      campaign_id uuid,
      interaction_id uuid,
      received_at timestamptz(3) not null default now(),
      primary key (org_id, message_id),
      foreign key (org_id, party_id) references party (org_id, id),
      foreign key (org_id, campaign_id) references campaign (org_id, id)
    );
    create index care_inbound_mail_received on care_inbound_mail (org_id, received_at desc);

    alter table campaign_recipient add column replied_at timestamptz(3);

    alter table project add column product_id uuid;
    alter table project add constraint project_product foreign key (org_id, product_id) references product (org_id, id);
    create index project_product on project (org_id, product_id) where product_id is not null;
  `.execute(db);
}
