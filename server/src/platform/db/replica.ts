import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { ReadOnlyPlugin } from './read-only.ts';
import type { Database } from './types.ts';

// A streaming replica behind a Kysely instance that falls back to the primary (docs/scale.md "A read replica").
// The routing decision (replica or primary for this request) is made in read-routing.ts; this file only makes a
// replica query that cannot run there run on the primary instead, and remembers that the replica is away.

/** What the replica's health reports to whoever logs it: a warning at most once per retry interval. */
export interface ReplicaEvents {
  onDown(err: Error): void;
  onBack(): void;
}

/**
 * Errors that say "this server cannot answer now", not "this query is wrong": the connection failed or ended, the
 * server is shutting down or still starting, or a standby cancelled the query because replay needed its rows
 * (SQLSTATE 40001 on a standby). The same query may run on the primary; any other error is the query's own.
 */
export function isUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (/^E[A-Z]+$/.test(code)) {
    return true; // ECONNREFUSED, ECONNRESET, EPIPE, ETIMEDOUT…
  }
  if (code.startsWith('08') || /^57P0[1-4]$/.test(code) || code === '40001') {
    return true;
  }
  const message = typeof e?.message === 'string' ? e.message : '';
  return /Connection terminated|not queryable|timeout exceeded when trying to connect|Connection ended/i.test(message);
}

/** The replica's state in this process: down until `retryAt`, then tried again by the next read. */
export class ReplicaHealth {
  #downUntil = 0;
  #down = false;

  constructor(
    private readonly retryMs: number,
    private readonly events: ReplicaEvents,
  ) {}

  get usable(): boolean {
    return Date.now() >= this.#downUntil;
  }

  /** A failure: reads go to the primary until the retry time; the warning goes out once per outage interval. */
  markDown(err: Error): void {
    const warn = !this.#down || Date.now() >= this.#downUntil;
    this.#down = true;
    this.#downUntil = Date.now() + this.retryMs;
    if (warn) {
      this.events.onDown(err);
    }
  }

  markUp(): void {
    if (this.#down) {
      this.#down = false;
      this.#downUntil = 0;
      this.events.onBack();
    }
  }
}

/**
 * One borrowed connection of the routed driver: the replica's, until a query finds the replica unavailable; then
 * the primary's for the rest of its life. A transaction does not move (its statements must share one session), so
 * a failure inside one is the caller's error.
 */
class FallbackConnection implements DatabaseConnection {
  inTransaction = false;
  primary: DatabaseConnection | null = null;

  constructor(
    readonly replica: DatabaseConnection | null,
    private readonly driver: FallbackDriver,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.replica && !this.primary) {
      try {
        const res = await this.replica.executeQuery<R>(query);
        this.driver.health.markUp();
        return res;
      } catch (err) {
        if (this.inTransaction || !isUnavailable(err)) {
          throw err;
        }
        this.driver.health.markDown(err as Error);
      }
    }
    this.primary ??= await this.driver.primary.acquireConnection();
    return this.primary.executeQuery<R>(query);
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    // Nothing streams through the read handle yet; a stream cannot move once rows went out, so it stays put.
    return (this.primary ?? this.replica ?? this.driverPrimaryMissing()).streamQuery<R>(query, chunkSize);
  }

  private driverPrimaryMissing(): never {
    throw new Error('No connection to stream on');
  }
}

/** Borrows replica connections while the replica is usable, primary ones otherwise (or when it refuses). */
class FallbackDriver implements Driver {
  constructor(
    readonly replica: Driver,
    readonly primary: Driver,
    readonly health: ReplicaHealth,
  ) {}

  async init(): Promise<void> {
    await Promise.all([this.replica.init(), this.primary.init()]);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.health.usable) {
      try {
        return new FallbackConnection(await this.replica.acquireConnection(), this);
      } catch (err) {
        if (!isUnavailable(err)) {
          throw err;
        }
        this.health.markDown(err as Error);
      }
    }
    const c = new FallbackConnection(null, this);
    c.primary = await this.primary.acquireConnection();
    return c;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const c = connection as FallbackConnection;
    // Read-only on the replica anyway; on the primary this keeps a read handle from writing.
    const mode = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await c.executeQuery(CompiledQuery.raw(`start transaction${mode} read only`));
    c.inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as FallbackConnection;
    c.inTransaction = false;
    await c.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as FallbackConnection;
    c.inTransaction = false;
    await c.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const c = connection as FallbackConnection;
    if (c.replica) {
      await this.replica.releaseConnection(c.replica);
    }
    if (c.primary) {
      await this.primary.releaseConnection(c.primary);
    }
  }

  async destroy(): Promise<void> {
    // The pools belong to the database handle, which ends them.
  }
}

/** A Kysely instance over the replica that answers from the primary when the replica cannot (read-only guarded). */
export function replicaDb(replica: Driver, primary: Driver, health: ReplicaHealth): Kysely<Database> {
  const driver = new FallbackDriver(replica, primary, health);
  const dialect: Dialect = {
    createDriver: () => driver,
    createAdapter: () => new PostgresAdapter(),
    createQueryCompiler: () => new PostgresQueryCompiler(),
    createIntrospector: (db) => new PostgresIntrospector(db),
  };
  return new Kysely<Database>({ dialect, plugins: [new ReadOnlyPlugin()] });
}
