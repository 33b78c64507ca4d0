import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { primaryReads } from './read-routing.ts';
import { ReplicaHealth, isUnavailable } from './replica.ts';

// The read handle's guard and the replica's health (docs/scale.md "A read replica"); the routing itself is shown on
// a real replica by server/test/replica.pg.test.ts.
const h = await openDatabase({});
afterAll(() => h.close());
await sql`create table t (org_id uuid, n int)`.execute(h.db);

describe('the read handle without a replica', () => {
  it('reads the primary and refuses every kind of write', async () => {
    const reads = primaryReads(h.db);
    expect(reads.replicated).toBe(false);
    expect(await reads.route(null)).toEqual({ target: 'primary', reason: 'no replica' });
    const db = await reads.db(null);
    expect(await sql`select 1 as one`.execute(db)).toMatchObject({ rows: [{ one: 1 }] });
    const t = db as unknown as ReturnType<typeof h.db.withTables<{ t: { org_id: string; n: number } }>>;
    await expect(t.insertInto('t').values({ org_id: crypto.randomUUID(), n: 1 }).execute()).rejects.toThrow(
      /read handle/,
    );
    await expect(t.updateTable('t').set({ n: 2 }).execute()).rejects.toThrow(/read handle/);
    await expect(t.deleteFrom('t').execute()).rejects.toThrow(/read handle/);
    await expect(sql`  delete from t`.execute(db)).rejects.toThrow(/read handle/);
    await expect(sql`truncate t`.execute(db)).rejects.toThrow(/read handle/);
    // The primary itself still writes.
    await sql`insert into t values (gen_random_uuid(), 1)`.execute(h.db);
    expect((await sql<{ n: number }>`select count(*)::int as n from t`.execute(db)).rows[0]?.n).toBe(1);
  });
});

describe('replica health', () => {
  it('tells a server that cannot answer from a query that is wrong', () => {
    expect(
      isUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' })),
    ).toBe(true);
    expect(isUnavailable(Object.assign(new Error('terminating connection'), { code: '57P01' }))).toBe(true);
    expect(isUnavailable(Object.assign(new Error('the database system is starting up'), { code: '57P03' }))).toBe(true);
    expect(isUnavailable(Object.assign(new Error('conflict with recovery'), { code: '40001' }))).toBe(true);
    expect(isUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isUnavailable(Object.assign(new Error('syntax error'), { code: '42601' }))).toBe(false);
    expect(isUnavailable(Object.assign(new Error('division by zero'), { code: '22012' }))).toBe(false);
    expect(isUnavailable(null)).toBe(false);
  });

  it('warns once per retry interval, not once per failed read, and says when the replica is back', async () => {
    const said: string[] = [];
    const health = new ReplicaHealth(200, { onDown: () => said.push('down'), onBack: () => said.push('back') });
    expect(health.usable).toBe(true);
    for (let i = 0; i < 5; i++) {
      health.markDown(new Error('refused'));
    }
    expect(said).toEqual(['down']);
    expect(health.usable).toBe(false);
    await new Promise((r) => setTimeout(r, 250));
    expect(health.usable).toBe(true);
    health.markDown(new Error('still refused'));
    expect(said).toEqual(['down', 'down']);
    await new Promise((r) => setTimeout(r, 250));
    health.markUp();
    health.markUp();
    expect(said).toEqual(['down', 'down', 'back']);
    expect(health.usable).toBe(true);
  });
});
