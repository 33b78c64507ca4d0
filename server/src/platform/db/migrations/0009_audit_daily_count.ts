import { sql, type Kysely } from 'kysely';

// Anonymous actions (an anonymous grievance, a follow-up on one) leave no audit row: its identity column and time
// would place it among the rows of the people active at that moment. They are counted per day instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table audit_daily_count (
      org_id uuid not null references organization (org_id),
      day date not null,
      action text not null,
      count integer not null default 0,
      primary key (org_id, day, action)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table audit_daily_count`.execute(db);
}
