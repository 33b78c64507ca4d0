import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { pgliteAssets } from './pglite-assets.ts';
import type { DatabaseHandle } from './database.ts';

/**
 * Backup and restore of a whole Tandem database (docs/architecture.md "Backup and restore").
 * - PGlite: a gzipped tarball of the data directory (PGlite's own dump), taken while this process holds the data
 *   directory's lock, so no server is writing; restored into an empty data directory.
 * - PostgreSQL: `pg_dump --format=custom` and `pg_restore` into an empty database, when those tools are installed.
 * The file says which it is: a gzip stream or pg_dump's `PGDMP` header.
 */
export class BackupError extends Error {}

const GZIP = Buffer.from([0x1f, 0x8b]);
const PGDMP = Buffer.from('PGDMP');

export type BackupKind = 'pglite' | 'postgres';

export function backupKind(file: string): BackupKind {
  const head = readFileSync(file).subarray(0, 5);
  if (head.subarray(0, 2).equals(GZIP)) {
    return 'pglite';
  }
  if (head.equals(PGDMP)) {
    return 'postgres';
  }
  throw new BackupError(`${file} is not a Tandem backup (neither an embedded database's dump nor a pg_dump archive)`);
}

/** A PostgreSQL client tool: $TANDEM_PG_BIN, then PATH, then the newest /usr/lib/postgresql/<n>/bin. */
export function findPgTool(tool: 'pg_dump' | 'pg_restore'): string {
  const dirs = [
    ...(process.env.TANDEM_PG_BIN ? [process.env.TANDEM_PG_BIN] : []),
    ...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean),
  ];
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    dirs.push(...versions.map((v) => path.join(root, v, 'bin')));
  }
  for (const dir of dirs) {
    const candidate = path.join(dir, tool);
    if (existsSync(candidate)) {
      return candidate;
    }
  }
  throw new BackupError(
    `${tool} was not found. Install the PostgreSQL client tools of your server's version (Debian/Ubuntu: ` +
      `apt install postgresql-client-15) or point TANDEM_PG_BIN at their directory.`,
  );
}

/** The URL without its password, and the password for PGPASSWORD: a password on a command line shows in `ps`. */
function withoutPassword(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${path.basename(cmd)} failed (${code}): ${err.trim()}`)),
    );
  });
}

/** Writes a backup of the open database to `file`; returns its size in bytes. */
export async function backupTo(handle: DatabaseHandle, databaseUrl: string | undefined, file: string) {
  if (handle.engine === 'pglite') {
    if (!handle.dump) {
      throw new BackupError('This embedded database cannot be dumped');
    }
    const blob = await handle.dump('gzip');
    writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  } else {
    const target = withoutPassword(databaseUrl ?? '');
    await run(
      findPgTool('pg_dump'),
      ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${target.url}`],
      target.env,
    );
  }
  return readFileSync(file).length;
}

/** Restores `file` into an empty embedded data directory (`<dataDir>/pglite`). */
export async function restorePGlite(file: string, dataDir: string): Promise<void> {
  const dir = path.join(dataDir, 'pglite');
  if (existsSync(dir) && readdirSync(dir).length) {
    throw new BackupError(
      `${dir} already holds a database; restore into an empty data directory (TANDEM_DATA_DIR) or move it away first`,
    );
  }
  mkdirSync(dir, { recursive: true });
  // Hold the directory's lock meanwhile: a server started during the restore stops with a clear message.
  const unlock = acquireDataDirLock(dir);
  try {
    const db = await PGlite.create({
      ...(await pgliteAssets()),
      dataDir: dir,
      loadDataDir: new Blob([readFileSync(file)]),
      extensions: { pg_trgm },
    });
    await db.close();
  } finally {
    unlock();
  }
}

/** Restores `file` (a pg_dump archive) into the empty PostgreSQL database at `url`. */
export async function restorePostgres(file: string, url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const used = await c.query<{ n: number }>(
      `select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema')`,
    );
    if ((used.rows[0]?.n ?? 0) > 0) {
      throw new BackupError('The target database is not empty; restore into a new, empty database');
    }
  } finally {
    await c.end();
  }
  const target = withoutPassword(url);
  await run(
    findPgTool('pg_restore'),
    ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${target.url}`, file],
    target.env,
  );
}
