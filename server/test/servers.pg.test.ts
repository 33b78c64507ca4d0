import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTandem, type RunningTandem } from './run-cli.ts';

// Two `tandem serve` processes on one PostgreSQL database, over real HTTP (docs/architecture.md "Several servers").
// This needs a PostgreSQL server: CI runs it with TEST_DATABASE_URL set (`npx vitest run --project server-pg`).
const base = process.env.TEST_DATABASE_URL;
if (!base) {
  throw new Error('These tests need PostgreSQL: set TEST_DATABASE_URL (an embedded database has one process only)');
}
const name = `tandem_servers_${randomBytes(5).toString('hex')}`;
const url = new URL(base);
url.pathname = `/${name}`;
const ADMIN = { email: 'admin@servers.test', password: 'servers-password-1' };
const env = {
  ...process.env,
  DATABASE_URL: url.toString(),
  TANDEM_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tandem-servers-')),
  // Every server of one deployment shares the instance secret (sessions are stored as HMACs under it).
  TANDEM_SECRET: 'servers-test-secret-servers-test-secret-0',
  TANDEM_ADMIN_EMAIL: ADMIN.email,
  TANDEM_ADMIN_PASSWORD: ADMIN.password,
  TANDEM_DEMO: '0',
  HOST: '127.0.0.1',
  PORT: '0',
  LOG_LEVEL: 'warn',
};
const servers: { proc: RunningTandem; url: string }[] = [];

async function serve() {
  const proc = startTandem(['serve', '--no-web'], { env });
  const at = await proc.waitFor('stdout', (out) => /is ready at (http:\/\/\S+)/.exec(out)?.[1], 120_000);
  servers.push({ proc, url: at });
  return at;
}

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  // One after the other: the first migrates and creates the organisation; the second finds both done.
  await serve();
  await serve();
}, 240_000);

afterAll(async () => {
  for (const s of servers) {
    s.proc.child.kill('SIGTERM');
    await s.proc.exited;
  }
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}, 60_000);

const A = () => servers[0]?.url ?? '';
const B = () => servers[1]?.url ?? '';

async function signIn(server: string, email: string, password: string) {
  const res = await fetch(`${server}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const body = (await res.json()) as { csrfToken?: string; error?: { code: string } };
  return { status: res.status, cookie, csrf: body.csrfToken ?? '', error: body.error?.code };
}
const me = (server: string, cookie: string) => fetch(`${server}/api/auth/me`, { headers: { cookie } });

describe('two servers, one PostgreSQL database', () => {
  it('sign in on one, work on the other', async () => {
    expect(A()).not.toBe(B());
    const s = await signIn(A(), ADMIN.email, ADMIN.password);
    expect(s.status).toBe(200);
    const onB = await me(B(), s.cookie);
    expect(onB.status).toBe(200);
    const created = await fetch(`${B()}/api/parties`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'person', displayName: '两台服务器' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await fetch(`${A()}/api/parties/${id}`, { headers: { cookie: s.cookie } })).status).toBe(200);
  });

  it('failed sign-ins are counted across both servers', async () => {
    const email = 'nobody-here@servers.test';
    // The default limit is five failures per account: three on one server and two on the other spend it.
    for (const server of [A(), B(), A(), B(), A()]) {
      expect((await signIn(server, email, 'wrong-password-x')).status).toBe(401);
    }
    for (const server of [A(), B()]) {
      const locked = await signIn(server, email, 'wrong-password-x');
      expect(locked.status).toBe(429);
      expect(locked.error).toBe('RATE_LIMITED');
    }
  });

  it('a sign-out on one server is refused on the other at once', async () => {
    const s = await signIn(A(), ADMIN.email, ADMIN.password);
    // B resolves the session (and may reuse it for a moment)…
    expect((await me(B(), s.cookie)).status).toBe(200);
    expect((await me(B(), s.cookie)).status).toBe(200);
    const out = await fetch(`${A()}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
    expect(out.status).toBe(204);
    // …and the very next request to B after A answered is refused: the sign-out's notification got there first.
    expect((await me(B(), s.cookie)).status).toBe(401);
  });

  it('a scheduled job runs once per slot and a webhook message is delivered once, with both servers working', async () => {
    const seen = new Map<string, number>();
    const receiver = http.createServer((req, res) => {
      const id = String(req.headers['webhook-id']);
      seen.set(id, (seen.get(id) ?? 0) + 1);
      req.resume();
      req.on('end', () => res.end('ok'));
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const db = new pg.Client({ connectionString: url.toString() });
    await db.connect();
    try {
      const s = await signIn(A(), ADMIN.email, ADMIN.password);
      const post = (server: string, path: string, body: unknown) =>
        fetch(`${server}${path}`, {
          method: 'POST',
          headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const port = (receiver.address() as AddressInfo).port;
      const hook = { url: `http://127.0.0.1:${port}/hook`, events: ['party.created'], allowPrivate: true };
      expect((await post(A(), '/api/webhooks', hook)).status).toBe(201);
      for (const server of [A(), B(), A(), B()]) {
        expect((await post(server, '/api/parties', { kind: 'person', displayName: 'Hooked' })).status).toBe(201);
      }
      // The delivery job runs every minute on its cron, which both servers' queues keep.
      await expect.poll(() => seen.size, { timeout: 150_000, interval: 500 }).toBe(4);
      const completed = async () =>
        Number(
          (
            await db.query<{ n: string }>(
              `select count(*) as n from pgboss.job where name = 'platform-webhooks-deliver' and state = 'completed'`,
            )
          ).rows[0]?.n,
        );
      // Let one more slot of the job run on whichever server: nothing is sent again.
      const before = await completed();
      await expect.poll(completed, { timeout: 120_000, interval: 1000 }).toBeGreaterThan(before);
      expect([...seen.values()]).toEqual([1, 1, 1, 1]);
      const attempts = await db.query<{ n: string }>(
        'select count(*) as n from webhook_delivery group by event_id having count(*) > 1',
      );
      expect(attempts.rows).toEqual([]);
      // pg-boss sends a cron slot through one singleton job, whichever server's clock saw it first.
      const slots = await db.query<{ slot: Date; n: string }>(
        `select singleton_on as slot, count(*) as n from pgboss.job
         where name = '__pgboss__send-it' and singleton_key = 'platform-webhooks-deliver' group by singleton_on`,
      );
      expect(slots.rows.length).toBeGreaterThanOrEqual(2);
      expect(slots.rows.filter((r) => Number(r.n) !== 1)).toEqual([]);
    } finally {
      await db.end();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  }, 300_000);
});
