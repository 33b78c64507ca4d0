import { withHeaders, wordsOf } from '../../platform/export/dictionary.ts';
import type { ExportColumn } from '../../platform/export/exporter.ts';
import type { ExportLang } from '../../platform/export/readable.ts';
import type { Product, Transaction, TransactionLine } from './commerce.schema.ts';

// The columns of the product and transaction exports (docs/domain.md "Exports"): the machine format (`raw=true`,
// unchanged) and the readable one, whose headers the import maps back (modules/imports/fields.ts).

/** The machine format (`raw=true`): field names as headers, values as stored. */
export const productColumns: ExportColumn<Product>[] = [
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

/** The machine format (`raw=true`): one row per transaction, the party by id, the lines as `product×quantity`. */
export const transactionColumns: ExportColumn<Transaction>[] = [
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

/** Readable products: headers in `lang`, active as yes/no in words the import reads (是/否, Yes/No). */
export function readableProductColumns(lang: ExportLang): ExportColumn<Product>[] {
  const w = wordsOf(lang);
  return withHeaders(
    productColumns.map((c) => (c.key === 'active' ? { ...c, value: (p: Product) => w('yesNo', String(p.active)) } : c)),
    lang,
    'productHeaders',
  );
}

/** One row of the readable transaction export: a line of a transaction (or the transaction when it has none). */
export interface TransactionLineRow {
  t: Transaction;
  line: TransactionLine | null;
  /** The transaction's first row: only it carries the transaction's own columns. */
  first: boolean;
}

/** A transaction per line, in line order; a transaction without lines is one row. */
export async function* transactionLineRows(
  transactions: AsyncIterable<Transaction>,
): AsyncGenerator<TransactionLineRow> {
  for await (const t of transactions) {
    if (!t.lines.length) {
      yield { t, line: null, first: true };
    }
    for (const [i, line] of t.lines.entries()) {
      yield { t, line, first: i === 0 };
    }
  }
}

/**
 * Readable transactions, the import's own shape: one row per line with the product's name, quantity, unit price
 * and line amount; the transaction's columns (order number, date, customer by name, amount, currency, channel label,
 * note, id) on its first line only, so the import reads the following lines as more lines of the same transaction.
 */
export function readableTransactionColumns(lang: ExportLang): ExportColumn<TransactionLineRow>[] {
  const w = wordsOf(lang);
  const head =
    (value: (t: Transaction) => string | null): ExportColumn<TransactionLineRow>['value'] =>
    (r) =>
      r.first ? value(r.t) : null;
  const columns: ExportColumn<TransactionLineRow>[] = [
    { key: 'externalId', header: 'externalId', value: head((t) => t.externalId) },
    { key: 'occurredAt', header: 'occurredAt', value: head((t) => t.occurredAt) },
    { key: 'partyName', header: 'partyName', value: head((t) => t.partyName) },
    { key: 'amount', header: 'amount', value: head((t) => t.amount) },
    { key: 'currency', header: 'currency', value: head((t) => t.currency) },
    { key: 'channel', header: 'channel', value: head((t) => w('salesChannels', t.channel)) },
    {
      key: 'productName',
      header: 'productName',
      value: (r) => (r.line ? (r.line.productName ?? r.line.productId) : null),
    },
    { key: 'quantity', header: 'quantity', value: (r) => (r.line ? Number(r.line.quantity) : null) },
    { key: 'unitPrice', header: 'unitPrice', value: (r) => r.line?.unitPrice ?? null },
    { key: 'lineAmount', header: 'lineAmount', value: (r) => r.line?.amount ?? null },
    { key: 'note', header: 'note', value: head((t) => t.note) },
    { key: 'id', header: 'id', value: head((t) => t.id) },
  ];
  return withHeaders(columns, lang, 'transactionHeaders');
}
