import { sql, type Insertable } from 'kysely';
import type { RequestContext } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import {
  bulkUpsertProducts,
  bulkUpsertTransactions,
  createTransactionSchema,
  type BulkTransactionInput,
} from '../commerce/index.ts';
import {
  bulkInsertInteractions,
  bulkUpsertParties,
  normalizePhone,
  partiesSharingContacts,
  type CreateInteraction,
  type CreateParty,
} from '../parties/index.ts';
import { DEFAULT_CURRENCY, type TransactionRowValue } from './commerce-rows.ts';
import type { Pending } from './imports.job.ts';
import type { Progress } from './imports.repository.ts';
import type { ImportItemTable, ImportJobRow } from './imports.tables.ts';
import { refKey, resolveParties, resolveProducts } from './refs.ts';
import { failureIssue, type PartyRef, type RowIssue } from './rows.ts';

/**
 * The writing half of a batch, per entity: the rows that passed their checks go to the owning
 * module's bulk function (in the batch's transaction); what each row became is recorded as an
 * import item (for the revert) and what failed as a row issue. References (parties, products,
 * users) are resolved once per batch, never row by row.
 */
export interface BatchSink {
  job: ImportJobRow;
  ctx: RequestContext;
  progress: Progress;
  items: Insertable<ImportItemTable>[];
  report(row: number, issues: RowIssue[]): void;
}

type Writer = (trx: Db, sink: BatchSink, batch: Pending[]) => Promise<void>;
const good = (batch: Pending[]) => batch.filter((p) => !p.issues.length);
const item = (
  s: BatchSink,
  row: number,
  entity: string,
  id: string,
  action: 'created' | 'updated',
  before: unknown = null,
): Insertable<ImportItemTable> => ({
  org_id: s.job.org_id,
  job_id: s.job.id,
  row_no: row,
  entity,
  record_id: id,
  action,
  before: before === null ? null : JSON.stringify(before),
});

const writeParties: Writer = async (trx, s, batch) => {
  const ok = good(batch);
  const rows = ok.map((p) => p.party as CreateParty);
  const emails = [...new Set(rows.flatMap((r) => r.emails ?? []))];
  const phones = [...new Set(rows.flatMap((r) => (r.phones ?? []).map((ph) => normalizePhone(ph) ?? ph)))];
  // Live parties sharing an email or phone, before this batch writes: a created row that matches one is a duplicate (reported, not merged).
  const existing = await partiesSharingContacts(trx, s.job.org_id, emails, phones);
  const out = await bulkUpsertParties(trx, s.ctx, rows, { upsertKey: s.job.options.upsertKey });
  const seen = new Map<string, { id: string; name: string }>();
  for (const e of existing) {
    for (const k of [...e.emails, ...e.phones]) {
      seen.set(k, { id: e.id, name: e.display_name });
    }
  }
  out.results.forEach((r, i) => {
    const p = ok[i] as Pending;
    if (r.action === 'failed') {
      s.progress.skipped++;
      s.report(p.row, [failureIssue(p.columns, r)]);
      return;
    }
    s.items.push(item(s, p.row, 'party', r.id, r.action, r.action === 'updated' ? r.before : null));
    if (r.action === 'updated') {
      s.progress.updated++;
      return;
    }
    s.progress.created++;
    const input = rows[i] as CreateParty;
    const keys = [...(input.emails ?? []), ...(input.phones ?? []).map((ph) => normalizePhone(ph) ?? ph)];
    const dup = keys.map((k) => seen.get(k)).find((d) => d && d.id !== r.id);
    if (dup) {
      s.progress.duplicates++;
      s.report(p.row, [
        {
          column: null,
          code: 'duplicate',
          message: `Created, but shares an email or phone with ${dup.name} (${dup.id}): review and merge if it is the same party`,
        },
      ]);
    }
    for (const k of keys) {
      seen.set(k, { id: r.id, name: input.displayName });
    }
  });
};

/** The one party a reference names, or the issue to report. */
function onePartyOf(resolved: Map<string, string[]>, ref: PartyRef, column: string | null): string | RowIssue {
  const ids = resolved.get(refKey(ref)) ?? [];
  if (ids.length === 1) {
    return ids[0] as string;
  }
  return {
    column,
    code: ids.length ? 'ambiguous_match' : 'unknown_reference',
    message: ids.length ? `${ids.length} parties match; use an id, email or external id` : 'No party matches',
    value: ref.value,
  };
}

const writeInteractions: Writer = async (trx, s, batch) => {
  const ok = good(batch);
  const resolved = await resolveParties(
    trx,
    s.job.org_id,
    ok.map((p) => p.ref as PartyRef),
  );
  const rows: CreateInteraction[] = [];
  const rowOf: Pending[] = [];
  for (const p of ok) {
    const party = onePartyOf(resolved, p.ref as PartyRef, p.refColumn ?? null);
    if (typeof party !== 'string') {
      s.progress.skipped++;
      s.report(p.row, [party]);
      continue;
    }
    rows.push({ ...(p.interaction as Omit<CreateInteraction, 'partyId'>), partyId: party });
    rowOf.push(p);
  }
  const out = await bulkInsertInteractions(trx, s.ctx, rows);
  out.results.forEach((r, i) => {
    const p = rowOf[i] as Pending;
    if (r.action === 'failed') {
      s.progress.skipped++;
      s.report(p.row, [failureIssue(p.columns, r)]);
    } else {
      s.progress.created++;
      s.items.push(item(s, p.row, 'interaction', r.id, 'created'));
    }
  });
};

const upsertKeyOf = (job: ImportJobRow) =>
  job.options.upsertKey === 'externalId' ? ('externalId' as const) : undefined;

const writeProducts: Writer = async (trx, s, batch) => {
  const ok = good(batch);
  const out = await bulkUpsertProducts(
    trx,
    s.ctx,
    ok.map((p) => p.product as NonNullable<Pending['product']>),
    { upsertKey: upsertKeyOf(s.job) },
  );
  out.results.forEach((r, i) => {
    const p = ok[i] as Pending;
    if (r.action === 'failed') {
      s.progress.skipped++;
      s.report(p.row, [
        {
          column: p.columns.find((c) => c.target === String(r.path[0] ?? ''))?.header ?? null,
          code: r.code,
          message: r.message,
        },
      ]);
      return;
    }
    s.progress[r.action]++;
    s.items.push(item(s, p.row, 'product', r.id, r.action, r.action === 'updated' ? r.before : null));
  });
};

/** Consecutive rows with the same transaction external id; a row without one stands alone. */
export function groupsOf(batch: Pending[]): Pending[][] {
  const out: Pending[][] = [];
  let last: string | null = null;
  for (const p of batch) {
    const key = p.tx?.key ?? null;
    const current = out.at(-1);
    if (current && key !== null && key === last) {
      current.push(p);
    } else {
      out.push([p]);
    }
    last = key;
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

const writeTransactions: Writer = async (trx, s, batch) => {
  const groups = groupsOf(batch);
  const ok = groups.filter((g) => g.every((p) => !p.issues.length));
  for (const g of groups.filter((x) => !ok.includes(x))) {
    const bad = g.find((p) => p.issues.length) as Pending;
    for (const p of g.filter((x) => !x.issues.length)) {
      s.progress.skipped++;
      s.report(p.row, [
        {
          column: null,
          code: 'transaction_failed',
          message: `Not imported: row ${bad.row} of the same transaction has an error`,
        },
      ]);
    }
  }
  const txs = ok.map((g) => g.map((p) => p.tx as TransactionRowValue));
  const parties = await resolveParties(
    trx,
    s.job.org_id,
    txs.flatMap((t) => (t[0]?.party ? [t[0].party] : [])),
  );
  const products = await resolveProducts(
    trx,
    s.job.org_id,
    txs.flatMap((t) => t.flatMap((r) => (r.line ? [r.line.ref] : []))),
  );
  const inputs: BulkTransactionInput[] = [];
  const groupOf: Pending[][] = [];
  const failGroup = (g: Pending[], at: Pending, issue: RowIssue) => {
    s.report(at.row, [issue]);
    s.progress.skipped += g.length;
    for (const p of g.filter((x) => x !== at)) {
      s.report(p.row, [
        {
          column: null,
          code: 'transaction_failed',
          message: `Not imported: row ${at.row} of the same transaction has an error`,
        },
      ]);
    }
  };
  for (const [gi, g] of ok.entries()) {
    const rows = txs[gi] as TransactionRowValue[];
    const head = rows[0] as TransactionRowValue;
    const other = g.find(
      (p, i) =>
        i > 0 &&
        (!same(p.tx?.amount, head.amount) ||
          !same(p.tx?.currency, head.currency) ||
          (p.tx?.party && head.party && refKey(p.tx.party) !== refKey(head.party))),
    );
    if (other) {
      failGroup(g, other, {
        column: null,
        code: 'inconsistent_transaction',
        message: `Rows of transaction ${head.key ?? ''} name different parties, amounts or currencies`,
      });
      continue;
    }
    if (!head.party) {
      failGroup(g, g[0] as Pending, {
        column: null,
        code: 'required',
        message:
          'Name the customer: map a column to partyExternalId (客户编号), partyEmail, partyPhone, partyName or partyId',
      });
      continue;
    }
    const party = onePartyOf(parties, head.party, head.partyColumn);
    if (typeof party !== 'string') {
      failGroup(g, g[0] as Pending, party);
      continue;
    }
    const lines: NonNullable<BulkTransactionInput['lines']> = [];
    let missing: { at: Pending; issue: RowIssue } | null = null;
    for (const [i, r] of rows.entries()) {
      if (!r.line) {
        continue;
      }
      const ids = products.get(refKey(r.line.ref)) ?? [];
      if (ids.length !== 1) {
        missing ??= {
          at: g[i] as Pending,
          issue: {
            column: r.line.refColumn,
            code: ids.length ? 'ambiguous_match' : 'unknown_reference',
            message: ids.length ? `${ids.length} products match; use the SKU or external id` : 'No product matches',
            value: r.line.ref.value,
          },
        };
        continue;
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
    if (missing) {
      failGroup(g, missing.at, missing.issue);
      continue;
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
      failGroup(g, place.row, {
        column: place.column,
        code: first?.code === 'custom' ? 'invalid' : (first?.code ?? 'invalid'),
        message: first?.message ?? 'Invalid transaction',
      });
      continue;
    }
    inputs.push(parsed.data);
    groupOf.push(g);
  }
  const out = await bulkUpsertTransactions(trx, s.ctx, inputs, { upsertKey: upsertKeyOf(s.job) });
  out.results.forEach((r, i) => {
    const g = groupOf[i] as Pending[];
    if (r.action === 'failed') {
      const place = placeOf(g, r.path);
      failGroup(g, place.row, { column: place.column, code: r.code, message: r.message });
      return;
    }
    s.progress[r.action]++;
    s.items.push(
      item(s, (g[0] as Pending).row, 'transaction', r.id, r.action, r.action === 'updated' ? r.before : null),
    );
  });
};

export const writers: Record<ImportJobRow['entity'], Writer> = {
  parties: writeParties,
  employees: writeParties,
  interactions: writeInteractions,
  products: writeProducts,
  transactions: writeTransactions,
};
