import type { RequestContext } from '../../../platform/auth/actor.ts';
import { whoOf, type AuditEntryInput, type AuditWho } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import { customerVisibility, type RowFailure } from '../../parties/index.ts';
import type { WriteScope } from '../commerce.access.ts';
import type { CreateProduct, CreateTransaction } from '../commerce.schema.ts';
import type { ProductRow, TransactionLineRow, TransactionRow } from '../commerce.tables.ts';

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
 *   actor may change) or an `AuditWho` such as `systemWho(orgId)` (the system scope: no role rules).
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

/** How an import row names a product. */
export interface ProductRef {
  by: 'id' | 'sku' | 'externalId' | 'name';
  value: string;
}

/** The key `resolveProductRefs` files a reference under (names compare case-insensitively). */
export const productRefKey = (ref: ProductRef) =>
  `${ref.by}:${ref.by === 'name' ? ref.value.toLowerCase() : ref.value}`;

export type Who = RequestContext | AuditWho;
export const auditWho = (who: Who): AuditWho => ('actor' in who ? whoOf(who) : who);

/** The write scope of a caller: a request context is a person; an `AuditWho` is the system. */
export async function writeScope(trx: Db, who: Who): Promise<WriteScope> {
  return 'actor' in who ? { actor: who.actor, visibility: await customerVisibility(trx, who.actor.orgId) } : 'system';
}

export const fail = (code: string, message: string, path: (string | number)[]): RowFailure => ({
  action: 'failed',
  code,
  message,
  path,
});

/** Splits rows into rounds so rows sharing a key apply in order (each round holds each key once). */
export function rounds<T extends { key: string | null }>(items: T[]): T[][] {
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

/** The audit row of one bulk upsert call: counts and the first thousand ids. */
export function upsertAudit(
  entityType: 'product' | 'transaction',
  rows: number,
  outcome: BulkOutcome<unknown>,
): AuditEntryInput {
  const { created, updated } = outcome;
  return {
    action: 'bulk_upsert',
    entityType,
    entityId: null,
    after: {
      created: created.length,
      updated: updated.length,
      failed: rows - created.length - updated.length,
      createdIds: created.slice(0, 1000),
      updatedIds: updated.slice(0, 1000).map((u) => u.id),
    },
  };
}
