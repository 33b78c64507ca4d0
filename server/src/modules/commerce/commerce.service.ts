import type { RequestContext } from '../../platform/auth/actor.ts';
import { diff, recordAudit } from '../../platform/audit/audit.ts';
import { emitEvent } from '../../platform/webhooks/events.ts';
import type { Db } from '../../platform/db/database.ts';
import { failedUpdate } from '../../platform/db/versioned.ts';
import type { Deps } from '../../platform/deps.ts';
import { conflict, notFound, validation } from '../../platform/errors.ts';
import type { Page } from '../../platform/http/common.schema.ts';
import { customerVisibility, writableParty } from '../parties/index.ts';
import { productsRepository, transactionsRepository, type LineWithName } from './commerce.repository.ts';
import type {
  CreateProduct,
  CreateTransaction,
  ListProductsQuery,
  ListTransactionsQuery,
  Product,
  Transaction,
  UpdateProduct,
} from './commerce.schema.ts';
import type { ProductRow, TransactionRow } from './commerce.tables.ts';
import { centsToString, priceTransaction, toCents } from './money.ts';

export const toProduct = (r: ProductRow): Product => ({
  id: r.id,
  name: r.name,
  sku: r.sku,
  externalId: r.external_id,
  category: r.category,
  price: r.price,
  currency: r.currency,
  active: r.active,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  version: r.version,
});

export const toTransaction = (
  r: TransactionRow,
  lines: LineWithName[],
  partyName: string | null = null,
): Transaction => ({
  id: r.id,
  partyId: r.party_id,
  partyName,
  occurredAt: r.occurred_at.toISOString(),
  amount: r.amount,
  currency: r.currency,
  channel: r.channel,
  externalId: r.external_id,
  note: r.note,
  lines: lines.map((l) => ({
    lineNo: l.line_no,
    productId: l.product_id,
    productName: l.product_name,
    quantity: l.quantity,
    unitPrice: l.unit_price,
    amount: l.amount,
  })),
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  version: r.version,
});

const money = (v: number | string | null | undefined) =>
  v === null || v === undefined ? v : centsToString(toCents(v));

/** Attaches each transaction's lines and its party's name (one query each for a page). */
async function withLines(db: Db, orgId: string, rows: TransactionRow[]): Promise<Transaction[]> {
  const [lines, names] = await Promise.all([
    transactionsRepository.linesOf(
      db,
      orgId,
      rows.map((r) => r.id),
    ),
    transactionsRepository.partyNames(db, orgId, [...new Set(rows.map((r) => r.party_id))]),
  ]);
  const by = new Map<string, LineWithName[]>();
  for (const l of lines) {
    by.set(l.transaction_id, [...(by.get(l.transaction_id) ?? []), l]);
  }
  return rows.map((r) => toTransaction(r, by.get(r.id) ?? [], names.get(r.party_id) ?? null));
}

const takenConflict = (taken: { id: string; external_id: string | null }, externalId: string | null | undefined) =>
  conflict(
    taken.external_id && taken.external_id === externalId
      ? 'A product with this external id exists'
      : 'A product with this SKU exists',
    { id: taken.id },
  );

async function createProduct(db: Db, ctx: RequestContext, input: CreateProduct): Promise<Product> {
  const orgId = ctx.actor.orgId;
  return db.transaction().execute(async (trx) => {
    const taken = await productsRepository.taken(trx, orgId, input.externalId, input.sku);
    if (taken) {
      throw takenConflict(taken, input.externalId);
    }
    const row = await productsRepository.insert(trx, {
      org_id: orgId,
      name: input.name,
      sku: input.sku ?? null,
      external_id: input.externalId ?? null,
      category: input.category ?? null,
      price: money(input.price) ?? null,
      currency: input.currency,
      active: input.active ?? true,
      created_by: ctx.actor.userId,
    });
    const out = toProduct(row);
    await recordAudit(trx, ctx, { action: 'create', entityType: 'product', entityId: row.id, after: out });
    return out;
  });
}

async function updateProduct(
  db: Db,
  ctx: RequestContext,
  id: string,
  version: number,
  input: UpdateProduct,
): Promise<Product> {
  const orgId = ctx.actor.orgId;
  return db.transaction().execute(async (trx) => {
    const before = await productsRepository.find(trx, orgId, id);
    if (!before) {
      throw notFound('Product');
    }
    const taken = await productsRepository.taken(trx, orgId, input.externalId, input.sku, id);
    if (taken) {
      throw takenConflict(taken, input.externalId);
    }
    const row = await productsRepository.update(trx, orgId, id, version, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.sku !== undefined ? { sku: input.sku } : {}),
      ...(input.externalId !== undefined ? { external_id: input.externalId } : {}),
      ...(input.category !== undefined ? { category: input.category } : {}),
      ...(input.price !== undefined ? { price: money(input.price) } : {}),
      ...(input.currency !== undefined ? { currency: input.currency } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    });
    if (!row) {
      failedUpdate(toProduct(before), 'Product');
    }
    const d = diff(toProduct(before), toProduct(row));
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'product',
      entityId: id,
      before: d.before,
      after: d.after,
    });
    return toProduct(row);
  });
}

/** Records a sale for a party the actor may change; lines price from the catalogue (see money.ts priceTransaction). */
async function createTransaction(db: Db, ctx: RequestContext, input: CreateTransaction): Promise<Transaction> {
  const orgId = ctx.actor.orgId;
  return db.transaction().execute(async (trx) => {
    await writableParty(trx, ctx, input.partyId);
    const productIds = [...new Set((input.lines ?? []).map((l) => l.productId))];
    const products = new Map((await productsRepository.byIds(trx, orgId, productIds)).map((p) => [p.id, p]));
    const priced = priceTransaction(input, products);
    if ('code' in priced) {
      throw validation(priced.message, [
        { path: ['body', ...priced.path], message: priced.message, code: priced.code },
      ]);
    }
    if (input.externalId && (await transactionsRepository.externalIdTaken(trx, orgId, input.externalId))) {
      throw conflict('A transaction with this external id exists');
    }
    const row = await transactionsRepository.insert(trx, {
      org_id: orgId,
      party_id: input.partyId,
      occurred_at: input.occurredAt ? new Date(input.occurredAt) : new Date(),
      amount: priced.amount,
      currency: input.currency,
      channel: input.channel ?? null,
      external_id: input.externalId ?? null,
      note: input.note ?? null,
      created_by: ctx.actor.userId,
    });
    await transactionsRepository.insertLines(
      trx,
      priced.lines.map((l) => ({
        org_id: orgId,
        transaction_id: row.id,
        line_no: l.lineNo,
        product_id: l.productId,
        quantity: l.quantity,
        unit_price: l.unitPrice,
        amount: l.amount,
      })),
    );
    const [out] = await withLines(trx, orgId, [row]);
    await recordAudit(trx, ctx, { action: 'create', entityType: 'transaction', entityId: row.id, after: out });
    const t = out as Transaction;
    await emitEvent(trx, ctx, 'transaction.created', {
      id: t.id,
      partyId: t.partyId,
      occurredAt: t.occurredAt,
      amount: t.amount,
      currency: t.currency,
    });
    return t;
  });
}

/** Products (a catalogue every user reads; admins, managers and marketing change it) and transactions (visible iff their party is). */
export function commerceService(deps: Deps) {
  const { db } = deps;

  return {
    async listProducts(ctx: RequestContext, f: ListProductsQuery): Promise<Page<Product>> {
      const res = await productsRepository.list(db, ctx.actor.orgId, f, { limit: f.limit, cursor: f.cursor });
      return { items: res.items.map(toProduct), nextCursor: res.nextCursor };
    },

    async getProduct(ctx: RequestContext, id: string): Promise<Product> {
      const row = await productsRepository.find(db, ctx.actor.orgId, id);
      if (!row) {
        throw notFound('Product');
      }
      return toProduct(row);
    },

    createProduct: (ctx: RequestContext, input: CreateProduct) => createProduct(db, ctx, input),

    updateProduct: (ctx: RequestContext, id: string, version: number, input: UpdateProduct) =>
      updateProduct(db, ctx, id, version, input),

    async listTransactions(ctx: RequestContext, f: ListTransactionsQuery): Promise<Page<Transaction>> {
      // A list read: a replica's when one is configured (the caller's own writes read from the primary).
      const reads = await deps.reads.db(ctx.actor);
      const vis = await customerVisibility(reads, ctx.actor.orgId);
      const res = await transactionsRepository.list(reads, ctx.actor, vis, f, { limit: f.limit, cursor: f.cursor });
      return { items: await withLines(reads, ctx.actor.orgId, res.items), nextCursor: res.nextCursor };
    },

    async getTransaction(ctx: RequestContext, id: string): Promise<Transaction> {
      const vis = await customerVisibility(db, ctx.actor.orgId);
      const row = await transactionsRepository.find(db, ctx.actor, vis, id, 'read');
      if (!row) {
        throw notFound('Transaction');
      }
      const [out] = await withLines(db, ctx.actor.orgId, [row]);
      return out as Transaction;
    },

    /** Records a sale for a party the actor may change; lines price from the catalogue (see money.ts priceTransaction). */
    createTransaction: (ctx: RequestContext, input: CreateTransaction) => createTransaction(db, ctx, input),
  };
}
