import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { openTestDatabase } from './harness.ts';

const db = await openTestDatabase();
afterAll(() => db.dropAfter());

// Tables that are not organisation data: the tenant root, the migrator's bookkeeping, and failed sign-in counters
// (keyed by an HMAC of an email or address: a sign-in happens before its organisation is known).
const systemTables = new Set(['organization', 'tandem_migration', 'tandem_migration_lock', 'login_throttle']);

describe('migrations', () => {
  it('are idempotent: a second run applies nothing', async () => {
    expect(await migrateToLatest(db.db)).toEqual([]);
  });

  it('every table carries org_id and leads its primary key, unique constraints and foreign keys with it', async () => {
    const rows = await sql<{ table_name: string; contype: string; conname: string; first_col: string | null }>`
      select c.relname as table_name, k.contype, k.conname,
             (select a.attname from pg_attribute a where a.attrelid = k.conrelid and a.attnum = k.conkey[1]) as first_col
      from pg_constraint k
      join pg_class c on c.oid = k.conrelid
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and k.contype in ('p', 'u', 'f')`.execute(db.db);
    const tables = await sql<{
      table_name: string;
    }>`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(
      db.db,
    );
    const dataTables = tables.rows.map((t) => t.table_name).filter((t) => !systemTables.has(t));
    expect(dataTables.length).toBeGreaterThanOrEqual(6);
    for (const t of dataTables) {
      const pk = rows.rows.find((r) => r.table_name === t && r.contype === 'p');
      expect(pk?.first_col, `${t} primary key`).toBe('org_id');
    }
    const offenders = rows.rows.filter((r) => !systemTables.has(r.table_name) && r.first_col !== 'org_id');
    expect(offenders).toEqual([]);
  });

  it('timestamps are timestamptz', async () => {
    const cols = await sql<{ table_name: string; column_name: string; data_type: string }>`
      select table_name, column_name, data_type from information_schema.columns
      where table_schema = 'public' and (column_name like '%_at' or column_name = 'at')`.execute(db.db);
    expect(cols.rows.length).toBeGreaterThan(5);
    for (const c of cols.rows) {
      expect(c.data_type, `${c.table_name}.${c.column_name}`).toBe('timestamp with time zone');
    }
  });
});
