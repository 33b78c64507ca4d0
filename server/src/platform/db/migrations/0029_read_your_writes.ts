import { sql, type Kysely } from 'kysely';

// Read your writes with a read replica (docs/scale.md "A read replica"): the moment a session or an API token last
// wrote through the API, stamped on the primary after each successful write request, so that any server routes that
// reader's next few seconds of reads to the primary instead of a replica that may not have replayed the write yet.
// Only stamped when a replica is configured. No trigger watches these columns (migration 0028's fire on sign-outs,
// revocations and user changes only), so a stamp makes no server forget its resolved sessions.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table session add column last_write_at timestamptz(3);
    alter table api_token add column last_write_at timestamptz(3);
  `.execute(db);
}
