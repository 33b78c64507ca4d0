import { sql, type Kysely } from 'kysely';

// Imports: a job per uploaded file, the records it created or updated (so a revert can
// remove and restore exactly those) and its row-level errors. Parties gain an external id, the
// upsert key for data from other systems. Same rules as 0001: org_id leads every key; timestamps
// are timestamptz(3).
// The checkpoint (`processed`, data rows handled) moves in the same transaction as the rows a batch
// writes, its items and its errors, so a crash leaves whole batches only and a resume skips them.
// One runner per job: a runner claims the job's lease (`runner_id`, `lease_until`) atomically and
// renews it in every batch transaction; a crashed runner's lease expires and another may resume.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table party add column external_id text;
    create unique index party_external_id on party (org_id, external_id) where external_id is not null;

    create table import_job (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      entity text not null check (entity in ('parties', 'employees', 'interactions', 'products', 'transactions')),
      status text not null default 'uploaded' check (status in ('uploaded', 'queued', 'running', 'completed', 'failed', 'reverted')),
      file_name text not null,
      file_path text not null,
      file_size bigint not null,
      file_sha256 text not null,
      file_type text not null check (file_type in ('csv', 'xlsx')),
      encoding text,
      delimiter text,
      headers text[] not null default '{}',
      options jsonb not null default '{}',
      mapping jsonb not null default '{}',
      dry_run boolean not null default false,
      total integer,
      processed integer not null default 0,
      bytes_done bigint not null default 0,
      run_from integer not null default 0,
      created integer not null default 0,
      updated integer not null default 0,
      skipped integer not null default 0,
      failed integer not null default 0,
      duplicates integer not null default 0,
      message text,
      runner_id text,
      lease_until timestamptz(3),
      created_by uuid,
      started_at timestamptz(3),
      finished_at timestamptz(3),
      reverted_at timestamptz(3),
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id, id),
      foreign key (org_id, created_by) references app_user (org_id, id)
    );
    create index import_job_created on import_job (org_id, created_at desc, id);
    create index import_job_status on import_job (status) where status in ('queued', 'running');

    create table import_item (
      org_id uuid not null,
      job_id uuid not null,
      row_no integer not null,
      entity text not null,
      record_id uuid not null,
      action text not null check (action in ('created', 'updated')),
      before jsonb,
      primary key (org_id, job_id, row_no, record_id),
      foreign key (org_id, job_id) references import_job (org_id, id) on delete cascade
    );

    create table import_error (
      org_id uuid not null,
      job_id uuid not null,
      row_no integer not null,
      seq integer not null,
      "column" text,
      code text not null,
      message text not null,
      value text,
      primary key (org_id, job_id, row_no, seq),
      foreign key (org_id, job_id) references import_job (org_id, id) on delete cascade
    );
  `.execute(db);
}
