import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/platform/db/database.ts';
import { tableDigests } from './backup-tables.ts';
import { runTandem } from './run-cli.ts';

// Backup and restore on PostgreSQL through the CLI (pg_dump / pg_restore): a demo organisation round-trips table for
// table into a new database. Needs TEST_DATABASE_URL (CI: `npx vitest run --project server-pg`).
const base = process.env.TEST_DATABASE_URL;
if (!base) {
  throw new Error('These tests need PostgreSQL: set TEST_DATABASE_URL');
}
const names = [1, 2].map(() => `tandem_backup_${randomBytes(5).toString('hex')}`);
const urlOf = (name: string) => {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
};
async function admin(statement: string) {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}
afterAll(async () => {
  for (const n of names) {
    await admin(`drop database if exists ${n} with (force)`);
  }
});

const long = { timeoutMs: 300_000 };

describe('tandem backup / restore (PostgreSQL)', () => {
  it('round-trips a demo organisation into an empty database; a full one is refused', async () => {
    const [from, to] = names.map(urlOf) as [string, string];
    for (const n of names) {
      await admin(`create database ${n}`);
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'tandem-pg-backup-'));
    const env = (url: string) => ({
      ...process.env,
      DATABASE_URL: url,
      TANDEM_DATA_DIR: dir,
      TANDEM_SECRET: 'pg-backup-secret-pg-backup-secret-000000',
      TANDEM_DEMO: '0',
      LOG_LEVEL: 'warn',
    });
    const file = path.join(dir, 'tandem.dump');
    expect((await runTandem(['migrate'], { env: env(from), ...long })).status).toBe(0);
    const demo = await runTandem(['demo'], { env: env(from), ...long });
    expect(demo.status, demo.stderr).toBe(0);
    const backup = await runTandem(['backup', '--to', file], { env: env(from), ...long });
    expect(backup.status, backup.stderr).toBe(0);
    const restore = await runTandem(['restore', '--from', file], { env: env(to), ...long });
    expect(restore.status, restore.stderr).toBe(0);

    const digests = async (url: string) => {
      const h = await openDatabase({ databaseUrl: url, poolSize: 2 });
      try {
        return await tableDigests(h.db);
      } finally {
        await h.close();
      }
    };
    const before = await digests(from);
    expect(before['public.party']?.rows).toBeGreaterThan(10);
    expect(await digests(to)).toEqual(before);

    const again = await runTandem(['restore', '--from', file], { env: env(to), ...long });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('not empty');
  }, 900_000);
});
