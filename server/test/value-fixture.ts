import { sql } from 'kysely';
import type { Db } from '../src/platform/db/database.ts';
import type { SimulatedCustomer } from '../src/modules/value/index.ts';

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
