import { sql } from 'kysely';
import type { Db } from '../src/platform/db/database.ts';
import type { SimulatedCustomer } from '../src/modules/value/index.ts';
import { expect } from 'vitest';
import type { Harness, Session } from './harness.ts';

// Customers and purchases for the value tests, written straight into the tables (the analytics read them; how
// transactions get there is commerce's business and tested there). Days are UTC dates; amounts exact strings.

export interface Purchase {
  day: string;
  amount: string | number;
  currency?: string;
  /** Time of day, default noon UTC. */
  time?: string;
}
export interface CustomerSpec {
  name?: string;
  ownerId?: string | null;
  purchases: Purchase[];
}

let seq = 0;

/** Inserts the customers (parties with no role needed by the analytics) and their transactions; their ids in order. */
export async function insertCustomers(db: Db, orgId: string, specs: CustomerSpec[]): Promise<string[]> {
  if (!specs.length) {
    return [];
  }
  const values = specs.map(
    (s) => sql`(${orgId}::uuid, 'person', ${s.name ?? `Value customer ${++seq}`}, ${s.ownerId ?? null}::uuid)`,
  );
  const { rows: parties } = await sql<{ id: string }>`
    insert into party (org_id, kind, display_name, owner_id) values ${sql.join(values)} returning id`.execute(db);
  const ids = parties.map((p) => p.id);
  const rows = specs.flatMap((s, i) =>
    s.purchases.map((p) => ({
      org_id: orgId,
      party_id: ids[i] as string,
      occurred_at: `${p.day}T${p.time ?? '12:00:00'}Z`,
      amount: String(p.amount),
      currency: p.currency ?? 'CNY',
    })),
  );
  for (let i = 0; i < rows.length; i += 2000) {
    await db
      .insertInto('transaction')
      .values(rows.slice(i, i + 2000))
      .execute();
  }
  return ids;
}

const DAY = 86_400_000;
export const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** Simulated customers (times in weeks) as purchases ending at `asOf`: the first purchase T weeks before it. */
export function simulatedSpecs(sim: SimulatedCustomer[], asOf: string, ownerId: string | null = null): CustomerSpec[] {
  return sim.map((c) => {
    const first = addDays(asOf, -Math.round(c.T * 7));
    const days = [0, ...c.times].map((t) => addDays(first, Math.round(t * 7)));
    return {
      ownerId,
      purchases: days.map((day, k) => ({ day, amount: (c.amounts[k] ?? 0).toFixed(2) })),
    };
  });
}

/** Deletes every transaction of the org (tests that need an empty org reuse the harness org). */
export async function clearTransactions(db: Db, orgId: string): Promise<void> {
  await sql`delete from transaction where org_id = ${orgId}`.execute(db);
}

/** Removes customers made by insertCustomers, with their transactions (fixtures that must not fill party lists). */
export async function removeCustomers(db: Db, orgId: string, ids: string[]): Promise<void> {
  if (!ids.length) {
    return;
  }
  await sql`delete from transaction where org_id = ${orgId} and party_id in (${sql.join(ids)})`.execute(db);
  await sql`delete from party where org_id = ${orgId} and id in (${sql.join(ids)})`.execute(db);
}

// A small book of customers with purchases, for value's segments, snapshots, cross-sell and wallet tests. Dates
// are counted back from today (UTC) so that "within n days" and the RFM window do not depend on the calendar.

export const today = () => new Date().toISOString().slice(0, 10);
export const daysAgo = (n: number, hour = 10) =>
  new Date(Math.floor(Date.now() / DAY) * DAY - n * DAY + hour * 3_600_000).toISOString();

export interface Product {
  id: string;
  name: string;
}

export function valueHelpers(h: Harness, admin: Session) {
  const a = h.as(admin);

  async function ok<T>(res: Promise<{ statusCode: number; body: string; json: () => unknown }>, code = 0): Promise<T> {
    const r = await res;
    expect(r.statusCode < 300 && (!code || r.statusCode === code), `${r.statusCode} ${r.body.slice(0, 400)}`).toBe(
      true,
    );
    return (r.body ? r.json() : null) as T;
  }

  return {
    ok,
    async product(name: string, category: string | null, price = '10.00'): Promise<Product> {
      const p = await ok<{ id: string }>(a.post('/api/products', { name, category, price, currency: 'CNY' }));
      return { id: p.id, name };
    },

    async party(
      s: Session,
      displayName: string,
      body: Record<string, unknown> = {},
    ): Promise<{ id: string; version: number }> {
      return ok(
        h.as(s).post('/api/parties', { kind: 'person', displayName, roles: [{ role: 'customer' }], ...body }),
        201,
      );
    },

    /** A purchase (or, with a negative amount and no lines, a refund) `ago` days before today. */
    async buy(
      partyId: string,
      ago: number,
      lines: { product: Product; amount: string }[],
      opts: { currency?: string; amount?: string; hour?: number } = {},
    ): Promise<string> {
      const body = {
        partyId,
        occurredAt: daysAgo(ago, opts.hour ?? 10),
        currency: opts.currency ?? 'CNY',
        ...(opts.amount !== undefined ? { amount: opts.amount } : {}),
        ...(lines.length
          ? { lines: lines.map((l) => ({ productId: l.product.id, quantity: 1, unitPrice: l.amount })) }
          : {}),
      };
      return (await ok<{ id: string }>(a.post('/api/transactions', body), 201)).id;
    },

    /** Asks for a value snapshot as of today and waits until it is done. */
    async snapshot(body: Record<string, unknown> = {}): Promise<{ id: string; status: string }> {
      const run = await ok<{ id: string; status: string }>(a.post('/api/value/snapshots', body), 202);
      for (let i = 0; i < 200; i++) {
        const got = await ok<{ id: string; status: string; error: string | null }>(
          a.get(`/api/value/snapshots/${run.id}`),
        );
        if (got.status === 'done' || got.status === 'failed') {
          expect(got.error).toBeNull();
          return got;
        }
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('snapshot did not finish');
    },
  };
}
