import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { productRefKey, type ProductRef } from './bulk-types.ts';

/**
 * Products named by import rows (by id, SKU, external id or exact name, case-insensitive), in a few
 * index probes per batch: `productRefKey(ref)` → the ids it matches (none, one, or several: ambiguous).
 */
export async function resolveProductRefs(trx: Db, orgId: string, refs: ProductRef[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const add = (ref: ProductRef, id: string) => {
    const k = productRefKey(ref);
    const ids = out.get(k) ?? [];
    if (!ids.includes(id)) {
      ids.push(id);
    }
    out.set(k, ids);
  };
  const of = (by: ProductRef['by']) => [...new Set(refs.filter((r) => r.by === by).map((r) => r.value))];
  const base = () => trx.selectFrom('product').where('org_id', '=', orgId);
  const ids = of('id');
  if (ids.length) {
    for (const r of await base()
      .select('id')
      .where(sql<boolean>`id = any(${sql.val(ids)}::uuid[])`)
      .execute()) {
      add({ by: 'id', value: r.id }, r.id);
    }
  }
  for (const by of ['sku', 'externalId'] as const) {
    const values = of(by);
    if (values.length) {
      const col = by === 'sku' ? 'sku' : 'external_id';
      for (const r of await base()
        .select(['id', col])
        .where(sql<boolean>`${sql.ref(col)} = any(${sql.val(values)}::text[])`)
        .execute()) {
        add({ by, value: (r as Record<string, string>)[col] ?? '' }, r.id);
      }
    }
  }
  const names = of('name');
  if (names.length) {
    for (const r of await base()
      .select(['id', 'name'])
      .where(sql<boolean>`lower(name) = any(${sql.val(names.map((n) => n.toLowerCase()))}::text[])`)
      .execute()) {
      add({ by: 'name', value: r.name }, r.id);
    }
  }
  return out;
}

/**
 * Upkeep between bulk batches (imports): planner statistics of the commerce tables after batches 1, 2,
 * 4, 8… (PGlite has no autovacuum and PostgreSQL's lags behind a bulk load, so the per-batch lookups
 * of keys and products would pick row-by-row plans that grow with the table).
 */
export async function afterCommerceBatch(db: Db, batchNumber: number): Promise<void> {
  if ((batchNumber & (batchNumber - 1)) === 0) {
    await sql`analyze "transaction", transaction_line, product`.execute(db);
  }
}
