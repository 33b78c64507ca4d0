import { sql } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, DatabaseHandle } from './database.ts';
import { ReadOnlyPlugin } from './read-only.ts';
import { ReplicaHealth, isUnavailable, replicaDb } from './replica.ts';

// Where analytics and list reads run (docs/scale.md "A read replica"): a streaming replica when one is configured,
// the primary otherwise and whenever the replica cannot be trusted to hold what the reader expects.

export interface ReadRoutingOptions {
  /** After a successful write, the session or token reads from the primary this long (read your writes). */
  readYourWritesSeconds: number;
  /** Replay lag beyond which reads go to the primary. */
  maxLagSeconds: number;
  /** After the replica failed, reads stay on the primary this long before it is tried again. */
  retrySeconds: number;
}

export const defaultReadRouting: ReadRoutingOptions = { readYourWritesSeconds: 5, maxLagSeconds: 4, retrySeconds: 10 };

/** Whose read it is: the write marker lives on their session or API token row. */
export interface Reader {
  orgId: string;
  sessionId: string | null;
  tokenId: string | null;
}

export type ReadTarget = 'replica' | 'primary';

export interface ReadRouter {
  /** The handle for an analytics or list read by this reader (never for a write, never inside a transaction). */
  db(reader: Reader | null): Promise<Db>;
  /** Where `db(reader)` would go now, and why (tests and logs). */
  route(reader: Reader | null): Promise<{ target: ReadTarget; reason: string }>;
  /** Called after a successful write request: this reader reads from the primary for the next few seconds. */
  markWrite(reader: Reader): Promise<void>;
  readonly replicated: boolean;
}

/** No replica (PGlite, or PostgreSQL without DATABASE_REPLICA_URL): every read on the primary, writes refused. */
export function primaryReads(db: Db): ReadRouter {
  const guarded = db.withPlugin(new ReadOnlyPlugin());
  return {
    db: () => Promise.resolve(guarded),
    route: () => Promise.resolve({ target: 'primary', reason: 'no replica' }),
    markWrite: () => Promise.resolve(),
    replicated: false,
  };
}

/** Seconds the replica's replay is behind (0 when it has replayed everything it received), measured on it. */
async function replicaLag(db: Db): Promise<number> {
  const { rows } = await sql<{ lag: number | null }>`
    select case
      when not pg_is_in_recovery() or pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
      else extract(epoch from now() - pg_last_xact_replay_timestamp())::float8 end as lag`.execute(db);
  return rows[0]?.lag ?? 0;
}

export function readRouter(handle: DatabaseHandle, log: FastifyBaseLogger, opts: ReadRoutingOptions): ReadRouter {
  const drivers = handle.replicaDrivers?.();
  if (!drivers) {
    return primaryReads(handle.db);
  }
  const health = new ReplicaHealth(opts.retrySeconds * 1000, {
    onDown: (err) =>
      log.warn(
        { err: { message: err.message, code: (err as { code?: string }).code } },
        `the read replica is not answering: reads go to the primary and it is tried again in ${opts.retrySeconds} s`,
      ),
    onBack: () => log.info('the read replica answers again: analytics and list reads go to it'),
  });
  const replica = replicaDb(drivers.replica, drivers.primary, health);
  const primary = handle.db.withPlugin(new ReadOnlyPlugin());
  // The lag is measured at most once a second per process, not per request.
  let lag: { at: number; value: Promise<number> } | null = null;
  const measuredLag = (): Promise<number> => {
    if (!lag || Date.now() - lag.at > 1000) {
      lag = {
        at: Date.now(),
        value: replicaLag(drivers.replicaOnly).catch((err: unknown) => {
          if (isUnavailable(err)) {
            health.markDown(err as Error);
          }
          return Number.POSITIVE_INFINITY;
        }),
      };
    }
    return lag.value;
  };

  const route = async (reader: Reader | null): Promise<{ target: ReadTarget; reason: string }> => {
    if (!health.usable) {
      return { target: 'primary', reason: 'replica down' };
    }
    if (reader && (await wroteRecently(handle.db, reader, opts.readYourWritesSeconds))) {
      return { target: 'primary', reason: 'recent write' };
    }
    const seconds = await measuredLag();
    if (!health.usable) {
      return { target: 'primary', reason: 'replica down' };
    }
    if (seconds > opts.maxLagSeconds) {
      return { target: 'primary', reason: `replica lag ${seconds.toFixed(1)} s` };
    }
    return { target: 'replica', reason: 'replica' };
  };

  return {
    replicated: true,
    route,
    db: async (reader) => ((await route(reader)).target === 'replica' ? replica : primary),
    markWrite: (reader) => markWrite(handle.db, reader),
  };
}

/** The reader's session or token wrote within the window (the marker is on the primary, seen by every server). */
async function wroteRecently(db: Db, reader: Reader, seconds: number): Promise<boolean> {
  const since = sql<Date>`now() - make_interval(secs => ${seconds})`;
  const q = reader.sessionId
    ? db
        .selectFrom('session')
        .select('id')
        .where('org_id', '=', reader.orgId)
        .where('id', '=', reader.sessionId)
        .where('last_write_at', '>', since)
    : reader.tokenId
      ? db
          .selectFrom('api_token')
          .select('id')
          .where('org_id', '=', reader.orgId)
          .where('id', '=', reader.tokenId)
          .where('last_write_at', '>', since)
      : null;
  return q ? (await q.executeTakeFirst()) !== undefined : false;
}

async function markWrite(db: Db, reader: Reader): Promise<void> {
  if (reader.sessionId) {
    await db
      .updateTable('session')
      .set({ last_write_at: sql<Date>`now()` })
      .where('org_id', '=', reader.orgId)
      .where('id', '=', reader.sessionId)
      .execute();
  } else if (reader.tokenId) {
    await db
      .updateTable('api_token')
      .set({ last_write_at: sql<Date>`now()` })
      .where('org_id', '=', reader.orgId)
      .where('id', '=', reader.tokenId)
      .execute();
  }
}
