import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { appDeps, buildApp } from '../src/app.ts';
import { drainWebhooks } from '../src/platform/webhooks/delivery.ts';
import { RESOLVED_TTL_MS } from '../src/platform/auth/auth.service.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { PASSWORD, setup } from './harness.ts';

// Two servers on one database (docs/architecture.md "Several servers"): `a` is the harness's app, `b` a second app
// with its own pool (on PostgreSQL; PGlite has one handle per process, so both apps share it). Nothing they must
// agree on lives in either one's memory.
const secret = 'test-secret-test-secret-test-secret-0';
const loginLimits = { perAccount: 3, perAddress: 50, windowSeconds: 60 };
const h = await setup({ loginLimits });
const second = h.db.url ? await openDatabase({ databaseUrl: h.db.url, poolSize: 3 }) : h.db;
const b = await buildApp({ database: second, secret, loginLimits });
await b.ready();
afterAll(async () => {
  await b.close();
  if (second !== h.db) {
    await second.close();
  }
});
const a = h.app;

type App = typeof a;
const login = (app: App, email: string, password: string, ip = '10.1.1.1') =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });
const me = (app: App, headers: Record<string, string>) => app.inject({ method: 'GET', url: '/api/auth/me', headers });
// Well inside the reuse time: a refusal within it comes from the other server's notification, not from expiry.
const soon = { timeout: RESOLVED_TTL_MS / 4, interval: 10 };

describe('several servers on one database', () => {
  it('a session made on one server works on the other', async () => {
    const u = await h.user(['agent']);
    const res = await login(a, u.email, PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = `tandem_session=${res.cookies.find((c) => c.name === 'tandem_session')?.value ?? ''}`;
    const onB = await me(b, { cookie });
    expect(onB.statusCode).toBe(200);
    expect(onB.json().user.email).toBe(u.email);
  });

  it('failed sign-ins are counted across both: the account locks after three, wherever they happened', async () => {
    const u = await h.user(['agent']);
    expect((await login(a, u.email, 'wrong-password-1')).statusCode).toBe(401);
    expect((await login(b, u.email, 'wrong-password-2')).statusCode).toBe(401);
    expect((await login(a, u.email, 'wrong-password-3')).statusCode).toBe(401);
    // Three failures in all (two on a, one on b): locked on both, even with the right password.
    for (const app of [a, b]) {
      const locked = await login(app, u.email, PASSWORD);
      expect(locked.statusCode).toBe(429);
      expect(locked.json().error.code).toBe('RATE_LIMITED');
      expect(locked.json().error.details.retryAfterSeconds).toBeGreaterThan(0);
    }
    // Another account from the same address is untouched.
    const other = await h.user(['agent']);
    expect((await login(b, other.email, PASSWORD)).statusCode).toBe(200);
  });

  it('the counters hold no email or address in clear', async () => {
    await login(a, 'someone.secret@example.com', 'wrong-password-1', '203.0.113.77');
    const rows = await h.db.db.selectFrom('login_throttle').select(['key']).execute();
    expect(rows.length).toBeGreaterThan(0);
    const all = JSON.stringify(rows);
    expect(all).not.toContain('someone.secret');
    expect(all).not.toContain('203.0.113.77');
  });

  it('a sign-out on one server is refused on the other at once', async () => {
    const u = await h.user(['agent']);
    const cookie = { cookie: u.cookie };
    // b resolves the session (and would reuse it for up to a second)…
    expect((await me(b, cookie)).statusCode).toBe(200);
    const out = await a.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: u.cookie, 'x-csrf-token': u.csrf },
    });
    expect(out.statusCode).toBe(204);
    // …until a's sign-out reaches it.
    await expect.poll(async () => (await me(b, cookie)).statusCode, soon).toBe(401);
  });

  it('a token revoked on one server, and a role taken away there, apply on the other at once', async () => {
    const u = await h.user(['agent', 'manager']);
    const { token } = (await h.as(u).post('/api/tokens', { name: 'two servers' })).json();
    const bearer = { authorization: `Bearer ${token}` };
    expect((await me(b, bearer)).json().user.roles).toEqual(['agent', 'manager']);
    const { version } = (await h.as(h.org.admin).get(`/api/users/${u.userId}`)).json();
    const patched = await h.as(h.org.admin).patch(`/api/users/${u.userId}`, { roles: ['agent'], version });
    expect(patched.statusCode).toBe(200);
    await expect.poll(async () => (await me(b, bearer)).json().user?.roles, soon).toEqual(['agent']);
    const tokens = (await h.as(u).get('/api/tokens')).json();
    const id = tokens.items.find((t: { name: string }) => t.name === 'two servers').id;
    expect((await h.as(u).delete(`/api/tokens/${id}`)).statusCode).toBe(204);
    await expect.poll(async () => (await me(b, bearer)).statusCode, soon).toBe(401);
  });

  it('a webhook message is delivered once when both servers drain the outbox at the same moment', async () => {
    // The receiver counts deliveries per message id (the `webhook-id` header of Standard Webhooks).
    const seen = new Map<string, number>();
    const receiver = http.createServer((req, res) => {
      const id = String(req.headers['webhook-id']);
      seen.set(id, (seen.get(id) ?? 0) + 1);
      req.resume();
      req.on('end', () => res.end('ok'));
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const port = (receiver.address() as AddressInfo).port;
      const admin = h.as(h.org.admin);
      const made = await admin.post('/api/webhooks', {
        url: `http://127.0.0.1:${port}/hook`,
        events: ['party.created'],
        allowPrivate: true,
      });
      expect(made.statusCode, made.body).toBe(201);
      for (let i = 0; i < 6; i++) {
        expect((await admin.post('/api/parties', { kind: 'person', displayName: `Hook ${i}` })).statusCode).toBe(201);
      }
      // Both servers' delivery jobs at once, twice over: each claims with one conditional update (skip locked).
      const runs = await Promise.all([a, b, a, b].map((app) => drainWebhooks(appDeps(app))));
      expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(6);
      expect(seen.size).toBe(6);
      expect([...seen.values()].every((n) => n === 1)).toBe(true);
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});
