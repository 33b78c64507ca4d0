import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { hasRole, type RequestContext } from '../../platform/auth/actor.ts';
import { recordAudit, whoOf, type AuditWho } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { customerVisibility, canSeeFull, type RowFailure } from '../parties/index.ts';
import type { CreateProduct, CreateTransaction } from './commerce.schema.ts';
import type { ProductRow, TransactionLineRow, TransactionRow } from './commerce.tables.ts';
import { centsToString, priceTransaction, toCents, type PricedLine } from './money.ts';

/**
 * Bulk writes of the commerce module, for imports and generated demo data. Stable contract:
 *
 * - `bulkUpsertProducts(trx, who, rows, { upsertKey })` and
 *   `bulkUpsertTransactions(trx, who, rows, { upsertKey })` write many rows in the caller's
 *   transaction with set-based statements (one `insert … select from jsonb_to_recordset($1)` per
 *   table per call, whatever the row count), with the same checks as the API: ISO currency (zod),
 *   known products, lines priced and summed (money.ts `priceTransaction`), a live party.
 * - `rows` are `createProductSchema` / `createTransactionSchema` values (validate them first).
 * - `who`: a request context (products: admin, manager or marketing; transactions: parties the
 *   actor may change) or an `AuditWho` such as `systemWho(orgId)` (trusted: no role rules).
 * - `upsertKey: 'externalId'`: a row whose external id names an existing record replaces it
 *   (products: the given fields; transactions: every column and the lines). Without it every row
 *   creates, and an external id in use fails the row. Rows sharing a key apply in order.
 * - A problem of one row fails that row only: `results[i]` says what happened to `rows[i]`.
 * Returns the created ids, the updated ids with a snapshot from before the update (for undo with
 * `restoreProductSnapshots` / `restoreTransactionSnapshots`; created ones are undone with
 * `deleteTransactions` / `deleteProducts`), and a result per row. One audit row per call.
 */
export type CommerceUpsertKey = 'externalId';
export type BulkProductInput = CreateProduct;
export type BulkTransactionInput = CreateTransaction;
export type ProductSnapshot = ProductRow;
export interface TransactionSnapshot {
  transaction: TransactionRow;
  lines: TransactionLineRow[];
}
export type BulkResult<S> =
  { action: 'created'; id: string } | { action: 'updated'; id: string; before: S } | RowFailure;
export interface BulkOutcome<S> {
  created: string[];
  updated: { id: string; before: S }[];
  results: BulkResult<S>[];
}

type Who = RequestContext | AuditWho;
const auditWho = (who: Who): AuditWho => ('actor' in who ? whoOf(who) : who);
const fail = (code: string, message: string, path: (string | number)[]): RowFailure => ({
  action: 'failed',
  code,
  message,
  path,
});
const json = (rows: unknown[]) => sql`${JSON.stringify(rows)}::jsonb`;

/** Splits rows into rounds so rows sharing a key apply in order (each round holds each key once). */
function rounds<T extends { key: string | null }>(items: T[]): T[][] {
  const out: T[][] = [];
  let pending = items;
  while (pending.length) {
    const seen = new Set<string>();
    const round: T[] = [];
    const later: T[] = [];
    for (const p of pending) {
      if (p.key !== null && seen.has(p.key)) {
        later.push(p);
      } else {
        if (p.key !== null) {
          seen.add(p.key);
        }
        round.push(p);
      }
    }
    out.push(round);
    pending = later;
  }
  return out;
}

interface PreparedProduct {
  index: number;
  key: string | null;
  input: BulkProductInput;
}

export async function bulkUpsertProducts(
  trx: Db,
  who: Who,
  rows: BulkProductInput[],
  opts: { upsertKey?: CommerceUpsertKey | undefined } = {},
): Promise<BulkOutcome<ProductSnapshot>> {
  const w = auditWho(who);
  const orgId = w.orgId;
  const actor = 'actor' in who ? who.actor : null;
  const results = new Array<BulkResult<ProductSnapshot>>(rows.length);
  const created: string[] = [];
  const updated: { id: string; before: ProductSnapshot }[] = [];
  if (!rows.length) {
    return { created, updated, results };
  }
  const prepared: PreparedProduct[] = [];
  rows.forEach((input, index) => {
    if (actor && !hasRole(actor, 'admin', 'manager', 'marketing')) {
      results[index] = fail('forbidden', 'Only admins, managers and marketing change the product catalogue', []);
    } else if (opts.upsertKey && !input.externalId) {
      results[index] = fail('missing_key', 'The upsert key (externalId) is empty', ['externalId']);
    } else {
      prepared.push({ index, key: input.externalId ?? null, input });
    }
  });
  const now = new Date();
  for (const round of rounds(prepared)) {
    const keys = round.map((p) => p.key).filter((k): k is string => k !== null);
    const skus = round.map((p) => p.input.sku).filter((k): k is string => Boolean(k));
    const existing = keys.length
      ? await trx
          .selectFrom('product')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('external_id', 'in', keys)
          .execute()
      : [];
    const byKey = new Map(existing.map((p) => [p.external_id ?? '', p]));
    const skuHolders = new Map(
      (skus.length
        ? await trx
            .selectFrom('product')
            .select(['id', 'sku'])
            .where('org_id', '=', orgId)
            .where('sku', 'in', skus)
            .execute()
        : []
      ).map((p) => [p.sku ?? '', p.id]),
    );
    const inserts: Record<string, unknown>[] = [];
    const updates: Record<string, unknown>[] = [];
    const roundSkus = new Set<string>();
    for (const p of round) {
      const target = p.key !== null ? byKey.get(p.key) : undefined;
      const sku = p.input.sku;
      if (target && !opts.upsertKey) {
        results[p.index] = fail('duplicate_key', 'A product with this external id exists', ['externalId']);
        continue;
      }
      if (sku && ((skuHolders.has(sku) && skuHolders.get(sku) !== target?.id) || roundSkus.has(sku))) {
        results[p.index] = fail('duplicate_key', 'A product with this SKU exists', ['sku']);
        continue;
      }
      if (sku) {
        roundSkus.add(sku);
      }
      const given = p.input;
      const values: Record<string, unknown> = { name: given.name, currency: given.currency };
      for (const [field, col] of [
        ['sku', 'sku'],
        ['category', 'category'],
        ['active', 'active'],
      ] as const) {
        if (given[field] !== undefined) {
          values[col] = given[field];
        }
      }
      if (given.price !== undefined) {
        values.price = given.price === null ? null : centsToString(toCents(given.price));
      }
      if (target) {
        updates.push({ id: target.id, ...values });
        results[p.index] = { action: 'updated', id: target.id, before: target };
        updated.push({ id: target.id, before: target });
      } else {
        const id = randomUUID();
        inserts.push({ id, external_id: given.externalId ?? null, ...values });
        results[p.index] = { action: 'created', id };
        created.push(id);
      }
    }
    if (inserts.length) {
      await sql`
        insert into product (org_id, id, name, sku, external_id, category, price, currency, active, created_by, created_at, updated_at)
        select ${orgId}, x.id, x.name, x.sku, x.external_id, x.category, x.price, x.currency, coalesce(x.active, true), ${w.actorId}, ${now}, ${now}
        from jsonb_to_recordset(${json(inserts)}) as x(id uuid, name text, sku text, external_id text, category text, price numeric, currency text, active boolean)`.execute(
        trx,
      );
    }
    if (updates.length) {
      // Given fields replace; absent ones keep their value.
      await sql`
        update product p set
          name = e->>'name', currency = e->>'currency',
          sku = case when e ? 'sku' then e->>'sku' else p.sku end,
          category = case when e ? 'category' then e->>'category' else p.category end,
          price = case when e ? 'price' then (e->>'price')::numeric else p.price end,
          active = case when e ? 'active' then (e->>'active')::boolean else p.active end,
          updated_at = ${now}, version = p.version + 1
        from jsonb_array_elements(${json(updates)}) e
        where p.org_id = ${orgId} and p.id = (e->>'id')::uuid`.execute(trx);
    }
  }
  await recordAudit(trx, w, {
    action: 'bulk_upsert',
    entityType: 'product',
    entityId: null,
    after: {
      created: created.length,
      updated: updated.length,
      failed: rows.length - created.length - updated.length,
      createdIds: created.slice(0, 1000),
      updatedIds: updated.slice(0, 1000).map((u) => u.id),
    },
  });
  return { created, updated, results };
}

interface PreparedTransaction {
  index: number;
  key: string | null;
  input: BulkTransactionInput;
  amount: string;
  lines: PricedLine[];
}

export async function bulkUpsertTransactions(
  trx: Db,
  who: Who,
  rows: BulkTransactionInput[],
  opts: { upsertKey?: CommerceUpsertKey | undefined } = {},
): Promise<BulkOutcome<TransactionSnapshot>> {
  const w = auditWho(who);
  const orgId = w.orgId;
  const actor = 'actor' in who ? who.actor : null;
  const results = new Array<BulkResult<TransactionSnapshot>>(rows.length);
  const created: string[] = [];
  const updated: { id: string; before: TransactionSnapshot }[] = [];
  if (!rows.length) {
    return { created, updated, results };
  }
  const visibility = actor && !hasRole(actor, 'admin') ? await customerVisibility(trx, orgId) : null;
  const writable = actor && visibility ? sql<boolean>`${canSeeFull(actor, visibility, 'write')}` : sql<boolean>`true`;
  const partiesOf = async (ids: string[]) =>
    new Map(
      ids.length
        ? (
            await trx
              .selectFrom('party as p')
              .select(['p.id', writable.as('writable')])
              .where('p.org_id', '=', orgId)
              .where(sql<boolean>`p.id = any(${sql.val([...new Set(ids)])}::uuid[])`)
              .where('p.deleted_at', 'is', null)
              .where('p.merged_into_id', 'is', null)
              .execute()
          ).map((p) => [p.id, p.writable])
        : [],
    );
  const parties = await partiesOf(rows.map((r) => r.partyId));
  const productIds = [...new Set(rows.flatMap((r) => (r.lines ?? []).map((l) => l.productId)))];
  const products = new Map(
    productIds.length
      ? (
          await trx
            .selectFrom('product')
            .select(['id', 'price', 'currency'])
            .where('org_id', '=', orgId)
            .where(sql<boolean>`id = any(${sql.val(productIds)}::uuid[])`)
            .execute()
        ).map((p) => [p.id, p])
      : [],
  );

  const prepared: PreparedTransaction[] = [];
  rows.forEach((input, index) => {
    const party = parties.get(input.partyId);
    if (party === undefined) {
      results[index] = fail('unknown_reference', 'No such party', ['partyId']);
      return;
    }
    if (!party) {
      results[index] = fail('forbidden', 'You may not record transactions for this party', ['partyId']);
      return;
    }
    if (opts.upsertKey && !input.externalId) {
      results[index] = fail('missing_key', 'The upsert key (externalId) is empty', ['externalId']);
      return;
    }
    const priced = priceTransaction(input, products);
    if ('code' in priced) {
      results[index] = fail(priced.code, priced.message, priced.path);
      return;
    }
    prepared.push({ index, key: input.externalId ?? null, input, amount: priced.amount, lines: priced.lines });
  });

  const now = new Date();
  for (const round of rounds(prepared)) {
    const keys = round.map((p) => p.key).filter((k): k is string => k !== null);
    const existing = keys.length
      ? await trx
          .selectFrom('transaction')
          .selectAll()
          .where('org_id', '=', orgId)
          .where(sql<boolean>`external_id = any(${sql.val(keys)}::text[])`)
          .execute()
      : [];
    const byKey = new Map(existing.map((t) => [t.external_id ?? '', t]));
    const existingParties = actor && opts.upsertKey ? await partiesOf(existing.map((t) => t.party_id)) : null;
    const oldLines =
      opts.upsertKey && existing.length
        ? await trx
            .selectFrom('transaction_line')
            .selectAll()
            .where('org_id', '=', orgId)
            .where(sql<boolean>`transaction_id = any(${sql.val(existing.map((t) => t.id))}::uuid[])`)
            .execute()
        : [];
    type TxValues = {
      id: string;
      party_id: string;
      occurred_at: string;
      amount: string;
      currency: string;
      channel: string | null;
      external_id: string | null;
      note: string | null;
    };
    const inserts: TxValues[] = [];
    const updates: TxValues[] = [];
    const lines: {
      transaction_id: string;
      line_no: number;
      product_id: string;
      quantity: string;
      unit_price: string;
      amount: string;
    }[] = [];
    for (const p of round) {
      const target = p.key !== null ? byKey.get(p.key) : undefined;
      if (target && !opts.upsertKey) {
        results[p.index] = fail('duplicate_key', 'A transaction with this external id exists', ['externalId']);
        continue;
      }
      if (target && existingParties && !existingParties.get(target.party_id)) {
        results[p.index] = fail('forbidden', 'You may not change this transaction', ['externalId']);
        continue;
      }
      const i = p.input;
      const id = target?.id ?? randomUUID();
      const values: TxValues = {
        id,
        party_id: i.partyId,
        occurred_at: (i.occurredAt ? new Date(i.occurredAt) : now).toISOString(),
        amount: p.amount,
        currency: i.currency,
        channel: i.channel ?? null,
        external_id: i.externalId ?? null,
        note: i.note ?? null,
      };
      for (const l of p.lines) {
        lines.push({
          transaction_id: id,
          line_no: l.lineNo,
          product_id: l.productId,
          quantity: l.quantity,
          unit_price: l.unitPrice,
          amount: l.amount,
        });
      }
      if (target) {
        const before = { transaction: target, lines: oldLines.filter((l) => l.transaction_id === target.id) };
        updates.push(values);
        results[p.index] = { action: 'updated', id, before };
        updated.push({ id, before });
      } else {
        inserts.push(values);
        results[p.index] = { action: 'created', id };
        created.push(id);
      }
    }
    if (inserts.length) {
      // Column arrays through unnest: the cheapest set-based insert after COPY (one parameter per column).
      const col = <K extends keyof (typeof inserts)[number]>(k: K) => sql.val(inserts.map((r) => r[k]));
      await sql`
        insert into "transaction" (org_id, id, party_id, occurred_at, amount, currency, channel, external_id, note, created_by, created_at, updated_at)
        select ${orgId}, x.id, x.party_id, x.occurred_at, x.amount, x.currency, x.channel, x.external_id, x.note, ${w.actorId}::uuid, ${now}, ${now}
        from unnest(${col('id')}::uuid[], ${col('party_id')}::uuid[], ${col('occurred_at')}::timestamptz[], ${col('amount')}::numeric[], ${col('currency')}::text[],
                    ${col('channel')}::text[], ${col('external_id')}::text[], ${col('note')}::text[])
          as x(id, party_id, occurred_at, amount, currency, channel, external_id, note)`.execute(trx);
    }
    if (updates.length) {
      await sql`
        update "transaction" t set party_id = x.party_id, occurred_at = x.occurred_at, amount = x.amount, currency = x.currency,
          channel = x.channel, note = x.note, updated_at = ${now}, version = t.version + 1
        from jsonb_to_recordset(${json(updates)}) as x(id uuid, party_id uuid, occurred_at timestamptz, amount numeric, currency text, channel text, external_id text, note text)
        where t.org_id = ${orgId} and t.id = x.id`.execute(trx);
      await sql`delete from transaction_line where org_id = ${orgId} and transaction_id = any(${sql.val(updates.map((u) => u.id))}::uuid[])`.execute(
        trx,
      );
    }
    if (lines.length) {
      const col = <K extends keyof (typeof lines)[number]>(k: K) => sql.val(lines.map((r) => r[k]));
      await sql`
        insert into transaction_line (org_id, transaction_id, line_no, product_id, quantity, unit_price, amount)
        select ${orgId}, x.* from unnest(${col('transaction_id')}::uuid[], ${col('line_no')}::int[], ${col('product_id')}::uuid[], ${col('quantity')}::numeric[],
                                         ${col('unit_price')}::numeric[], ${col('amount')}::numeric[])
          as x(transaction_id, line_no, product_id, quantity, unit_price, amount)`.execute(trx);
    }
  }
  await recordAudit(trx, w, {
    action: 'bulk_upsert',
    entityType: 'transaction',
    entityId: null,
    after: {
      created: created.length,
      updated: updated.length,
      failed: rows.length - created.length - updated.length,
      createdIds: created.slice(0, 1000),
      updatedIds: updated.slice(0, 1000).map((u) => u.id),
    },
  });
  return { created, updated, results };
}

/** Puts products back as snapshots from `bulkUpsertProducts` say they were (undo of an import's updates). */
export async function restoreProductSnapshots(trx: Db, who: Who, snapshots: ProductSnapshot[]): Promise<number> {
  const w = auditWho(who);
  let restored = 0;
  for (const s of snapshots) {
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
      .where('org_id', '=', w.orgId)
      .where('id', '=', s.id)
      .executeTakeFirst();
    restored += Number(res.numUpdatedRows);
  }
  await recordAudit(trx, w, { action: 'bulk_restore', entityType: 'product', entityId: null, after: { restored } });
  return restored;
}

/** Puts transactions and their lines back as snapshots from `bulkUpsertTransactions` say they were. */
export async function restoreTransactionSnapshots(
  trx: Db,
  who: Who,
  snapshots: TransactionSnapshot[],
): Promise<number> {
  const w = auditWho(who);
  let restored = 0;
  for (const { transaction: t, lines } of snapshots) {
    const res = await trx
      .updateTable('transaction')
      .set((eb) => ({
        party_id: t.party_id,
        occurred_at: new Date(t.occurred_at),
        amount: t.amount,
        currency: t.currency,
        channel: t.channel,
        external_id: t.external_id,
        note: t.note,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('org_id', '=', w.orgId)
      .where('id', '=', t.id)
      .executeTakeFirst();
    if (!Number(res.numUpdatedRows)) {
      continue;
    }
    restored++;
    await trx.deleteFrom('transaction_line').where('org_id', '=', w.orgId).where('transaction_id', '=', t.id).execute();
    if (lines.length) {
      await trx
        .insertInto('transaction_line')
        .values(
          lines.map((l) => ({
            org_id: w.orgId,
            transaction_id: t.id,
            line_no: l.line_no,
            product_id: l.product_id,
            quantity: l.quantity,
            unit_price: l.unit_price,
            amount: l.amount,
          })),
        )
        .execute();
    }
  }
  await recordAudit(trx, w, { action: 'bulk_restore', entityType: 'transaction', entityId: null, after: { restored } });
  return restored;
}

/** Removes transactions (and their lines) by id: undo of the ones an import created. Returns how many went. */
export async function deleteTransactions(trx: Db, who: Who, ids: string[]): Promise<number> {
  const w = auditWho(who);
  if (!ids.length) {
    return 0;
  }
  const res = await trx
    .deleteFrom('transaction')
    .where('org_id', '=', w.orgId)
    .where(sql<boolean>`id = any(${sql.val(ids)}::uuid[])`)
    .executeTakeFirst();
  const n = Number(res.numDeletedRows);
  await recordAudit(trx, w, {
    action: 'bulk_delete',
    entityType: 'transaction',
    entityId: null,
    after: { deleted: n, ids: ids.slice(0, 1000) },
  });
  return n;
}

/** Removes products by id that no transaction line uses (undo of an import's creations); returns the ids kept because lines use them. */
export async function deleteProducts(trx: Db, who: Who, ids: string[]): Promise<{ deleted: number; kept: string[] }> {
  const w = auditWho(who);
  if (!ids.length) {
    return { deleted: 0, kept: [] };
  }
  const used = (
    await trx
      .selectFrom('transaction_line')
      .select('product_id')
      .distinct()
      .where('org_id', '=', w.orgId)
      .where(sql<boolean>`product_id = any(${sql.val(ids)}::uuid[])`)
      .execute()
  ).map((r) => r.product_id);
  const gone = ids.filter((id) => !used.includes(id));
  const res = gone.length
    ? await trx
        .deleteFrom('product')
        .where('org_id', '=', w.orgId)
        .where(sql<boolean>`id = any(${sql.val(gone)}::uuid[])`)
        .executeTakeFirst()
    : { numDeletedRows: 0n };
  const n = Number(res.numDeletedRows);
  await recordAudit(trx, w, {
    action: 'bulk_delete',
    entityType: 'product',
    entityId: null,
    after: { deleted: n, kept: used },
  });
  return { deleted: n, kept: used };
}
