import { sql, type Expression, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { validation } from '../errors.ts';
import { storableInstant } from './instants.ts';
import type { Page } from '../http/common.schema.ts';

/** A sort the keyset can walk: a column (non-null, or coalesced) plus the id as tie-breaker. */
export interface SortSpec {
  /** A column or expression from the module's allow-list (never request input). */
  column: string;
  desc: boolean;
  /** How to compare the cursor value: the column's type. */
  type: 'text' | 'timestamptz' | 'int';
}

type CursorValue = string | number;

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, expected: number): CursorValue[] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === expected &&
      parsed.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))
    ) {
      return parsed as CursorValue[];
    }
  } catch {
    // fall through to the validation error
  }
  throw validation('Invalid cursor', [
    { path: ['query', 'cursor'], message: 'Invalid cursor', code: 'invalid_cursor' },
  ]);
}

export const uuidRe = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a cursor value can be compared with a column of this type: the database must never be the one to
 * refuse it (a cursor is client input like any other), so every value is checked as strictly as it is cast.
 */
export function cursorValueFits(v: CursorValue | undefined, type: SortSpec['type'] | 'uuid'): boolean {
  switch (type) {
    case 'text':
      return typeof v === 'string' && v.length <= 1000 && !v.includes('\u0000');
    case 'int':
      return typeof v === 'number' && Number.isSafeInteger(v);
    case 'timestamptz': {
      // Exactly what encodeCursor writes (Date#toISOString), which rules out what JavaScript reads but
      // PostgreSQL refuses: rolled-over days (02-30), hour 24, year 0000.
      const ms = typeof v === 'string' ? Date.parse(v) : NaN;
      return storableInstant(ms) && new Date(ms).toISOString() === v;
    }
    case 'uuid':
      return typeof v === 'string' && uuidRe.test(v);
  }
}

export const invalidCursor = () =>
  validation('Invalid cursor', [{ path: ['query', 'cursor'], message: 'Invalid cursor', code: 'invalid_cursor' }]);

/** Parses `sort=-createdAt` against the allowed fields. */
export function parseSort<F extends string>(sort: string, columns: Record<F, Omit<SortSpec, 'desc'>>): SortSpec {
  const desc = sort.startsWith('-');
  const field = (desc ? sort.slice(1) : sort) as F;
  const col = columns[field];
  if (!col) {
    throw validation(`Cannot sort by ${field}`);
  }
  return { ...col, desc };
}

/**
 * Keyset pagination over (sort column, id): stable under inserts, O(limit) per page at any depth.
 * The query must select `id` and the sort column under the names given.
 */
export async function paginate<DB, TB extends keyof DB, O extends { id: string | number }>(
  query: SelectQueryBuilder<DB, TB, O>,
  opts: {
    limit: number;
    cursor: string | undefined;
    sort: SortSpec;
    idColumn: string;
    /** The id column's type (a uuid unless said otherwise): a cursor's id must be one. */
    idType?: 'uuid' | 'int';
    sortValue: (row: O) => unknown;
  },
): Promise<Page<O>> {
  const { sort, limit } = opts;
  // Columns come from each module's allow-list, never from the request.
  const col = sql.raw(sort.column);
  const id = sql.raw(opts.idColumn);
  let q = query;
  if (opts.cursor) {
    const [v, last] = decodeCursor(opts.cursor, 2);
    if (!cursorValueFits(v, sort.type) || !cursorValueFits(last, opts.idType ?? 'uuid')) {
      throw invalidCursor();
    }
    const cmp = sort.desc ? sql`<` : sql`>`;
    const typed = sql`cast(${v} as ${sql.raw(sort.type === 'int' ? 'bigint' : sort.type)})`;
    const cond = sql<SqlBool>`(${col}, ${id}) ${cmp} (${typed}, ${last})`;
    q = q.where(() => cond as Expression<SqlBool>);
  }
  const dir = sort.desc ? sql`desc` : sql`asc`;
  q = q
    .orderBy(sql`${col} ${dir}`)
    .orderBy(sql`${id} ${dir}`)
    .limit(limit + 1);
  const rows = await q.execute();
  const more = rows.length > limit;
  const items = (more ? rows.slice(0, limit) : rows) as O[];
  const lastRow = items.at(-1);
  let nextCursor: string | null = null;
  if (more && lastRow) {
    const raw = opts.sortValue(lastRow);
    const value = raw instanceof Date ? raw.toISOString() : (raw as CursorValue);
    nextCursor = encodeCursor([value, lastRow.id]);
  }
  return { items, nextCursor };
}
