import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { bulkUpsertTransactions, type BulkTransactionInput } from '../server/src/modules/commerce/index.ts';
import { systemWho } from '../server/src/platform/audit/audit.ts';
import type { DatabaseHandle, Db } from '../server/src/platform/db/database.ts';

export type CopyFrom = (table: string, columns: string[], csv: string) => Promise<void>;

interface SourceRow {
  party_id: string;
  occurred_at: Date;
  amount: string;
  currency: string;
  channel: string | null;
  lines: { product_id: string; quantity: string; unit_price: string; amount: string }[];
}

const csvField = (v: string | null) => (v === null ? '' : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The first `rows` generated transactions with their lines: what both sides load. */
async function sourceRows(db: Db, orgId: string, rows: number): Promise<SourceRow[]> {
  const source = await sql<SourceRow>`
    select t.party_id, t.occurred_at, t.amount, t.currency, t.channel,
      coalesce((select json_agg(json_build_object('product_id', l.product_id, 'quantity', l.quantity, 'unit_price', l.unit_price, 'amount', l.amount) order by l.line_no)
                from transaction_line l where l.org_id = t.org_id and l.transaction_id = t.id), '[]') as lines
    from "transaction" t where t.org_id = ${orgId} order by t.occurred_at, t.id limit ${rows}`.execute(db);
  return source.rows;
}

/** COPY of the rows (CSV) into scratch tables `like` the real ones `including all`, plus their foreign keys; ms. */
async function copyBaseline(db: Db, orgId: string, rows: SourceRow[], copyFrom: CopyFrom): Promise<number> {
  await sql`drop table if exists bench_copy_line`.execute(db);
  await sql`drop table if exists bench_copy_tx`.execute(db);
  await sql`create table bench_copy_tx (like "transaction" including all)`.execute(db);
  await sql`create table bench_copy_line (like transaction_line including all)`.execute(db);
  // The same foreign keys as the real tables (LIKE does not copy them), so both sides check the same references.
  await sql`alter table bench_copy_tx add foreign key (org_id) references organization (org_id), add foreign key (org_id, party_id) references party (org_id, id),
    add foreign key (org_id, created_by) references app_user (org_id, id)`.execute(db);
  await sql`alter table bench_copy_line add foreign key (org_id) references organization (org_id), add foreign key (org_id, transaction_id) references bench_copy_tx (org_id, id) on delete cascade,
    add foreign key (org_id, product_id) references product (org_id, id)`.execute(db);
  const now = new Date().toISOString();
  const txCols = [
    'org_id',
    'id',
    'party_id',
    'occurred_at',
    'amount',
    'currency',
    'channel',
    'external_id',
    'note',
    'created_by',
    'created_at',
    'updated_at',
    'version',
  ];
  const lineCols = ['org_id', 'transaction_id', 'line_no', 'product_id', 'quantity', 'unit_price', 'amount'];
  const txCsv: string[] = [];
  const lineCsv: string[] = [];
  for (const r of rows) {
    const id = randomUUID();
    txCsv.push(
      [
        orgId,
        id,
        r.party_id,
        r.occurred_at.toISOString(),
        r.amount,
        r.currency,
        csvField(r.channel),
        '',
        '',
        '',
        now,
        now,
        '1',
      ].join(','),
    );
    r.lines.forEach((l, i) =>
      lineCsv.push([orgId, id, String(i + 1), l.product_id, l.quantity, l.unit_price, l.amount].join(',')),
    );
  }
  const txText = txCsv.join('\n') + '\n';
  const lineText = lineCsv.join('\n') + '\n';
  const c0 = performance.now();
  await copyFrom('bench_copy_tx', txCols, txText);
  await copyFrom('bench_copy_line', lineCols, lineText);
  const copyMs = performance.now() - c0;
  await sql`drop table bench_copy_line`.execute(db);
  await sql`drop table bench_copy_tx`.execute(db);
  return copyMs;
}

/** The rows through `bulkUpsertTransactions` in 5,000-row transactions; ms. */
async function bulkPath(db: Db, orgId: string, input: BulkTransactionInput[]): Promise<number> {
  const who = systemWho(orgId);
  const b0 = performance.now();
  for (let i = 0; i < input.length; i += 5000) {
    await db.transaction().execute(async (trx) => {
      const res = await bulkUpsertTransactions(trx, who, input.slice(i, i + 5000));
      const failed = res.results.find((x) => x.action === 'failed');
      if (failed) {
        throw new Error(`import row failed: ${JSON.stringify(failed)}`);
      }
    });
  }
  return performance.now() - b0;
}

/**
 * Import rows/s: `rows` transactions (with their lines, copied from the generated ones) through
 * `bulkUpsertTransactions` in 5,000-row transactions, vs a raw COPY of the same rows (CSV) into
 * scratch tables created `like` the real ones `including all` (same columns, defaults, checks and
 * indexes) plus the same foreign keys. Each side is timed from rows in memory to committed.
 */
export async function importBench(handle: DatabaseHandle, orgId: string, rows: number, copyFrom: CopyFrom) {
  const db = handle.db;
  const source = await sourceRows(db, orgId, rows);
  const input: BulkTransactionInput[] = source.map((r) => ({
    partyId: r.party_id,
    occurredAt: r.occurred_at.toISOString(),
    currency: r.currency,
    channel: r.channel,
    lines: r.lines.map((l) => ({
      productId: l.product_id,
      quantity: l.quantity,
      unitPrice: l.unit_price,
      amount: l.amount,
    })),
  }));
  const lineCount = input.reduce((s, r) => s + (r.lines?.length ?? 0), 0);
  // Baseline first (the bulk path then runs on the same, slightly larger table).
  const copyMs = await copyBaseline(db, orgId, source, copyFrom);
  const bulkMs = await bulkPath(db, orgId, input);
  const copyRps = input.length / (copyMs / 1000);
  const bulkRps = input.length / (bulkMs / 1000);
  return {
    rows: input.length,
    lines: lineCount,
    bulkMs: Math.round(bulkMs),
    copyMs: Math.round(copyMs),
    bulkRowsPerSecond: Math.round(bulkRps),
    copyRowsPerSecond: Math.round(copyRps),
    ratio: +(bulkRps / copyRps).toFixed(3),
  };
}
