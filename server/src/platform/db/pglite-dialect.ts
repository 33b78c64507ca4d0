import type { PGlite } from '@electric-sql/pglite';
import { isCopy } from './copy.ts';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/**
 * PGlite is one session. A mutex hands it out whole: while a transaction holds it, nothing else
 * (another request, a job) can slip a statement into that transaction.
 */
export class SessionLock {
  private tail: Promise<void> = Promise.resolve();

  async acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const prev = this.tail;
    this.tail = prev.then(() => next);
    await prev;
    return release;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pg: PGlite) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    if (isCopy(compiled.sql, compiled.parameters)) {
      // COPY FROM STDIN (copy.ts): PGlite reads the rows from the blob the query carries.
      const text = compiled.sql.replace(/ from stdin /, " from '/dev/blob' ");
      const res = await this.pg.query<R>(text, [], { blob: new Blob([compiled.parameters[0].text()]) });
      return { rows: [], numAffectedRows: BigInt(res.affectedRows ?? 0) };
    }
    // Without parameters use the simple protocol, which (like node-postgres) accepts several statements.
    const res = compiled.parameters.length
      ? await this.pg.query<R>(compiled.sql, compiled.parameters as unknown[])
      : (((await this.pg.exec(compiled.sql)).at(-1) as { rows: R[]; affectedRows?: number } | undefined) ?? {
          rows: [] as R[],
          affectedRows: 0,
        });
    return {
      rows: res.rows,
      numAffectedRows: res.affectedRows === undefined ? undefined : BigInt(res.affectedRows),
    };
  }

  // PGlite has no cursors over the wire; stream by keyset pages instead.
  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streamQuery is not supported on PGlite; page with keyset queries instead');
  }
}

class PGliteDriver implements Driver {
  private readonly conn: PGliteConnection;
  private readonly releases = new WeakMap<DatabaseConnection, () => void>();

  constructor(
    private readonly pg: PGlite,
    private readonly lock: SessionLock,
  ) {
    this.conn = new PGliteConnection(pg);
  }

  async init(): Promise<void> {
    await this.pg.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.lock.acquire();
    this.releases.set(this.conn, release);
    return this.conn;
  }

  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const iso = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await conn.executeQuery(CompiledQuery.raw(`begin${iso}`));
  }

  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('rollback'));
  }

  releaseConnection(conn: DatabaseConnection): Promise<void> {
    const release = this.releases.get(conn);
    this.releases.delete(conn);
    release?.();
    return Promise.resolve();
  }

  async destroy(): Promise<void> {
    if (!this.pg.closed) {
      await this.pg.close();
    }
  }
}

export class PGliteDialect implements Dialect {
  constructor(
    private readonly pg: PGlite,
    private readonly lock: SessionLock,
  ) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pg, this.lock);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}
