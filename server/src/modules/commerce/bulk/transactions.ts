import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { WriteScope } from '../commerce.access.ts';
import { priceTransaction, type PricedLine } from '../money.ts';
import {
  auditWho,
  fail,
  rounds,
  upsertAudit,
  writeScope,
  type BulkOutcome,
  type BulkResult,
  type BulkTransactionInput,
  type CommerceUpsertKey,
  type TransactionSnapshot,
  type Who,
} from './bulk-types.ts';
import { bulkProductsRepository } from './products.repository.ts';
import { bulkTransactionsRepository, type LineValues, type TxValues } from './transactions.repository.ts';
import { timeOrderedId } from '../../../platform/db/ids.ts';

interface PreparedTransaction {
  index: number;
  key: string | null;
  input: BulkTransactionInput;
  amount: string;
  lines: PricedLine[];
}

interface RoundContext {
  orgId: string;
  actorId: string | null;
  now: Date;
  scope: WriteScope;
  upsertKey: CommerceUpsertKey | undefined;
}

/** Checks each row's party (live, and one the scope may change), key and lines; prices the good ones. */
async function prepare(
  trx: Db,
  { orgId, scope, upsertKey }: RoundContext,
  rows: BulkTransactionInput[],
  out: BulkOutcome<TransactionSnapshot>,
): Promise<PreparedTransaction[]> {
  const parties = await bulkTransactionsRepository.parties(
    trx,
    orgId,
    rows.map((r) => r.partyId),
    scope,
  );
  const productIds = [...new Set(rows.flatMap((r) => (r.lines ?? []).map((l) => l.productId)))];
  const products = await bulkProductsRepository.prices(trx, orgId, productIds);
  const prepared: PreparedTransaction[] = [];
  rows.forEach((input, index) => {
    const party = parties.get(input.partyId);
    if (party === undefined) {
      out.results[index] = fail('unknown_reference', 'No such party', ['partyId']);
      return;
    }
    if (!party) {
      out.results[index] = fail('forbidden', 'You may not record transactions for this party', ['partyId']);
      return;
    }
    if (upsertKey && !input.externalId) {
      out.results[index] = fail('missing_key', 'The upsert key (externalId) is empty', ['externalId']);
      return;
    }
    const priced = priceTransaction(input, products);
    if ('code' in priced) {
      out.results[index] = fail(priced.code, priced.message, priced.path);
      return;
    }
    prepared.push({ index, key: input.externalId ?? null, input, amount: priced.amount, lines: priced.lines });
  });
  return prepared;
}

const txValues = (p: PreparedTransaction, id: string, now: Date): TxValues => ({
  id,
  party_id: p.input.partyId,
  occurred_at: (p.input.occurredAt ? new Date(p.input.occurredAt) : now).toISOString(),
  amount: p.amount,
  currency: p.input.currency,
  channel: p.input.channel ?? null,
  external_id: p.input.externalId ?? null,
  note: p.input.note ?? null,
});

const lineValues = (transactionId: string, l: PricedLine): LineValues => ({
  transaction_id: transactionId,
  line_no: l.lineNo,
  product_id: l.productId,
  quantity: l.quantity,
  unit_price: l.unitPrice,
  amount: l.amount,
});

/** One round (each key at most once): matches keys, checks the scope may change what it replaces, then writes. */
async function writeRound(
  trx: Db,
  ctx: RoundContext,
  round: PreparedTransaction[],
  out: BulkOutcome<TransactionSnapshot>,
): Promise<void> {
  const { orgId, now, upsertKey, scope } = ctx;
  const keys = round.map((p) => p.key).filter((k): k is string => k !== null);
  const existing = await bulkTransactionsRepository.byExternalIds(trx, orgId, keys);
  const byKey = new Map(existing.map((t) => [t.external_id ?? '', t]));
  const existingParties =
    scope !== 'system' && upsertKey
      ? await bulkTransactionsRepository.parties(
          trx,
          orgId,
          existing.map((t) => t.party_id),
          scope,
        )
      : null;
  const oldLines = upsertKey
    ? await bulkTransactionsRepository.linesOf(
        trx,
        orgId,
        existing.map((t) => t.id),
      )
    : [];
  const inserts: TxValues[] = [];
  const updates: TxValues[] = [];
  const lines: LineValues[] = [];
  for (const p of round) {
    const target = p.key !== null ? byKey.get(p.key) : undefined;
    if (target && !upsertKey) {
      out.results[p.index] = fail('duplicate_key', 'A transaction with this external id exists', ['externalId']);
      continue;
    }
    if (target && existingParties && !existingParties.get(target.party_id)) {
      out.results[p.index] = fail('forbidden', 'You may not change this transaction', ['externalId']);
      continue;
    }
    const id = target?.id ?? timeOrderedId();
    lines.push(...p.lines.map((l) => lineValues(id, l)));
    if (target) {
      const before = { transaction: target, lines: oldLines.filter((l) => l.transaction_id === target.id) };
      updates.push(txValues(p, id, now));
      out.results[p.index] = { action: 'updated', id, before };
      out.updated.push({ id, before });
    } else {
      inserts.push(txValues(p, id, now));
      out.results[p.index] = { action: 'created', id };
      out.created.push(id);
    }
  }
  await bulkTransactionsRepository.insertMany(trx, orgId, ctx.actorId, now, inserts);
  await bulkTransactionsRepository.updateMany(trx, orgId, now, updates);
  await bulkTransactionsRepository.insertLines(trx, orgId, lines);
}

/** Creates or replaces many transactions with their lines in the caller's transaction (the contract: bulk-types.ts). */
export async function bulkUpsertTransactions(
  trx: Db,
  who: Who,
  rows: BulkTransactionInput[],
  opts: { upsertKey?: CommerceUpsertKey | undefined } = {},
): Promise<BulkOutcome<TransactionSnapshot>> {
  const w = auditWho(who);
  const out: BulkOutcome<TransactionSnapshot> = {
    created: [],
    updated: [],
    results: new Array<BulkResult<TransactionSnapshot>>(rows.length),
  };
  if (!rows.length) {
    return out;
  }
  const ctx: RoundContext = {
    orgId: w.orgId,
    actorId: w.actorId,
    now: new Date(),
    scope: await writeScope(trx, who),
    upsertKey: opts.upsertKey,
  };
  const prepared = await prepare(trx, ctx, rows, out);
  for (const round of rounds(prepared)) {
    await writeRound(trx, ctx, round, out);
  }
  await recordAudit(trx, w, upsertAudit('transaction', rows.length, out));
  return out;
}
