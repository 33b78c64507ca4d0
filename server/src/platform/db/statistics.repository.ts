import { sql } from 'kysely';
import type { Db } from './database.ts';

// Planner statistics for tables that grew (docs/architecture.md "Planner statistics"). PostgreSQL's autovacuum
// analyses a table once enough of it changed; embedded PGlite has no autovacuum, so without this a table filled
// through the API keeps the planner's guess for a never-analysed table (a handful of rows), and a join over a few
// thousand customers runs as nested loops for seconds. Growth is judged from the table's size on disk against
// the page count its last ANALYZE recorded — the engines' change counters are not reliable on PGlite.

/** Tables of the app's schema whose statistics are missing or stale: never analysed, or grown by > 20 % + 8 pages. */
export async function staleTables(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'r'
      and pg_relation_size(c.oid) / current_setting('block_size')::int > c.relpages * 1.2 + 8
    order by c.relname`.execute(db);
  return rows.map((r) => r.name);
}

/** ANALYZE of one table, by name as the catalogue gave it. */
export async function analyzeTable(db: Db, name: string): Promise<void> {
  await sql`analyze ${sql.id(name)}`.execute(db);
}
