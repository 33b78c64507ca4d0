import { sql, type Kysely } from 'kysely';

// The value module's analytics core: fits of the probabilistic CLV model (docs/metrics.md "CLV, probabilistic"), one
// row per request — queued, running, then done with the fitted parameters or failed with the reason. The current
// model of an org (and currency) is its latest finished fit. Same rules as 0001: org_id leads every key.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table value_clv_fit (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      status text not null check (status in ('queued', 'running', 'done', 'failed')),
      as_of date not null,
      time_unit text not null check (time_unit in ('day', 'week')),
      currency char(3) not null,
      requested_by uuid,
      requested_at timestamptz(3) not null default now(),
      finished_at timestamptz(3),
      result jsonb,
      error jsonb,
      primary key (org_id, id),
      foreign key (org_id, requested_by) references app_user (org_id, id)
    );
    create index value_clv_fit_latest on value_clv_fit (org_id, currency, finished_at desc) where status = 'done';
  `.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('The value migration cannot be reverted'));
}
