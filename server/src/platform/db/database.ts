import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, PostgresDriver, sql, type Driver, type LogEvent } from 'kysely';
import pg from 'pg';
import { PGliteDialect, SessionLock } from './pglite-dialect.ts';
import { CopyingClient } from './pg-client.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { pgliteAssets } from './pglite-assets.ts';
import { namedStatementsPool } from './named-statements.ts';
import type { Database } from './types.ts';

export type Engine = 'pglite' | 'postgres';
export type Db = Kysely<Database>;

/** Runs raw SQL outside Kysely (the job queue). Multi-statement text with no values goes through the simple protocol. */
export type RawExecutor = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

export interface DatabaseHandle {
  engine: Engine;
  db: Db;
  raw: RawExecutor;
  close(): Promise<void>;
  /** PGlite: its data directory as a tarball (gzipped when asked). */
  dump?: (compression?: 'none' | 'gzip') => Promise<Blob>;
  /**
   * Calls `onNotify` on each NOTIFY on `channel` (PostgreSQL: from any process; PGlite: from any app sharing this
   * handle), and `onState` when listening starts or stops (a lost PostgreSQL connection reconnects after a second).
   * Returns a function that stops listening.
   */
  listen: (channel: string, onNotify: () => void, onState: (listening: boolean) => void) => () => Promise<void>;
  /**
   * PostgreSQL with DATABASE_REPLICA_URL: drivers over the replica's pool and the primary's, and a plain Kysely on
   * the replica (platform/db/read-routing.ts builds the read handle from them). Absent otherwise.
   */
  replicaDrivers?: () => ReplicaDrivers;
}

export interface ReplicaDrivers {
  replica: Driver;
  primary: Driver;
  replicaOnly: Db;
}

// Same value shapes on both engines: int8 → number (counts, ids), numeric → string (money), date → 'YYYY-MM-DD'.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const toNumber = (v: string) => Number(v);
const asIs = (v: string) => v;

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Data directory for PGlite; omit (with no url) for an in-memory database. */
  dataDir?: string | undefined;
  poolSize?: number;
  /** Told when an idle pooled connection fails (PostgreSQL only); the pool recovers by itself. */
  onIdleError?: (err: Error) => void;
  /** In-memory PGlite only: start from this dump of a data directory (tests start from a migrated template). */
  loadDataDir?: Blob | File | undefined;
  /** PostgreSQL only: a streaming replica for analytics and list reads (docs/scale.md "A read replica"). */
  replicaUrl?: string | undefined;
  /** Kysely's query log (the bench records an endpoint's statements to replay them as its baseline). */
  log?: ((e: LogEvent) => void) | undefined;
}

const typeParser = ((oid: number, format?: 'text' | 'binary') => {
  if (oid === INT8) {
    return toNumber;
  }
  if (oid === NUMERIC || oid === DATE) {
    return asIs;
  }
  return pg.types.getTypeParser(oid, format) as (v: string) => unknown;
}) as typeof pg.types.getTypeParser;

function pgPool(url: string, opts: OpenOptions, extra: pg.PoolConfig = {}): pg.Pool {
  const pool = new pg.Pool({
    // COPY FROM STDIN through Kysely for bulk writes (copy.ts).
    Client: CopyingClient,
    connectionString: url,
    max: opts.poolSize ?? 10,
    types: { getTypeParser: typeParser },
    ...extra,
  });
  // Planner settings of Tandem's sessions (docs/scale.md "Measured at L"): no JIT compilation (an agent's page at a
  // million customers spent 4.5 of its 5.2 s compiling a plan whose cost was overestimated); a plan per execution of a
  // prepared statement (a generic plan of that list took 10 s); parallel workers only for scans worth their start.
  // Set on each new connection, before its first query (a client runs its queries in order), not as startup options,
  // which connection poolers such as PgBouncer refuse. Performance only: a server that refuses one keeps its default.
  pool.on('connect', (client) => {
    client
      .query(
        `select set_config('jit', 'off', false), set_config('plan_cache_mode', 'force_custom_plan', false),
          set_config('parallel_setup_cost', '100000', false)`,
      )
      .catch(() => undefined);
  });
  // An idle client that loses its connection (server restart, admin termination) emits 'error' on the
  // pool; without a listener that would crash the process. The pool drops the client and reconnects.
  pool.on('error', (err) => opts.onIdleError?.(err));
  return pool;
}

/**
 * The replica's pool opens lazily and is not required at start: a replica that is away sends reads to the primary.
 * Connecting gives up after two seconds, so an unreachable replica costs a read that long once per retry interval.
 */
function replicaSide(primary: pg.Pool, url: string, opts: OpenOptions) {
  let made: ReplicaDrivers | undefined;
  const pool = pgPool(url, opts, { connectionTimeoutMillis: 2000 });
  return {
    drivers: (): ReplicaDrivers =>
      (made ??= {
        replica: new PostgresDriver({ pool }),
        primary: new PostgresDriver({ pool: primary }),
        replicaOnly: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
      }),
    close: () => pool.end(),
  };
}

/** A dump of a PGlite database's data directory (see OpenOptions.loadDataDir). */
export async function dumpDatabase(handle: DatabaseHandle): Promise<Blob> {
  if (!handle.dump) {
    throw new Error('Only a PGlite database can be dumped this way');
  }
  return handle.dump();
}

export async function openDatabase(opts: OpenOptions): Promise<DatabaseHandle> {
  if (opts.databaseUrl) {
    const pool = pgPool(opts.databaseUrl, opts);
    // Surface a bad URL at start, with the driver's message.
    const client = await pool.connect();
    client.release();
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: namedStatementsPool(pool) }),
      ...(opts.log ? { log: opts.log } : {}),
    });
    const replica = opts.replicaUrl ? replicaSide(pool, opts.replicaUrl, opts) : undefined;
    return {
      engine: 'postgres',
      ...(replica ? { replicaDrivers: replica.drivers } : {}),
      db,
      raw: async (text, values) => {
        const res = await pool.query(text, values);
        // A multi-statement text returns an array of results; the queue only reads the last.
        const last = Array.isArray(res) ? (res as pg.QueryResult[]).at(-1) : res;
        return { rows: last?.rows ?? [] };
      },
      close: async () => {
        await db.destroy();
        await replica?.close();
      },
      listen: listenPostgres(opts.databaseUrl),
    };
  }

  let unlock: (() => void) | undefined;
  let dir: string | undefined;
  if (opts.dataDir) {
    dir = path.join(opts.dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
    unlock = acquireDataDirLock(dir);
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(await pgliteAssets()),
      ...(dir ? { dataDir: dir } : {}),
      ...(!dir && opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
      extensions: { pg_trgm },
      parsers: { [INT8]: toNumber, [NUMERIC]: asIs, [DATE]: asIs },
    });
  } catch (err) {
    unlock?.();
    throw err;
  }
  const lock = new SessionLock();
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite, lock), ...(opts.log ? { log: opts.log } : {}) });
  return {
    engine: 'pglite',
    db,
    raw: (text, values) =>
      lock.run(async () => {
        if (!values?.length) {
          const results = await pglite.exec(text);
          return { rows: results.at(-1)?.rows ?? [] };
        }
        const res = await pglite.query(text, values);
        return { rows: res.rows };
      }),
    close: async () => {
      await db.destroy();
      unlock?.();
    },
    dump: (compression = 'none') => lock.run(() => pglite.dumpDataDir(compression)),
    listen: listenPGlite(pglite, lock),
  };
}

type Listen = DatabaseHandle['listen'];

/** PGlite: LISTEN runs between transactions (under the session lock), never inside someone else's. */
export function listenPGlite(pglite: PGlite, lock: SessionLock): Listen {
  return (channel, onNotify, onState) => {
    let stopped = false;
    const started = lock
      .run(() => pglite.listen(channel, () => onNotify()))
      .then((unlisten) => {
        if (!stopped) {
          onState(true);
        }
        return unlisten;
      });
    return async () => {
      stopped = true;
      const unlisten = await started.catch(() => null);
      await unlisten?.().catch(() => undefined);
    };
  };
}

/** PostgreSQL: a dedicated connection LISTENing on the channel, reconnecting a second after it is lost. */
export function listenPostgres(url: string): Listen {
  return (channel, onNotify, onState) => listenOn(url, channel, onNotify, onState);
}

function listenOn(url: string, channel: string, onNotify: () => void, onState: (listening: boolean) => void) {
  if (!/^[a-z_]+$/.test(channel)) {
    throw new Error(`Not a channel name: ${channel}`);
  }
  let current: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const drop = (c: pg.Client) => {
    if (current === c) {
      current = null;
      onState(false);
    }
    c.removeAllListeners();
    c.on('error', () => undefined);
    c.end().catch(() => undefined);
    if (!stopped && !retry) {
      retry = setTimeout(() => {
        retry = undefined;
        void connect();
      }, 1000);
      retry.unref();
    }
  };
  const connect = async () => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (m) => m.channel === channel && onNotify());
    c.on('error', () => drop(c));
    c.on('end', () => drop(c));
    try {
      await c.connect();
      await c.query(`listen ${channel}`);
    } catch {
      drop(c);
      return;
    }
    if (stopped) {
      await c.end().catch(() => undefined);
      return;
    }
    current = c;
    onState(true);
  };
  void connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const c = current;
    current = null;
    if (c) {
      c.removeAllListeners();
      c.on('error', () => undefined);
      await c.end().catch(() => undefined);
    }
  };
}

/** One round trip: the database answers. */
export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
