import { sql, type Kysely } from 'kysely';

// Products and transactions: what customers buy, for the value analytics (RFM, CLV,
// Pareto, cross-sell). Same rules as 0001: org_id leads every key; timestamps are timestamptz(3).
// Money is numeric(14,2) (the driver returns it as a string); currencies are ISO 4217 codes.
// A transaction's amount equals the sum of its lines when it has lines (checked by the service and
// the bulk path; lines are optional for a transaction known only by its total).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table product (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      name text not null,
      sku text,
      external_id text,
      category text,
      price numeric(14,2) check (price >= 0),
      currency char(3) not null,
      active boolean not null default true,
      created_by uuid,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id, id),
      foreign key (org_id, created_by) references app_user (org_id, id)
    );
    create unique index product_external_id on product (org_id, external_id) where external_id is not null;
    create unique index product_sku on product (org_id, sku) where sku is not null;
    create index product_name on product (org_id, name, id);

    create table transaction (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      party_id uuid not null,
      occurred_at timestamptz(3) not null,
      amount numeric(14,2) not null,
      currency char(3) not null,
      channel text,
      external_id text,
      note text,
      created_by uuid,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id, id),
      foreign key (org_id, party_id) references party (org_id, id),
      foreign key (org_id, created_by) references app_user (org_id, id)
    );
    create unique index transaction_external_id on transaction (org_id, external_id) where external_id is not null;
    -- Per-customer history (timeline, RFM, CLV) and period scans (revenue, cohorts).
    create index transaction_party on transaction (org_id, party_id, occurred_at);
    create index transaction_occurred on transaction (org_id, occurred_at, id);

    create table transaction_line (
      org_id uuid not null references organization (org_id),
      transaction_id uuid not null,
      line_no integer not null,
      product_id uuid not null,
      quantity numeric(12,3) not null check (quantity > 0),
      unit_price numeric(14,2) not null,
      amount numeric(14,2) not null,
      primary key (org_id, transaction_id, line_no),
      foreign key (org_id, transaction_id) references transaction (org_id, id) on delete cascade,
      foreign key (org_id, product_id) references product (org_id, id)
    );
    create index transaction_line_product on transaction_line (org_id, product_id);
  `.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('The commerce migration cannot be reverted'));
}
