import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { appDeps, buildApp } from '../src/app.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { setup, type Session } from './harness.ts';
import { makeReplica } from './replica-support.ts';

// A real streaming replica (docs/scale.md "A read replica"). The proof that a read came from the replica is the data:
// with the replica's replay paused, a party created on the primary is missing from a read served by the replica and
// present in one served by the primary. Needs PostgreSQL (CI: TEST_DATABASE_URL, project server-pg).
const base = process.env.TEST_DATABASE_URL;
if (!base) {
  throw new Error('These tests need PostgreSQL: set TEST_DATABASE_URL (a replica follows a PostgreSQL primary)');
}
const replica = await makeReplica(base);
const h = await setup();
const dbName = new URL(h.db.url ?? '').pathname.slice(1);
const logLines: string[] = [];
const logs = new Writable({
  write(chunk: Buffer, _enc, done) {
    logLines.push(chunk.toString());
    done();
  },
});
const routing = { readYourWritesSeconds: 2, maxLagSeconds: 3600, retrySeconds: 2 };
const handle = await openDatabase({ databaseUrl: h.db.url, replicaUrl: replica.url(dbName), poolSize: 3 });
// The app under test: the harness's sessions work on it (same secret), its reads follow the replica rules.
const app = await buildApp({
  database: handle,
  secret: 'test-secret-test-secret-test-secret-0',
  logger: { level: 'info', stream: logs },
  readRouting: routing,
});
await app.ready();
afterAll(async () => {
  await app.close();
  await handle.close();
  await replica.remove();
}, 60_000);

const reader = h.org.admin;
const writer = await h.user(['admin']);
const reads = appDeps(app).reads;

const get = (s: Session, url: string) => app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
const post = (s: Session, url: string, payload: Record<string, unknown>) =>
  app.inject({ method: 'POST', url, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload });
const names = async (s: Session): Promise<string[]> => {
  const res = await get(s, '/api/parties?limit=200');
  expect(res.statusCode).toBe(200);
  return res.json<{ items: { displayName: string }[] }>().items.map((p) => p.displayName);
};
const create = async (s: Session, displayName: string): Promise<string> => {
  const res = await post(s, '/api/parties', { kind: 'person', displayName });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string }>().id;
};
const pause = () => replica.sql(dbName, 'select pg_wal_replay_pause()');
const resume = () => replica.sql(dbName, 'select pg_wal_replay_resume()');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A party the writer made, once the replica has it and the writer's read-your-writes window has passed. */
const replicatedParty = async (displayName: string): Promise<string> => {
  const id = await create(writer, displayName);
  await expect.poll(() => names(reader), { timeout: 20_000 }).toContain(displayName);
  await sleep(routing.readYourWritesSeconds * 1000 + 200);
  return id;
};
const warnings = () => logLines.filter((l) => l.includes('the read replica is not answering')).length;

describe('a streaming replica behind list and analytics reads', () => {
  it('the replica has caught up: a party made before the test is listed', async () => {
    await create(writer, 'Before the pause');
    await expect.poll(() => names(reader), { timeout: 20_000 }).toContain('Before the pause');
    expect((await reads.route(null)).target).toBe('replica');
  });

  it('list and search reads come from the replica; the writer reads its own write from the primary', async () => {
    await sleep(routing.readYourWritesSeconds * 1000 + 200); // the writer's earlier write is out of its window
    await pause();
    await create(writer, 'Written while paused');
    // The reader has written nothing: its list comes from the paused replica, which has not seen the party.
    expect(await names(reader)).not.toContain('Written while paused');
    const search = await get(reader, '/api/search?q=Written%20while');
    expect(search.statusCode).toBe(200);
    expect(search.json<{ items: unknown[] }>().items).toHaveLength(0);
    // The writer just wrote: its reads go to the primary, which has it.
    expect(await names(writer)).toContain('Written while paused');
    // When the window has passed, the writer reads from the replica again (still paused, so the party is missing).
    await sleep(routing.readYourWritesSeconds * 1000 + 200);
    expect(await names(writer)).not.toContain('Written while paused');
    await resume();
    await expect.poll(() => names(reader), { timeout: 20_000 }).toContain('Written while paused');
  });

  it("analytics come from the replica too: a purchase made while it is paused is not in the reader's figures yet", async () => {
    const id = await replicatedParty('A buyer');
    const total = async (s: Session) => {
      const res = await get(s, '/api/value/concentration?by=customer&currency=CNY');
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ total: number }>().total;
    };
    const before = await total(reader);
    await pause();
    try {
      const bought = await post(writer, '/api/transactions', { partyId: id, amount: '250.00', currency: 'CNY' });
      expect(bought.statusCode, bought.body).toBe(201);
      expect(await total(writer)).toBe(before + 250); // the writer's own figures: the primary
      expect(await total(reader)).toBe(before); // everyone else's: the paused replica
    } finally {
      await resume();
    }
    await expect.poll(() => total(reader), { timeout: 20_000 }).toBe(before + 250);
  });

  it("the case queue and a party's transactions are list reads: from the replica, the writer's own from the primary", async () => {
    const id = await replicatedParty('A caller');
    const cases = async (s: Session) => {
      const res = await get(s, `/api/cases?partyId=${id}&limit=50`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: { subject: string }[] }>().items.map((c) => c.subject);
    };
    const purchases = async (s: Session) => {
      const res = await get(s, `/api/transactions?partyId=${id}&limit=50`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: unknown[] }>().items.length;
    };
    expect(await cases(reader)).toEqual([]);
    expect(await purchases(reader)).toBe(0);
    await pause();
    try {
      const opened = await post(writer, '/api/cases', { type: 'request', subject: 'Opened while paused', partyId: id });
      expect(opened.statusCode, opened.body).toBe(201);
      const bought = await post(writer, '/api/transactions', { partyId: id, amount: '80.00', currency: 'CNY' });
      expect(bought.statusCode, bought.body).toBe(201);
      expect(await cases(writer)).toEqual(['Opened while paused']);
      expect(await purchases(writer)).toBe(1);
      expect(await cases(reader)).toEqual([]);
      expect(await purchases(reader)).toBe(0);
    } finally {
      await resume();
    }
    await expect.poll(() => cases(reader), { timeout: 20_000 }).toEqual(['Opened while paused']);
    expect(await purchases(reader)).toBe(1);
  });

  it("the home page's counts are analytics reads: a case assigned while the replica is paused counts after replay", async () => {
    const id = await replicatedParty('A home caller');
    const agent = await h.user(['agent']);
    const openCases = async (s: Session) => {
      const res = await get(s, '/api/home');
      expect(res.statusCode, res.body).toBe(200);
      const cards = res.json<{ cards: { key: string; role: string; data: { count?: number } }[] }>().cards;
      return cards.find((c) => c.role === 'agent' && c.key === 'my_open_cases')?.data.count;
    };
    expect(await openCases(agent)).toBe(0);
    await pause();
    try {
      const opened = await post(writer, '/api/cases', {
        type: 'request',
        subject: 'Assigned while paused',
        partyId: id,
        assigneeId: agent.userId,
      });
      expect(opened.statusCode, opened.body).toBe(201);
      // The agent wrote nothing: their home reads the paused replica.
      expect(await openCases(agent)).toBe(0);
    } finally {
      await resume();
    }
    await expect.poll(() => openCases(agent), { timeout: 20_000 }).toBe(1);
  });

  it('a replica lagging past the bound sends reads to the primary', async () => {
    const strict = await buildApp({
      database: handle,
      secret: 'test-secret-test-secret-test-secret-0',
      readRouting: { ...routing, maxLagSeconds: 1 },
    });
    try {
      await pause();
      await create(writer, 'Lagging behind');
      await sleep(2500); // replay stopped with WAL waiting: the lag grows past one second
      const res = await strict.inject({
        method: 'GET',
        url: '/api/parties?limit=200',
        headers: { cookie: reader.cookie },
      });
      expect(res.json<{ items: { displayName: string }[] }>().items.map((p) => p.displayName)).toContain(
        'Lagging behind',
      );
      expect((await appDeps(strict).reads.route(null)).reason).toMatch(/^replica lag/);
      // The lenient app still reads the paused replica.
      expect(await names(reader)).not.toContain('Lagging behind');
    } finally {
      await resume();
      await strict.close();
    }
  });

  it('a replica that goes away: reads still answer from the primary, one warning per interval; back when it returns', async () => {
    await replica.stop();
    await create(writer, 'While the replica was down');
    await sleep(routing.readYourWritesSeconds * 1000 + 200);
    const started = Date.now();
    for (let i = 0; i < 8; i++) {
      expect(await names(reader)).toContain('While the replica was down');
    }
    const intervals = Math.ceil((Date.now() - started) / (routing.retrySeconds * 1000));
    expect(warnings()).toBeGreaterThanOrEqual(1);
    expect(warnings()).toBeLessThanOrEqual(intervals + 1);
    expect(warnings()).toBeLessThan(8);

    await replica.start();
    // Tried again after the retry interval: the replica answers and reads return to it.
    await expect.poll(async () => (await reads.route(null)).target, { timeout: 20_000 }).toBe('replica');
    await expect.poll(() => names(reader), { timeout: 20_000 }).toContain('While the replica was down');
    await pause();
    try {
      await create(writer, 'After the return');
      await sleep(500);
      expect((await reads.route(null)).target).toBe('replica');
      expect(await names(reader)).not.toContain('After the return');
      expect(logLines.some((l) => l.includes('the read replica answers again'))).toBe(true);
    } finally {
      await resume();
    }
  });
});
