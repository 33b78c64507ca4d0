import type { z } from 'zod';
import { createProductSchema, type BulkProductInput, type ProductRef } from '../commerce/index.ts';
import { parseBoolean, parseChannel, parseCurrency, parseDecimal, parseMoment } from './values.ts';
import type { PartyRef, RowIssue } from './rows.ts';
import { RowValues, type Column } from './rows.ts';
import { cellText, type Cell } from './reader.ts';

/**
 * Products and transactions rows. Transactions come one row per line: consecutive rows with the
 * same transaction external id (订单号) are one transaction, its lines in row order; a row without
 * one is a transaction of its own (with one line, or none when no product column is filled: a
 * transaction known by its amount only). The transaction's columns (party, date, amount, currency,
 * channel, note) are read from the group's first row; later rows may repeat them, but a different
 * party, amount or currency is an error. A row that fills only a line's columns (no external id, party, date,
 * amount, currency, channel or note) is a further line of the transaction above: the readable export writes a
 * transaction's columns on its first line only (docs/domain.md "Exports").
 */

const uuidRe = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Currency of rows without a currency column. */
export const DEFAULT_CURRENCY = 'CNY';

/** Which column a schema path of a product is about. */
function productColumn(rv: RowValues, path: PropertyKey[]): string | null {
  return rv.columnOf.get(String(path[0] ?? '')) ?? null;
}

const issuesOf = (error: z.ZodError, column: (path: PropertyKey[]) => string | null): RowIssue[] =>
  error.issues.map((i) => ({
    column: column(i.path),
    code: i.code === 'custom' ? 'invalid' : i.code,
    message: i.message,
  }));

/** A spreadsheet row → a createProductSchema value, or its issues. */
export function productRow(cells: Cell[], columns: Column[]): { input?: BulkProductInput; issues: RowIssue[] } {
  const rv = new RowValues(cells, columns);
  const raw = {
    name: rv.one('name'),
    externalId: rv.one('externalId'),
    sku: rv.one('sku'),
    category: rv.one('category'),
    price: rv.one('price', (c) => Number(parseDecimal(c))),
    currency: rv.one('currency', parseCurrency) ?? DEFAULT_CURRENCY,
    active: rv.one('active', parseBoolean),
  };
  if (!raw.name && !rv.issues.length) {
    rv.issues.push({
      column: rv.columnOf.get('name') ?? null,
      code: 'required',
      message: 'A product name is required (产品名称 / 商品名称 / name)',
    });
  }
  if (rv.issues.length) {
    return { issues: rv.issues };
  }
  const parsed = createProductSchema.safeParse(
    Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)),
  );
  if (!parsed.success) {
    return { issues: issuesOf(parsed.error, (p) => productColumn(rv, p)) };
  }
  return { input: parsed.data, issues: [] };
}

/** One transaction row: the transaction's columns as given on it, and its line (if it names a product). */
export interface TransactionRowValue {
  /** The transaction's external id: consecutive rows sharing it are one transaction. */
  key: string | null;
  party?: PartyRef;
  partyColumn: string | null;
  occurredAt?: string;
  amount?: string;
  currency?: string;
  channel?: string;
  note?: string;
  line?: { ref: ProductRef; refColumn: string | null; quantity?: string; unitPrice?: string; amount?: string };
  /** Column of each field, for the report. */
  columnOf: Map<string, string>;
  /** Only a line's columns are filled: a further line of the transaction on the row above. */
  continued?: boolean;
}

const transactionTargets = [
  'externalId',
  'partyId',
  'partyExternalId',
  'partyEmail',
  'partyPhone',
  'partyName',
  'occurredAt',
  'amount',
  'currency',
  'channel',
  'note',
];
const lineTargets = [
  'productId',
  'productSku',
  'productExternalId',
  'productName',
  'quantity',
  'unitPrice',
  'lineAmount',
];

/** Does `next` belong to the same transaction as the row before it (the same external id, or a further line)? */
export const sameTransaction = (prev: TransactionRowValue | undefined, next: TransactionRowValue | undefined) =>
  Boolean(prev && next && (next.continued || (next.key !== null && next.key === prev.key)));

/** A spreadsheet row of a transactions file, or its issues (the schema checks the whole transaction later). */
export function transactionRow(
  cells: Cell[],
  columns: Column[],
): { value?: TransactionRowValue; key: string | null; continued: boolean; issues: RowIssue[] } {
  const rv = new RowValues(cells, columns);
  const continued = !transactionTargets.some((t) => rv.has(t)) && lineTargets.some((t) => rv.has(t));
  let party: PartyRef | undefined;
  let partyColumn: string | null = null;
  for (const [target, by] of [
    ['partyId', 'id'],
    ['partyExternalId', 'externalId'],
    ['partyEmail', 'email'],
    ['partyPhone', 'phone'],
    ['partyName', 'name'],
  ] as const) {
    const v = rv.one(target);
    if (v) {
      if (by === 'id' && !uuidRe.test(v)) {
        rv.issue(target, 'invalid_uuid', 'Not a party id');
      }
      party = { by, value: by === 'email' ? v.toLowerCase() : v };
      partyColumn = rv.columnOf.get(target) ?? null;
      break;
    }
  }
  let line: TransactionRowValue['line'];
  for (const [target, by] of [
    ['productId', 'id'],
    ['productSku', 'sku'],
    ['productExternalId', 'externalId'],
    ['productName', 'name'],
  ] as const) {
    const v = rv.one(target);
    if (v) {
      if (by === 'id' && !uuidRe.test(v)) {
        rv.issue(target, 'invalid_uuid', 'Not a product id');
      }
      line = { ref: { by, value: v }, refColumn: rv.columnOf.get(target) ?? null };
      break;
    }
  }
  const quantity = rv.one('quantity', parseDecimal);
  const unitPrice = rv.one('unitPrice', parseDecimal);
  const lineAmount = rv.one('lineAmount', parseDecimal);
  if (line) {
    Object.assign(
      line,
      quantity === undefined ? {} : { quantity },
      unitPrice === undefined ? {} : { unitPrice },
      lineAmount === undefined ? {} : { amount: lineAmount },
    );
  } else if (quantity !== undefined || unitPrice !== undefined || lineAmount !== undefined) {
    rv.issues.push({
      column: null,
      code: 'required',
      message: 'A line needs its product: map a column to productSku, productExternalId, productName or productId',
    });
  }
  const key = rv.one('externalId') ?? null;
  const value: TransactionRowValue = {
    key,
    continued,
    partyColumn,
    columnOf: rv.columnOf,
    ...(line ? { line } : {}),
    ...(party ? { party } : {}),
  };
  const occurredAt = rv.one('occurredAt', parseMoment);
  const amount = rv.one('amount', parseDecimal);
  const currency = rv.one('currency', parseCurrency);
  const channel = rv.one('channel', parseChannel);
  const note = rv.one('note', (c) => cellText(c));
  Object.assign(
    value,
    occurredAt === undefined ? {} : { occurredAt },
    amount === undefined ? {} : { amount },
    currency === undefined ? {} : { currency },
    channel === undefined ? {} : { channel },
    note === undefined ? {} : { note },
  );
  return rv.issues.length ? { key, continued, issues: rv.issues } : { value, key, continued, issues: [] };
}
