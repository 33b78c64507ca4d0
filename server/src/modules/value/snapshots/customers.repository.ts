import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { cursorValueFits, decodeCursor, encodeCursor, invalidCursor } from '../../../platform/db/pagination.ts';
import type { Page } from '../../../platform/http/common.schema.ts';
import type { ValueCustomersQuery } from './customers.schema.ts';

export interface ValueCustomerRow {
  party_id: string;
  display_name: string;
  owner_id: string | null;
  rfm_segment: string | null;
  value_class: string | null;
  clv: string | null;
  recency_days: number;
  frequency: number;
  monetary: string;
  r: number | null;
  f: number | null;
  m: number | null;
}

const columns = { clv: 'vs.clv', monetary: 'vs.monetary', recencyDays: 'vs.recency_days', frequency: 'vs.frequency' };
const numberCursor = /^-?\d{1,16}(\.\d{1,2})?$/;

/**
 * `(value, id)` strictly after the cursor in the order asked, where a null value (no CLV) sorts after every value in
 * both directions: the order of `order by col <dir> nulls last, party_id <dir>`, which the snapshot indexes serve.
 */
function after(col: string, dir: 'asc' | 'desc', value: string | null, id: string): Expression<SqlBool> {
  const c = sql.ref(col);
  const cmp = sql.raw(dir === 'asc' ? '>' : '<');
  if (value === null) {
    return sql<SqlBool>`(${c} is null and vs.party_id ${cmp} ${id}::uuid)`;
  }
  return sql<SqlBool>`(${c} is null or ${c} ${cmp} ${value}::numeric or (${c} = ${value}::numeric and vs.party_id ${cmp} ${id}::uuid))`;
}

/**
 * The customers of one snapshot run the reader may see (`visible`: value.access.ts over the party aliased `p`), with
 * the filters asked, in keyset order over (value, party id) in the direction asked, customers without the value last.
 */
export async function valueCustomers(
  db: Db,
  orgId: string,
  runId: string,
  visible: Expression<SqlBool>,
  q: ValueCustomersQuery,
): Promise<Page<ValueCustomerRow>> {
  const col = columns[q.sort];
  const dir = sql.raw(q.order);
  const conds: Expression<SqlBool>[] = [];
  if (q.rfmSegment) {
    conds.push(sql<SqlBool>`vs.rfm_segment = ${q.rfmSegment}`);
  }
  if (q.valueClass) {
    conds.push(sql<SqlBool>`vs.value_class = ${q.valueClass}`);
  }
  if (q.ownerId) {
    conds.push(sql<SqlBool>`p.owner_id = ${q.ownerId}::uuid`);
  }
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(sql<SqlBool>`p.display_name ilike ${like}`);
  }
  if (q.cursor) {
    const [v, id] = decodeCursor(q.cursor, 2);
    if (!(v === '' || (typeof v === 'string' && numberCursor.test(v))) || !cursorValueFits(id, 'uuid')) {
      throw invalidCursor();
    }
    conds.push(after(col, q.order, v === '' ? null : v, id as string));
  }
  const where = conds.length ? sql`and ${sql.join(conds, sql` and `)}` : sql``;
  const { rows } = await sql<ValueCustomerRow & { sort_key: string | null }>`
    select vs.party_id, p.display_name, p.owner_id, vs.rfm_segment, vs.value_class, vs.clv::text as clv,
      vs.recency_days, vs.frequency, vs.monetary::text as monetary, vs.r, vs.f, vs.m,
      ${sql.ref(col)}::text as sort_key
    from value_snapshot vs
    join party p on p.org_id = vs.org_id and p.id = vs.party_id
    where vs.org_id = ${orgId} and vs.run_id = ${runId} and ${visible} ${where}
    order by ${sql.ref(col)} ${dir} nulls last, vs.party_id ${dir}
    limit ${q.limit + 1}`.execute(db);
  const more = rows.length > q.limit;
  const items = more ? rows.slice(0, q.limit) : rows;
  const last = items.at(-1);
  return {
    items: items.map(({ sort_key: _k, ...r }) => r),
    nextCursor: more && last ? encodeCursor([last.sort_key ?? '', last.party_id]) : null,
  };
}
