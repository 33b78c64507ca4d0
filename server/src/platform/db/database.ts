import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGliteDialect, SessionLock } from './pglite-dialect.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';
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
  /** In-memory PGlite: its data directory as a tarball. */
  dump?: () => Promise<Blob>;
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
}

/** A dump of an in-memory PGlite database's data directory (see OpenOptions.loadDataDir). */
export async function dumpDatabase(handle: DatabaseHandle): Promise<Blob> {
  if (!handle.dump) {
    throw new Error('Only an in-memory PGlite database can be dumped this way');
  }
  return handle.dump();
}

export async function openDatabase(opts: OpenOptions): Promise<DatabaseHandle> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
          if (oid === INT8) {
            return toNumber;
          }
          if (oid === NUMERIC || oid === DATE) {
            return asIs;
          }
          return pg.types.getTypeParser(oid, format) as (v: string) => unknown;
        }) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client that loses its connection (server restart, admin termination) emits 'error' on the
    // pool; without a listener that would crash the process. The pool drops the client and reconnects.
    pool.on('error', (err) => opts.onIdleError?.(err));
    // Surface a bad URL at start, with the driver's message.
    const client = await pool.connect();
    client.release();
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      engine: 'postgres',
      db,
      raw: async (text, values) => {
        const res = await pool.query(text, values);
        // A multi-statement text returns an array of results; the queue only reads the last.
        const last = Array.isArray(res) ? (res as pg.QueryResult[]).at(-1) : res;
        return { rows: last?.rows ?? [] };
      },
      close: () => db.destroy(),
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
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite, lock) });
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
    ...(dir ? {} : { dump: () => lock.run(() => pglite.dumpDataDir('none')) }),
  };
}

/** One round trip: the database answers. */
export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
