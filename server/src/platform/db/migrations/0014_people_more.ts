import { sql, type Kysely } from 'kysely';

// The rest of the people module (docs/domain.md "People", docs/metrics.md "People"): PDCA cycles get an owner who is
// an employee (a party), turns and notes; vision reviews are one per unit per year; the contract-expiry job keeps one
// notice per contract and end date, so it never raises the same task twice.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table pdca_cycle
      alter column owner_id drop not null,
      add column owner_party_id uuid,
      add column turn integer not null default 1 check (turn >= 1),
      add column notes text,
      add foreign key (org_id, owner_party_id) references party (org_id, id);
    create index pdca_cycle_unit on pdca_cycle (org_id, org_unit_id);

    alter table vision_review alter column trigger set default 'yearly';
    create unique index vision_review_unit_year on vision_review (org_id, org_unit_id, year) nulls not distinct;

    create table contract_expiry_notice (
      org_id uuid not null,
      contract_id uuid not null,
      end_on date not null,
      task_id uuid,
      created_at timestamptz(3) not null default now(),
      primary key (org_id, contract_id, end_on),
      foreign key (org_id, contract_id) references employee_contract (org_id, id)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table contract_expiry_notice;
    drop index vision_review_unit_year;
    drop index pdca_cycle_unit;
    alter table pdca_cycle drop column notes, drop column turn, drop column owner_party_id;
  `.execute(db);
}
