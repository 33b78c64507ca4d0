import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, type LogEvent } from 'kysely';
import { listenPGlite, type DatabaseHandle } from '../server/src/platform/db/database.ts';
import { PGliteDialect, SessionLock } from '../server/src/platform/db/pglite-dialect.ts';
import type { Database } from '../server/src/platform/db/types.ts';

/**
 * An in-memory PGlite opened like `openDatabase({})` does (same parsers, same dialect and session
 * lock), plus `copyFrom`: a raw `COPY … FROM '/dev/blob'` of CSV text on the same instance, the
 * import benchmark's baseline on this engine.
 */
export async function openBenchPglite(record?: (e: LogEvent) => void): Promise<{
  handle: DatabaseHandle;
  copyFrom: (statement: string, csv: string) => Promise<void>;
  copyFromFile: (statement: string, file: string) => Promise<void>;
  copyTo: (statement: string) => Promise<Buffer>;
}> {
  const pglite = await PGlite.create({
    extensions: { pg_trgm },
    parsers: { 20: Number, 1700: (v: string) => v, 1082: (v: string) => v },
  });
  const lock = new SessionLock();
  // BENCH_LOG=1 prints every statement slower than 20 ms (to see where a phase spends its time).
  const log = (e: LogEvent) => {
    record?.(e);
    if (process.env.BENCH_LOG && e.queryDurationMillis > 20) {
      console.log(`${Math.round(e.queryDurationMillis)} ms  ${e.query.sql.slice(0, 100).replace(/\s+/g, ' ')}`);
    }
  };
  const db = new Kysely<Database>({
    dialect: new PGliteDialect(pglite, lock),
    log,
  });
  const handle: DatabaseHandle = {
    engine: 'pglite',
    db,
    raw: (text, values) =>
      lock.run(async () => {
        if (!values?.length) {
          return { rows: (await pglite.exec(text)).at(-1)?.rows ?? [] };
        }
        return { rows: (await pglite.query(text, values)).rows };
      }),
    close: () => db.destroy(),
    listen: listenPGlite(pglite, lock),
  };
  const copyFrom = (statement: string, csv: string) =>
    lock.run(async () => {
      await pglite.query(statement, [], { blob: new Blob([csv]) });
    });
  const copyFromFile = (statement: string, file: string) =>
    lock.run(async () => {
      await pglite.query(statement, [], { blob: new Blob([readFileSync(file)]) });
    });
  const copyTo = (statement: string) =>
    lock.run(async () => {
      const result = await pglite.query(statement);
      return Buffer.from(await (result.blob ?? new Blob([])).arrayBuffer());
    });
  return { handle, copyFrom, copyFromFile, copyTo };
}
