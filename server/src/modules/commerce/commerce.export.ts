import { ctxOf } from '../../platform/auth/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { allPages, exportQuerySchema, sendExport } from '../../platform/export/exporter.ts';
import { exportLang } from '../../platform/export/readable.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import { listProductsQuerySchema, listTransactionsQuerySchema } from './commerce.schema.ts';
import { commerceService } from './commerce.service.ts';
import {
  productColumns,
  readableProductColumns,
  readableTransactionColumns,
  transactionColumns,
  transactionLineRows,
} from './export-columns.ts';

/** CSV/XLSX of the product and transaction lists with their filters (the same access-filtered pages, so you export only what you see). */
export function commerceExportRoutes(app: TandemApp, deps: Deps) {
  const commerce = commerceService(deps);
  app.get('/api/products/export', {
    schema: {
      tags: ['products'],
      summary:
        'Export products as CSV (UTF-8 with BOM, or GB18030) or XLSX, with the list filters; readable in your language unless raw=true',
      querystring: listProductsQuerySchema.omit({ limit: true, cursor: true }).extend(exportQuerySchema.shape),
    },
    handler: (req, reply) => {
      const ctx = ctxOf(req);
      const { format, encoding, columns, raw, lang, ...filters } = req.query;
      return sendExport(reply, {
        name: 'products',
        query: { format, encoding, columns },
        columns: raw ? productColumns : readableProductColumns(exportLang(lang, ctx.actor.locale)),
        rows: allPages((cursor) => commerce.listProducts(ctx, { ...filters, limit: 500, cursor })),
      });
    },
  });
  app.get('/api/transactions/export', {
    schema: {
      tags: ['transactions'],
      summary:
        'Export the transactions you see as CSV (UTF-8 with BOM, or GB18030) or XLSX, with the list filters; readable in your language (one row per line, which the import reads back) unless raw=true',
      querystring: listTransactionsQuerySchema.omit({ limit: true, cursor: true }).extend(exportQuerySchema.shape),
    },
    handler: (req, reply) => {
      const ctx = ctxOf(req);
      const { format, encoding, columns, raw, lang, ...filters } = req.query;
      const transactions = allPages((cursor) => commerce.listTransactions(ctx, { ...filters, limit: 500, cursor }));
      if (raw) {
        return sendExport(reply, {
          name: 'transactions',
          query: { format, encoding, columns },
          columns: transactionColumns,
          rows: transactions,
        });
      }
      return sendExport(reply, {
        name: 'transactions',
        query: { format, encoding, columns },
        columns: readableTransactionColumns(exportLang(lang, ctx.actor.locale)),
        rows: transactionLineRows(transactions),
      });
    },
  });
}
