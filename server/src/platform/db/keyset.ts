import { sql, type Expression, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { cursorValueFits, decodeCursor, encodeCursor, invalidCursor } from './pagination.ts';
import type { Page } from '../http/common.schema.ts';

/** One key of a multi-column sort; the column comes from a module allow-list, never from the request. */
export interface SortKey<O> {
  column: string;
  type: 'text' | 'timestamptz';
  desc: boolean;
  value: (row: O) => string | Date;
}

/**
 * Keyset pagination over several sort keys with mixed directions (`-updatedAt,displayName`) plus the
 * id as the last tie-breaker; platform `paginate()` covers the single-key case. The after-cursor
 * condition is the expanded form (k1 > v1) or (k1 = v1 and k2 > v2) or …, since a row comparison
 * cannot mix directions.
 */
export async function paginateKeys<DB, TB extends keyof DB, O extends { id: string }>(
  query: SelectQueryBuilder<DB, TB, O>,
  opts: {
    limit: number;
    cursor: string | undefined;
    keys: SortKey<O>[];
    idColumn: string;
    /**
     * Sort through an expression no index provides, so the planner collects the matches first (e.g.
     * through a trigram index) and sorts them, instead of walking the sort index and filtering row by
     * row — which it would do for a rare search term whose selectivity it cannot estimate.
     */
    collectFirst?: boolean;
  },
): Promise<Page<O>> {
  const { keys, limit } = opts;
  let q = query;
  if (opts.cursor) {
    const values = decodeCursor(opts.cursor, keys.length + 1);
    const id = values[keys.length];
    if (!cursorValueFits(id, 'uuid')) {
      throw invalidCursor();
    }
    const typed = keys.map((k, i) => {
      const v = values[i];
      if (!cursorValueFits(v, k.type)) {
        throw invalidCursor();
      }
      return { col: sql.raw(k.column), val: sql`cast(${v} as ${sql.raw(k.type)})`, desc: k.desc };
    });
    typed.push({ col: sql.raw(opts.idColumn), val: sql`cast(${id} as uuid)`, desc: keys[0]?.desc ?? false });
    const ors = typed.map((k, i) => {
      const eqs = typed.slice(0, i).map((e) => sql`${e.col} = ${e.val}`);
      const cmp = sql`${k.col} ${k.desc ? sql`<` : sql`>`} ${k.val}`;
      return sql`(${sql.join([...eqs, cmp], sql` and `)})`;
    });
    const cond = sql<SqlBool>`(${sql.join(ors, sql` or `)})`;
    q = q.where(() => cond as Expression<SqlBool>);
  }
  for (const [i, k] of keys.entries()) {
    const col = sql.raw(k.column);
    const expr =
      i === 0 && opts.collectFirst
        ? k.type === 'timestamptz'
          ? sql`(${col} + interval '0 s')`
          : sql`(${col} || '')`
        : col;
    q = q.orderBy(sql`${expr} ${k.desc ? sql`desc` : sql`asc`}`);
  }
  q = q.orderBy(sql`${sql.raw(opts.idColumn)} ${keys[0]?.desc ? sql`desc` : sql`asc`}`).limit(limit + 1);
  const rows = await q.execute();
  const more = rows.length > limit;
  const items = (more ? rows.slice(0, limit) : rows) as O[];
  const last = items.at(-1);
  let nextCursor: string | null = null;
  if (more && last) {
    nextCursor = encodeCursor([
      ...keys.map((k) => {
        const v = k.value(last);
        return v instanceof Date ? v.toISOString() : v;
      }),
      last.id,
    ]);
  }
  return { items, nextCursor };
}
