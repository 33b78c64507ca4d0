import type { Db } from '../../platform/db/database.ts';
import {
  bulkUpsertTransactions,
  createTransactionSchema,
  productRefKey,
  resolveProductRefs,
  type BulkTransactionInput,
} from '../commerce/index.ts';
import { partyRefKey, resolvePartyRefs } from '../parties/index.ts';
import { item, onePartyOf, upsertKeyOf, type BatchSink, type Writer } from './batch-sink.ts';
import { DEFAULT_CURRENCY, sameTransaction, type TransactionRowValue } from './commerce-rows.ts';
import type { Pending } from './imports.job.ts';
import type { RowIssue } from './rows.ts';

/** Consecutive rows with the same transaction external id, and further lines; any other row stands alone. */
export function groupsOf(batch: Pending[]): Pending[][] {
  const out: Pending[][] = [];
  for (const p of batch) {
    const current = out.at(-1);
    if (current && sameTransaction(current.at(-1)?.tx, p.tx)) {
      current.push(p);
    } else {
      out.push([p]);
    }
  }
  return out;
}

const same = (a: string | undefined, b: string | undefined) => a === undefined || b === undefined || a === b;

/** The column a schema or bulk path of a transaction is about, and the group row it belongs to. */
function placeOf(group: Pending[], path: PropertyKey[]): { row: Pending; column: string | null } {
  const head = group[0] as Pending;
  const cols = (p: Pending) => (p.tx as TransactionRowValue).columnOf;
  if (path[0] === 'lines' && typeof path[1] === 'number') {
    const withLines = group.filter((p) => p.tx?.line);
    const row = withLines[path[1]] ?? head;
    const field = String(path[2] ?? '');
    const target = field === 'productId' ? null : field === 'amount' ? 'lineAmount' : field;
    return { row, column: target ? (cols(row).get(target) ?? null) : (row.tx?.line?.refColumn ?? null) };
  }
  const field = String(path[0] ?? '');
  return { row: head, column: field === 'partyId' ? (head.tx?.partyColumn ?? null) : (cols(head).get(field) ?? null) };
}

const sameTransactionFailed = (at: Pending): RowIssue => ({
  column: null,
  code: 'transaction_failed',
  message: `Not imported: row ${at.row} of the same transaction has an error`,
});

/** A group fails as a whole: the issue on the row it is about, "same transaction" on the others. */
function failGroup(s: BatchSink, g: Pending[], at: Pending, issue: RowIssue) {
  s.report(at.row, [issue]);
  s.progress.skipped += g.length;
  for (const p of g.filter((x) => x !== at)) {
    s.report(p.row, [sameTransactionFailed(at)]);
  }
}

/** Groups whose rows all passed their checks; the good rows of the others are skipped (the bad ones were reported). */
function withoutBrokenGroups(s: BatchSink, groups: Pending[][]): Pending[][] {
  const ok = groups.filter((g) => g.every((p) => !p.issues.length));
  for (const g of groups.filter((x) => !ok.includes(x))) {
    const bad = g.find((p) => p.issues.length) as Pending;
    for (const p of g.filter((x) => !x.issues.length)) {
      s.progress.skipped++;
      s.report(p.row, [sameTransactionFailed(bad)]);
    }
  }
  return ok;
}

type Failure = { at: Pending; issue: RowIssue };
type Lines = NonNullable<BulkTransactionInput['lines']>;

/** The group's lines with their products resolved, or the first row naming no (or several) products. */
function linesOf(g: Pending[], rows: TransactionRowValue[], products: Map<string, string[]>): Lines | Failure {
  const lines: Lines = [];
  for (const [i, r] of rows.entries()) {
    if (!r.line) {
      continue;
    }
    const ids = products.get(productRefKey(r.line.ref)) ?? [];
    if (ids.length !== 1) {
      return {
        at: g[i] as Pending,
        issue: {
          column: r.line.refColumn,
          code: ids.length ? 'ambiguous_match' : 'unknown_reference',
          message: ids.length ? `${ids.length} products match; use the SKU or external id` : 'No product matches',
          value: r.line.ref.value,
        },
      };
    }
    const { quantity, unitPrice, amount } = r.line;
    // As numbers, so the schema's messages say what is wrong (positive, at most 2 decimals) rather than "no format matched".
    lines.push({
      productId: ids[0] as string,
      quantity: Number(quantity ?? 1),
      ...(unitPrice === undefined ? {} : { unitPrice: Number(unitPrice) }),
      ...(amount === undefined ? {} : { amount: Number(amount) }),
    });
  }
  return lines;
}

/** The transaction a group of rows describes (party and products resolved, schema-checked), or its first problem. */
function transactionOf(
  g: Pending[],
  parties: Map<string, string[]>,
  products: Map<string, string[]>,
): { input: BulkTransactionInput } | Failure {
  const rows = g.map((p) => p.tx as TransactionRowValue);
  const head = rows[0] as TransactionRowValue;
  const other = g.find(
    (p, i) =>
      i > 0 &&
      (!same(p.tx?.amount, head.amount) ||
        !same(p.tx?.currency, head.currency) ||
        (p.tx?.party && head.party && partyRefKey(p.tx.party) !== partyRefKey(head.party))),
  );
  if (other) {
    return {
      at: other,
      issue: {
        column: null,
        code: 'inconsistent_transaction',
        message: `Rows of transaction ${head.key ?? ''} name different parties, amounts or currencies`,
      },
    };
  }
  if (!head.party) {
    return {
      at: g[0] as Pending,
      issue: {
        column: null,
        code: 'required',
        message:
          'Name the customer: map a column to partyExternalId (客户编号), partyEmail, partyPhone, partyName or partyId',
      },
    };
  }
  const party = onePartyOf(parties, head.party, head.partyColumn);
  if (typeof party !== 'string') {
    return { at: g[0] as Pending, issue: party };
  }
  const lines = linesOf(g, rows, products);
  if ('issue' in lines) {
    return lines;
  }
  const raw = {
    partyId: party,
    occurredAt: head.occurredAt,
    amount: head.amount === undefined ? undefined : Number(head.amount),
    currency: head.currency ?? DEFAULT_CURRENCY,
    channel: head.channel,
    externalId: head.key ?? undefined,
    note: head.note,
    lines: lines.length ? lines : undefined,
  };
  const parsed = createTransactionSchema.safeParse(
    Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)),
  );
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const place = placeOf(g, first?.path ?? []);
    return {
      at: place.row,
      issue: {
        column: place.column,
        code: first?.code === 'custom' ? 'invalid' : (first?.code ?? 'invalid'),
        message: first?.message ?? 'Invalid transaction',
      },
    };
  }
  return { input: parsed.data };
}

/** Transactions: one per group of rows, written through commerce's bulk path; a group fails or lands as a whole. */
export const writeTransactions: Writer = async (trx: Db, s: BatchSink, batch: Pending[]) => {
  const ok = withoutBrokenGroups(s, groupsOf(batch));
  const txs = ok.map((g) => g.map((p) => p.tx as TransactionRowValue));
  const parties = await resolvePartyRefs(
    trx,
    s.job.org_id,
    txs.flatMap((t) => (t[0]?.party ? [t[0].party] : [])),
  );
  const products = await resolveProductRefs(
    trx,
    s.job.org_id,
    txs.flatMap((t) => t.flatMap((r) => (r.line ? [r.line.ref] : []))),
  );
  const inputs: BulkTransactionInput[] = [];
  const groupOf: Pending[][] = [];
  for (const g of ok) {
    const t = transactionOf(g, parties, products);
    if ('issue' in t) {
      failGroup(s, g, t.at, t.issue);
      continue;
    }
    inputs.push(t.input);
    groupOf.push(g);
  }
  const out = await bulkUpsertTransactions(trx, s.ctx, inputs, { upsertKey: upsertKeyOf(s.job) });
  out.results.forEach((r, i) => {
    const g = groupOf[i] as Pending[];
    if (r.action === 'failed') {
      const place = placeOf(g, r.path);
      failGroup(s, g, place.row, { column: place.column, code: r.code, message: r.message });
      return;
    }
    s.progress[r.action]++;
    s.items.push(
      item(s, (g[0] as Pending).row, 'transaction', r.id, r.action, r.action === 'updated' ? r.before : null),
    );
  });
};
