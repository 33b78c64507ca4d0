import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import { isCopy, type CopyRows } from './copy.ts';

/**
 * The PostgreSQL client of Tandem's pool: a `pg.Client` that runs a COPY FROM STDIN sent through Kysely (copy.ts:
 * the statement with its rows as the one parameter) as a real COPY on the same connection, so it takes part in
 * the caller's transaction. Every other query goes to `pg.Client` unchanged.
 */
export class CopyingClient extends pg.Client {}

// eslint-disable-next-line @typescript-eslint/unbound-method -- called with the client as `this` below
const query = pg.Client.prototype.query;

/**
 * Streams the rows a chunk at a time, giving the event loop a turn after each, so the socket sends a chunk and the
 * server inserts it while the next one is encoded (encoding everything first would leave the server idle meanwhile).
 */
async function copy(client: pg.Client, text: string, rows: CopyRows): Promise<pg.QueryResult> {
  const stream = copyFromStdin(text);
  // 'finish' comes when the server has acknowledged the COPY; a refused row (a constraint) arrives as 'error'. Listened
  // to from the start, so an error while chunks are still being written is never unhandled.
  const done = finished(stream);
  done.catch(() => undefined);
  (query as (q: unknown) => unknown).call(client, stream);
  try {
    for (const chunk of rows.chunks()) {
      if (stream.destroyed) {
        break;
      }
      if (stream.write(chunk)) {
        await nextTurn();
      } else {
        await Promise.race([once(stream, 'drain'), done]);
      }
    }
  } catch (err) {
    // Building a row failed (or the COPY did): the server is told to abandon the COPY (CopyFail), so the connection
    // is ready for the rollback that follows.
    stream.destroy(err as Error);
    await done.catch(() => undefined);
    throw err;
  }
  stream.end();
  await done;
  return { command: 'COPY', rowCount: stream.rowCount, rows: [], fields: [], oid: 0 };
}

CopyingClient.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const [text, values] = args;
  if (typeof text === 'string' && Array.isArray(values) && isCopy(text, values)) {
    return copy(this, text, values[0]);
  }
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;
