import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { ProductRow } from '../commerce.tables.ts';
import type { ProductSnapshot } from './bulk-types.ts';

// Set-based SQL of the products bulk path: one statement per table per round, whatever the row count.

const json = (rows: unknown[]) => sql`${JSON.stringify(rows)}::jsonb`;

/** The given fields of a product row (absent keys keep their value on update), price already normalised. */
export interface ProductValues {
  name: string;
  currency: string;
  sku?: string | null;
  category?: string | null;
  active?: boolean;
  price?: string | null;
}

export const bulkProductsRepository = {
  byExternalIds(trx: Db, orgId: string, keys: string[]): Promise<ProductRow[]> {
    return keys.length
      ? trx.selectFrom('product').selectAll().where('org_id', '=', orgId).where('external_id', 'in', keys).execute()
      : Promise.resolve([]);
  },

  /** Which products hold these SKUs. */
  async skuHolders(trx: Db, orgId: string, skus: string[]): Promise<Map<string, string>> {
    const rows = skus.length
      ? await trx
          .selectFrom('product')
          .select(['id', 'sku'])
          .where('org_id', '=', orgId)
          .where('sku', 'in', skus)
          .execute()
      : [];
    return new Map(rows.map((p) => [p.sku ?? '', p.id]));
  },

  /** Catalogue prices and currencies of the products transaction lines name. */
  async prices(trx: Db, orgId: string, ids: string[]) {
    const rows = ids.length
      ? await trx
          .selectFrom('product')
          .select(['id', 'price', 'currency'])
          .where('org_id', '=', orgId)
          .where(sql<boolean>`id = any(${sql.val(ids)}::uuid[])`)
          .execute()
      : [];
    return new Map(rows.map((p) => [p.id, p]));
  },

  async insertMany(
    trx: Db,
    orgId: string,
    actorId: string | null,
    now: Date,
    rows: (ProductValues & { id: string; external_id: string | null })[],
  ): Promise<void> {
    if (!rows.length) {
      return;
    }
    await sql`
      insert into product (org_id, id, name, sku, external_id, category, price, currency, active, created_by, created_at, updated_at)
      select ${orgId}, x.id, x.name, x.sku, x.external_id, x.category, x.price, x.currency, coalesce(x.active, true), ${actorId}, ${now}, ${now}
      from jsonb_to_recordset(${json(rows)}) as x(id uuid, name text, sku text, external_id text, category text, price numeric, currency text, active boolean)`.execute(
      trx,
    );
  },

  /** Given fields replace; absent ones keep their value. */
  async updateMany(trx: Db, orgId: string, now: Date, rows: (ProductValues & { id: string })[]): Promise<void> {
    if (!rows.length) {
      return;
    }
    await sql`
      update product p set
        name = e->>'name', currency = e->>'currency',
        sku = case when e ? 'sku' then e->>'sku' else p.sku end,
        category = case when e ? 'category' then e->>'category' else p.category end,
        price = case when e ? 'price' then (e->>'price')::numeric else p.price end,
        active = case when e ? 'active' then (e->>'active')::boolean else p.active end,
        updated_at = ${now}, version = p.version + 1
      from jsonb_array_elements(${json(rows)}) e
      where p.org_id = ${orgId} and p.id = (e->>'id')::uuid`.execute(trx);
  },

  /** Puts one product back as the snapshot says; how many rows changed (0: it is gone). */
  async restore(trx: Db, orgId: string, s: ProductSnapshot): Promise<number> {
    const res = await trx
      .updateTable('product')
      .set((eb) => ({
        name: s.name,
        sku: s.sku,
        external_id: s.external_id,
        category: s.category,
        price: s.price,
        currency: s.currency,
        active: s.active,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('org_id', '=', orgId)
      .where('id', '=', s.id)
      .executeTakeFirst();
    return Number(res.numUpdatedRows);
  },

  /** Those of these products that transaction lines use. */
  async usedByLines(trx: Db, orgId: string, ids: string[]): Promise<string[]> {
    const rows = await trx
      .selectFrom('transaction_line')
      .select('product_id')
      .distinct()
      .where('org_id', '=', orgId)
      .where(sql<boolean>`product_id = any(${sql.val(ids)}::uuid[])`)
      .execute();
    return rows.map((r) => r.product_id);
  },

  async deleteByIds(trx: Db, orgId: string, ids: string[]): Promise<number> {
    if (!ids.length) {
      return 0;
    }
    const res = await trx
      .deleteFrom('product')
      .where('org_id', '=', orgId)
      .where(sql<boolean>`id = any(${sql.val(ids)}::uuid[])`)
      .executeTakeFirst();
    return Number(res.numDeletedRows);
  },
};
