import { ctxOf } from '../../platform/auth/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { allPages, exportQuerySchema, sendExport, type ExportColumn } from '../../platform/export/exporter.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import {
  listProductsQuerySchema,
  listTransactionsQuerySchema,
  type Product,
  type Transaction,
} from './commerce.schema.ts';
import { commerceService } from './commerce.service.ts';

const productColumns: ExportColumn<Product>[] = [
  { key: 'name', header: 'name', value: (p) => p.name },
  { key: 'sku', header: 'sku', value: (p) => p.sku },
  { key: 'externalId', header: 'externalId', value: (p) => p.externalId },
  { key: 'category', header: 'category', value: (p) => p.category },
  { key: 'price', header: 'price', value: (p) => p.price },
  { key: 'currency', header: 'currency', value: (p) => p.currency },
  { key: 'active', header: 'active', value: (p) => p.active },
  { key: 'updatedAt', header: 'updatedAt', value: (p) => p.updatedAt },
  { key: 'id', header: 'id', value: (p) => p.id },
];

const transactionColumns: ExportColumn<Transaction>[] = [
  { key: 'occurredAt', header: 'occurredAt', value: (t) => t.occurredAt },
  { key: 'partyId', header: 'partyId', value: (t) => t.partyId },
  { key: 'amount', header: 'amount', value: (t) => t.amount },
  { key: 'currency', header: 'currency', value: (t) => t.currency },
  { key: 'channel', header: 'channel', value: (t) => t.channel },
  { key: 'externalId', header: 'externalId', value: (t) => t.externalId },
  {
    key: 'products',
    header: 'products',
    value: (t) => t.lines.map((l) => `${l.productName ?? l.productId}×${Number(l.quantity)}`).join('; ') || null,
  },
  { key: 'note', header: 'note', value: (t) => t.note },
  { key: 'id', header: 'id', value: (t) => t.id },
];

/** CSV/XLSX of the product and transaction lists with their filters (the same access-filtered pages, so you export only what you see). */
export function commerceExportRoutes(app: TandemApp, deps: Deps) {
  const commerce = commerceService(deps);
  app.get('/api/products/export', {
    schema: {
      tags: ['products'],
      summary: 'Export products as CSV (UTF-8 with BOM, or GB18030) or XLSX, with the list filters',
      querystring: listProductsQuerySchema.omit({ limit: true, cursor: true }).extend(exportQuerySchema.shape),
    },
    handler: (req, reply) => {
      const ctx = ctxOf(req);
      const { format, encoding, columns, ...filters } = req.query;
      return sendExport(reply, {
        name: 'products',
        query: { format, encoding, columns },
        columns: productColumns,
        rows: allPages((cursor) => commerce.listProducts(ctx, { ...filters, limit: 500, cursor })),
      });
    },
  });
  app.get('/api/transactions/export', {
    schema: {
      tags: ['transactions'],
      summary: 'Export the transactions you see as CSV (UTF-8 with BOM, or GB18030) or XLSX, with the list filters',
      querystring: listTransactionsQuerySchema.omit({ limit: true, cursor: true }).extend(exportQuerySchema.shape),
    },
    handler: (req, reply) => {
      const ctx = ctxOf(req);
      const { format, encoding, columns, ...filters } = req.query;
      return sendExport(reply, {
        name: 'transactions',
        query: { format, encoding, columns },
        columns: transactionColumns,
        rows: allPages((cursor) => commerce.listTransactions(ctx, { ...filters, limit: 500, cursor })),
      });
    },
  });
}
