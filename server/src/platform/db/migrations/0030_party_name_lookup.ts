import { sql, type Kysely } from 'kysely';

// Imports name parties by their exact name, case-insensitively (an interaction or transaction row that gives the
// customer's name): one index probe per name instead of reading every party of the organisation in each batch.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index party_name_lower on party (org_id, lower(display_name))`.execute(db);
}
