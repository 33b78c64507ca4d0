import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { mayChangeParty, type WriteScope } from '../commerce.access.ts';
import type { TransactionLineRow, TransactionRow } from '../commerce.tables.ts';
import type { TransactionSnapshot } from './bulk-types.ts';

// Set-based SQL of the transactions bulk path: column arrays through unnest (the cheapest set-based
// insert after COPY: one parameter per column) and one-statement updates from a JSON array.

/** A transaction row of a bulk upsert, as written. */
export interface TxValues {
  id: string;
  party_id: string;
  occurred_at: string;
  amount: string;
  currency: string;
  channel: string | null;
  external_id: string | null;
  note: string | null;
}

/** A line of a bulk upsert, as written. */
export interface LineValues {
  transaction_id: string;
  line_no: number;
  product_id: string;
  quantity: string;
  unit_price: string;
  amount: string;
}

const json = (rows: unknown[]) => sql`${JSON.stringify(rows)}::jsonb`;
const column = <T, K extends keyof T>(rows: T[], k: K) => sql.val(rows.map((r) => r[k]));

export const bulkTransactionsRepository = {
  /** Live parties among these ids → whether the scope may change them (absent: no such live party). */
  async parties(trx: Db, orgId: string, ids: string[], scope: WriteScope): Promise<Map<string, boolean>> {
    if (!ids.length) {
      return new Map();
    }
    const rows = await trx
      .selectFrom('party as p')
      .select(['p.id', sql<boolean>`${mayChangeParty(scope)}`.as('writable')])
      .where('p.org_id', '=', orgId)
      .where(sql<boolean>`p.id = any(${sql.val([...new Set(ids)])}::uuid[])`)
      .where('p.deleted_at', 'is', null)
      .where('p.merged_into_id', 'is', null)
      .execute();
    return new Map(rows.map((p) => [p.id, p.writable]));
  },

  byExternalIds(trx: Db, orgId: string, keys: string[]): Promise<TransactionRow[]> {
    return keys.length
      ? trx
          .selectFrom('transaction')
          .selectAll()
          .where('org_id', '=', orgId)
          .where(sql<boolean>`external_id = any(${sql.val(keys)}::text[])`)
          .execute()
      : Promise.resolve([]);
  },

  linesOf(trx: Db, orgId: string, transactionIds: string[]): Promise<TransactionLineRow[]> {
    return transactionIds.length
      ? trx
          .selectFrom('transaction_line')
          .selectAll()
          .where('org_id', '=', orgId)
          .where(sql<boolean>`transaction_id = any(${sql.val(transactionIds)}::uuid[])`)
          .execute()
      : Promise.resolve([]);
  },

  async insertMany(trx: Db, orgId: string, actorId: string | null, now: Date, rows: TxValues[]): Promise<void> {
    if (!rows.length) {
      return;
    }
    const col = <K extends keyof TxValues>(k: K) => column(rows, k);
    await sql`
      insert into "transaction" (org_id, id, party_id, occurred_at, amount, currency, channel, external_id, note, created_by, created_at, updated_at)
      select ${orgId}, x.id, x.party_id, x.occurred_at, x.amount, x.currency, x.channel, x.external_id, x.note, ${actorId}::uuid, ${now}, ${now}
      from unnest(${col('id')}::uuid[], ${col('party_id')}::uuid[], ${col('occurred_at')}::timestamptz[], ${col('amount')}::numeric[], ${col('currency')}::text[],
                  ${col('channel')}::text[], ${col('external_id')}::text[], ${col('note')}::text[])
        as x(id, party_id, occurred_at, amount, currency, channel, external_id, note)`.execute(trx);
  },

  /** Replaces every column of these transactions and drops their lines (the new lines follow). */
  async updateMany(trx: Db, orgId: string, now: Date, rows: TxValues[]): Promise<void> {
    if (!rows.length) {
      return;
    }
    await sql`
      update "transaction" t set party_id = x.party_id, occurred_at = x.occurred_at, amount = x.amount, currency = x.currency,
        channel = x.channel, note = x.note, updated_at = ${now}, version = t.version + 1
      from jsonb_to_recordset(${json(rows)}) as x(id uuid, party_id uuid, occurred_at timestamptz, amount numeric, currency text, channel text, external_id text, note text)
      where t.org_id = ${orgId} and t.id = x.id`.execute(trx);
    await sql`delete from transaction_line where org_id = ${orgId} and transaction_id = any(${sql.val(rows.map((u) => u.id))}::uuid[])`.execute(
      trx,
    );
  },

  async insertLines(trx: Db, orgId: string, lines: LineValues[]): Promise<void> {
    if (!lines.length) {
      return;
    }
    const col = <K extends keyof LineValues>(k: K) => column(lines, k);
    await sql`
      insert into transaction_line (org_id, transaction_id, line_no, product_id, quantity, unit_price, amount)
      select ${orgId}, x.* from unnest(${col('transaction_id')}::uuid[], ${col('line_no')}::int[], ${col('product_id')}::uuid[], ${col('quantity')}::numeric[],
                                       ${col('unit_price')}::numeric[], ${col('amount')}::numeric[])
        as x(transaction_id, line_no, product_id, quantity, unit_price, amount)`.execute(trx);
  },

  /** Puts a transaction and its lines back as the snapshot says; false when it is gone. */
  async restore(trx: Db, orgId: string, { transaction: t, lines }: TransactionSnapshot): Promise<boolean> {
    const res = await trx
      .updateTable('transaction')
      .set((eb) => ({
        party_id: t.party_id,
        occurred_at: new Date(t.occurred_at),
        amount: t.amount,
        currency: t.currency,
        channel: t.channel,
        external_id: t.external_id,
        note: t.note,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('org_id', '=', orgId)
      .where('id', '=', t.id)
      .executeTakeFirst();
    if (!Number(res.numUpdatedRows)) {
      return false;
    }
    await trx.deleteFrom('transaction_line').where('org_id', '=', orgId).where('transaction_id', '=', t.id).execute();
    if (lines.length) {
      await trx
        .insertInto('transaction_line')
        .values(
          lines.map((l) => ({
            org_id: orgId,
            transaction_id: t.id,
            line_no: l.line_no,
            product_id: l.product_id,
            quantity: l.quantity,
            unit_price: l.unit_price,
            amount: l.amount,
          })),
        )
        .execute();
    }
    return true;
  },

  /** Removes transactions (their lines go with them); how many went. */
  async deleteByIds(trx: Db, orgId: string, ids: string[]): Promise<number> {
    const res = await trx
      .deleteFrom('transaction')
      .where('org_id', '=', orgId)
      .where(sql<boolean>`id = any(${sql.val(ids)}::uuid[])`)
      .executeTakeFirst();
    return Number(res.numDeletedRows);
  },
};
