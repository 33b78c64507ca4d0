import { CompiledQuery } from 'kysely';
import type { Db } from './database.ts';

/**
 * Bulk writes through COPY, the fastest way rows enter PostgreSQL, on both engines and inside the caller's
 * transaction: `copyRows` sends `copy "t" (cols) from stdin with (format csv)` with a `CopyRows` (the rows, encoded
 * to CSV lazily) as its single parameter; the PostgreSQL client (`CopyingClient` in pg-client.ts) streams the CSV
 * with COPY FROM STDIN a chunk at a time as it encodes it, so the server inserts one chunk while the next is being
 * encoded; the PGlite dialect hands the whole text over as the `/dev/blob` of `COPY … FROM '/dev/blob'`. Constraints,
 * defaults, foreign keys and triggers apply exactly as for INSERT. Values are encoded the way the `pg` driver encodes
 * query parameters (arrays as array literals, objects as JSON, dates as ISO instants), so a row means the same through
 * either path.
 */

/** Rows encoded as they are sent, `CHUNK_ROWS` at a time (about 20–60 KB for parties). */
const CHUNK_ROWS = 200;

/**
 * The CSV of a COPY: its columns and rows, encoded on demand, all at once or in chunks. The rows may be an array or
 * any iterable, also one that builds each row as it is asked for (read once): the rows are then built while the
 * server inserts the chunks before them.
 */
export class CopyRows {
  constructor(
    readonly columns: readonly string[],
    readonly rows: Iterable<object>,
  ) {}

  /** The CSV in chunks of `CHUNK_ROWS` rows. */
  *chunks(): Generator<string> {
    let part: object[] = [];
    for (const row of this.rows) {
      part.push(row);
      if (part.length === CHUNK_ROWS) {
        yield copyCsv(this.columns, part);
        part = [];
      }
    }
    if (part.length) {
      yield copyCsv(this.columns, part);
    }
  }

  /** The whole CSV text. */
  text(): string {
    return copyCsv(this.columns, this.rows);
  }
}

/** `copy "t" ("a", "b") from stdin with (format csv)` with one `CopyRows` parameter: how a COPY travels through Kysely. */
export const copyStatement = /^copy "[a-z_]+" \(("[a-z_]+"(, )?)+\) from stdin with \(format csv\)$/;

export const isCopy = (text: string, parameters: readonly unknown[]): parameters is [CopyRows] =>
  parameters.length === 1 && parameters[0] instanceof CopyRows && copyStatement.test(text);

/** One element of an array literal: quoted, with backslash and double quote escaped; NULL for null. */
function arrayElement(v: unknown): string {
  if (v === null || v === undefined) {
    return 'NULL';
  }
  if (Array.isArray(v)) {
    return arrayLiteral(v);
  }
  const s = encodeValue(v);
  return /["\\]/.test(s) ? `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : `"${s}"`;
}

const arrayLiteral = (xs: unknown[]): string => `{${xs.map(arrayElement).join(',')}}`;

/** A value as the text PostgreSQL parses for its column (what `pg` sends for a query parameter). */
function encodeValue(v: unknown): string {
  if (v instanceof Date) {
    return v.toISOString();
  }
  if (Buffer.isBuffer(v)) {
    return `\\x${v.toString('hex')}`;
  }
  if (Array.isArray(v)) {
    return arrayLiteral(v);
  }
  if (typeof v === 'string') {
    return v;
  }
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') {
    return String(v);
  }
  return JSON.stringify(v);
}

/** One CSV field: null unquoted and empty (COPY's NULL), everything else quoted, so an empty string stays one. */
function csvField(v: unknown): string {
  if (v === null || v === undefined) {
    return '';
  }
  const s = typeof v === 'string' ? v : encodeValue(v);
  return s.includes('"') ? `"${s.replace(/"/g, '""')}"` : `"${s}"`;
}

/** The rows as COPY's CSV text, columns in the given order. */
export function copyCsv(columns: readonly string[], rows: Iterable<object>): string {
  let out = '';
  for (const row of rows) {
    const r = row as Record<string, unknown>;
    for (let i = 0; i < columns.length; i++) {
      out += i ? `,${csvField(r[columns[i] as string])}` : csvField(r[columns[i] as string]);
    }
    out += '\n';
  }
  return out;
}

/**
 * Writes the rows into `table` with COPY in the caller's transaction (or connection): the named columns of each row,
 * a missing or undefined value as NULL (not the column's default, unlike an INSERT that leaves a column out). The rows
 * may be built lazily (see `CopyRows`); an error thrown while building one fails the COPY and is rethrown.
 */
export async function copyRows(
  db: Db,
  table: string,
  columns: readonly string[],
  rows: Iterable<object>,
): Promise<void> {
  if (Array.isArray(rows) && !rows.length) {
    return;
  }
  const text = `copy "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) from stdin with (format csv)`;
  if (!copyStatement.test(text)) {
    throw new Error(`copyRows: unexpected table or column name in ${text}`);
  }
  await db.executeQuery(CompiledQuery.raw(text, [new CopyRows(columns, rows)]));
}
