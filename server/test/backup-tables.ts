import { sql } from 'kysely';
import type { Db } from '../src/platform/db/database.ts';

/**
 * Every table's contents as one digest per table (public and the job queue's schema): rows in a fixed order (their
 * text form), so two databases with the same data give the same map whatever their physical order.
 */
export async function tableDigests(db: Db): Promise<Record<string, { rows: number; md5: string }>> {
  const tables = await sql<{ schema: string; name: string }>`
    select table_schema as schema, table_name as name from information_schema.tables
    where table_schema in ('public', 'pgboss') and table_type = 'BASE TABLE' order by 1, 2`.execute(db);
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const t of tables.rows) {
    const r = await sql<{ rows: number; md5: string | null }>`
      select count(*)::int as rows, md5(coalesce(string_agg(x::text, E'\\n' order by x::text), '')) as md5
      from ${sql.table(`${t.schema}.${t.name}`)} x`.execute(db);
    out[`${t.schema}.${t.name}`] = { rows: r.rows[0]?.rows ?? 0, md5: r.rows[0]?.md5 ?? '' };
  }
  return out;
}
