import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { resolvePartyRefs, type PartyRef } from '../parties/index.ts';
import type { ProductRef } from './commerce-rows.ts';

/** How rows name records, resolved once per batch: `key(ref)` → the ids it matches (none, one, or several: ambiguous). */
export const refKey = (ref: { by: string; value: string }) =>
  `${ref.by}:${ref.by === 'name' ? ref.value.toLowerCase() : ref.value}`;

/** Parties named by rows, by id, external id, email, phone or exact name (live ones), in a few queries per batch. */
export const resolveParties = (trx: Db, orgId: string, refs: PartyRef[]) => resolvePartyRefs(trx, orgId, refs);

/** Products named by transaction rows, by id, SKU, external id or exact name, in a few queries per batch. */
export async function resolveProducts(trx: Db, orgId: string, refs: ProductRef[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const add = (k: string, id: string) => {
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
      add(`id:${r.id}`, r.id);
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
        add(`${by}:${(r as Record<string, string>)[col] ?? ''}`, r.id);
      }
    }
  }
  const names = of('name');
  if (names.length) {
    for (const r of await base()
      .select(['id', 'name'])
      .where(sql<boolean>`lower(name) = any(${sql.val(names.map((n) => n.toLowerCase()))}::text[])`)
      .execute()) {
      add(`name:${r.name.toLowerCase()}`, r.id);
    }
  }
  return out;
}
