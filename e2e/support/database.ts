import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/**
 * Runs SQL on the embedded database of a stopped server (started with `startServer({ dataDir })`): how a browser
 * test moves a clock back by days (a notice period, a reply window) without waiting for them.
 */
export async function sqlWhileStopped(dataDir: string, statements: string): Promise<void> {
  const db = await PGlite.create({ dataDir: path.join(dataDir, 'pglite'), extensions: { pg_trgm } });
  try {
    await db.exec(statements);
  } finally {
    await db.close();
  }
}
