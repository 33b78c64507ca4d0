import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

// A real streaming replica of the test PostgreSQL (docs/scale.md "A read replica"): `pg_basebackup -R` over loopback
// into a temporary directory, started with `pg_ctl` on a free port. The data directory must belong to the user that
// runs PostgreSQL, which refuses to run as root: as root (CI) every command runs through `runuser -u postgres --`,
// otherwise as ourselves (a developer's own PostgreSQL). Asynchronous child processes only: a blocking spawn would
// starve Vitest's worker.
const run = promisify(execFile);
const asRoot = process.getuid?.() === 0;

async function cmd(bin: string, args: string[]): Promise<string> {
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const { stdout } = await run(file, argv, { timeout: 120_000 });
  return stdout;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

async function query<T>(url: string, text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows as T[];
  } finally {
    await c.end();
  }
}

const LIMITS = [
  'max_connections',
  'max_worker_processes',
  'max_wal_senders',
  'max_prepared_transactions',
  'max_locks_per_transaction',
];

export interface Replica {
  /** The replica's address for a database name (same names as on the primary). */
  url(database: string): string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Runs SQL on the replica (pausing and resuming replay). */
  sql<T>(database: string, text: string): Promise<T[]>;
  remove(): Promise<void>;
}

export async function makeReplica(primaryUrl: string): Promise<Replica> {
  const primary = new URL(primaryUrl);
  const [v] = await query<{ v: string }>(primaryUrl, "select current_setting('server_version_num') as v");
  const bin = process.env.PG_BIN ?? `/usr/lib/postgresql/${Math.floor(Number(v?.v) / 10000)}/bin`;
  if (!existsSync(path.join(bin, 'pg_ctl'))) {
    throw new Error(`No PostgreSQL binaries in ${bin} (set PG_BIN)`);
  }
  // A standby refuses to start with fewer of these than its primary has.
  const [limits] = await query<Record<string, string>>(
    primaryUrl,
    `select ${LIMITS.map((k) => `current_setting('${k}') as ${k}`).join(', ')}`,
  );
  const same = LIMITS.map((k) => `-c ${k}=${limits?.[k] ?? ''}`).join(' ');
  const dir = mkdtempSync(path.join(tmpdir(), 'tandem-replica-'));
  if (asRoot) {
    await run('chown', ['postgres:postgres', dir]);
  }
  const data = path.join(dir, 'data');
  const port = await freePort();
  // -R writes standby.signal and primary_conninfo; -X stream keeps the WAL made during the copy; a fast checkpoint
  // starts the copy at once; a replication slot (-C -S) keeps the primary's WAL while the test stops the replica, so it
  // catches up when started again. The slot is dropped at the end: a forgotten one would keep WAL for ever.
  const slot = `tandem_replica_${randomBytes(4).toString('hex')}`;
  // Its walsender may outlive the stopped replica by a moment (an active slot cannot be dropped): try for a while.
  const dropSlot = async () => {
    for (let i = 0; i < 40; i++) {
      const ok = await query(
        primaryUrl,
        `select pg_drop_replication_slot('${slot}') from pg_replication_slots where slot_name = '${slot}'`,
      ).then(
        () => true,
        () => false,
      );
      if (ok) {
        return;
      }
      await new Promise((res) => setTimeout(res, 250));
    }
  };
  await cmd(path.join(bin, 'pg_basebackup'), [
    '-D',
    data,
    '-R',
    '-C',
    '-S',
    slot,
    '-X',
    'stream',
    '-c',
    'fast',
    '-h',
    primary.hostname,
    '-p',
    primary.port || '5432',
    '-U',
    decodeURIComponent(primary.username || 'postgres'),
  ]).catch(async (err: unknown) => {
    await dropSlot();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  });
  const url = (database: string) => {
    const u = new URL(primaryUrl);
    u.hostname = '127.0.0.1';
    u.port = String(port);
    u.pathname = `/${database}`;
    return u.toString();
  };
  const start = async () => {
    await cmd(path.join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-l',
      path.join(dir, 'log'),
      '-w',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c hot_standby=on ${same}`,
      'start',
    ]);
    // Ready for reads once it has reached a consistent state and accepts connections in recovery.
    for (let i = 0; ; i++) {
      try {
        const [r] = await query<{ standby: boolean }>(url('postgres'), 'select pg_is_in_recovery() as standby');
        if (r?.standby) {
          return;
        }
        throw new Error('not a standby');
      } catch (err) {
        if (i > 100) {
          throw err;
        }
        await new Promise((res) => setTimeout(res, 200));
      }
    }
  };
  const stop = async () => {
    await cmd(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => '');
  };
  try {
    await start();
  } catch (err) {
    await stop();
    await dropSlot();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url,
    start,
    stop,
    sql: (database, text) => query(url(database), text),
    remove: async () => {
      await stop();
      await dropSlot();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
