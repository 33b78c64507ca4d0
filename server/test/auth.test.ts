import { describe, expect, it } from 'vitest';
import { RESOLVED_TTL_MS } from '../src/platform/auth/auth.service.ts';
import { PASSWORD, setup } from './harness.ts';

const h = await setup({ loginLimits: { perAccount: 3, perAddress: 8, windowSeconds: 60 } });

describe('sign-in', () => {
  it('answers the user and a CSRF token, and sets an HttpOnly SameSite=Lax session cookie', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: h.org.admin.email.toUpperCase(), password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ email: h.org.admin.email, roles: ['admin'], orgId: h.org.orgId });
    expect(body.csrfToken).toEqual(expect.any(String));
    expect(body.user.passwordHash).toBeUndefined();
    const cookie = res.cookies.find((c) => c.name === 'tandem_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
  });

  it('does not trust a spoofed X-Forwarded-Proto without trustProxy: the cookie stays non-Secure', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: h.org.admin.email, password: PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((c) => c.name === 'tandem_session')?.secure).toBeFalsy();
  });

  it('rejects a wrong password and an unknown email the same way', async () => {
    const u = await h.user(['agent']);
    const wrong = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: u.email, password: 'nope-nope-nope' },
    });
    const unknown = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'ghost@example.com', password: 'nope-nope-nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('me returns the user, organisation and the session CSRF token', async () => {
    const res = await h.as(h.org.admin).get('/api/auth/me');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      user: { id: h.org.admin.userId, email: h.org.admin.email, roles: ['admin'], orgId: h.org.orgId, locale: null },
      org: { id: h.org.orgId, slug: h.org.slug },
      csrfToken: h.org.admin.csrf,
      authMethod: 'session',
    });
  });

  it('without a session the API answers 401', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
    const forged = await h.app.inject({
      method: 'GET',
      url: '/api/users',
      headers: { cookie: 'tandem_session=forged' },
    });
    expect(forged.statusCode).toBe(401);
  });

  it('PATCH /me remembers the language', async () => {
    const u = await h.user(['employee']);
    const res = await h.as(u).patch('/api/auth/me', { locale: 'zh-CN' });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.locale).toBe('zh-CN');
    expect((await h.as(u).get('/api/auth/me')).json().user.locale).toBe('zh-CN');
    expect((await h.as(u).patch('/api/auth/me', { locale: 'fr' })).statusCode).toBe(400);
  });

  it('an expired session answers 401 and is not revived', async () => {
    const u = await h.user(['agent']);
    await h.db.db
      .updateTable('session')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', u.userId)
      .execute();
    const res = await h.as(u).get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toMatch(/expired/);
  });

  it('logout ends the session server-side: the old cookie no longer works', async () => {
    const u = await h.user(['agent']);
    const out = await h.as(u).post('/api/auth/logout');
    expect(out.statusCode).toBe(204);
    expect((await h.as(u).get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without the token, or with a wrong one', async () => {
    const u = h.org.admin;
    const none = await h.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { cookie: u.cookie },
      payload: { name: 'x' },
    });
    expect(none.statusCode).toBe(403);
    expect(none.json().error).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'csrf' } });
    const wrong = await h.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { cookie: u.cookie, 'x-csrf-token': 'x'.repeat(32) },
      payload: { name: 'x' },
    });
    expect(wrong.statusCode).toBe(403);
    const other = await h.user(['agent']);
    const crossed = await h.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { cookie: u.cookie, 'x-csrf-token': other.csrf },
      payload: { name: 'x' },
    });
    expect(crossed.statusCode).toBe(403);
    const list = await h.as(u).get('/api/tokens');
    expect(list.json().items.filter((t: { name: string }) => t.name === 'x')).toHaveLength(0);
  });

  it('does not ask for it on reads or with a bearer token', async () => {
    expect(
      (await h.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: h.org.admin.cookie } })).statusCode,
    ).toBe(200);
    const created = await h.as(h.org.admin).post('/api/tokens', { name: 'ci' });
    const token = created.json().token as string;
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { authorization: `Bearer ${token}` },
      payload: { name: 'from-token' },
    });
    expect(res.statusCode).toBe(201);
  });
});

describe('API tokens', () => {
  it('are shown once, stored hashed, work as Bearer, and stop working when revoked', async () => {
    const u = await h.user(['agent']);
    const created = await h.as(u).post('/api/tokens', { name: '报表脚本' });
    expect(created.statusCode).toBe(201);
    const { id, token, name, prefix } = created.json();
    expect(name).toBe('报表脚本');
    expect(token).toMatch(/^tdm_/);
    expect(token.startsWith(prefix)).toBe(true);

    const listed = (await h.as(u).get('/api/tokens')).json().items;
    expect(listed).toHaveLength(1);
    expect(listed[0].token).toBeUndefined();

    const stored = await h.db.db.selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token.slice(4));
    expect(JSON.stringify(stored)).not.toContain(token);

    const me = await h.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { id: u.userId }, authMethod: 'token', csrfToken: null });

    expect((await h.as(u).delete(`/api/tokens/${id}`)).statusCode).toBe(204);
    const after = await h.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.statusCode).toBe(401);
    expect((await h.as(u).get('/api/tokens')).json().items).toHaveLength(0);
    expect((await h.as(u).get('/api/tokens?includeRevoked=true')).json().items[0].revokedAt).not.toBeNull();
  });

  it('someone else’s token answers 404, like a missing one', async () => {
    const a = await h.user(['agent']);
    const b = await h.user(['agent']);
    const { id } = (await h.as(a).post('/api/tokens', { name: 'mine' })).json();
    const res = await h.as(b).delete(`/api/tokens/${id}`);
    expect(res.statusCode).toBe(404);
    const missing = await h.as(b).delete('/api/tokens/00000000-0000-4000-8000-000000000000');
    expect(missing.json()).toEqual(res.json());
    const stillThere = (await h.as(a).get('/api/tokens')).json().items;
    expect(stillThere.map((t: { id: string }) => t.id)).toContain(id);
  });

  it('a malformed or unknown bearer token answers 401', async () => {
    for (const auth of ['Bearer tdm_nope', 'Bearer', 'Basic abc', 'Bearer ' + 'x'.repeat(500)]) {
      const res = await h.app.inject({ method: 'GET', url: '/api/users', headers: { authorization: auth } });
      expect(res.statusCode, auth).toBe(401);
    }
  });

  it('a deactivated user’s token and sessions stop working', async () => {
    const u = await h.user(['agent']);
    const { token } = (await h.as(u).post('/api/tokens', { name: 't' })).json();
    const me = (await h.as(h.org.admin).get(`/api/users/${u.userId}`)).json();
    expect(
      (await h.as(h.org.admin).patch(`/api/users/${u.userId}`, { active: false, version: me.version })).statusCode,
    ).toBe(200);
    expect(
      (await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } }))
        .statusCode,
    ).toBe(401);
    expect((await h.as(u).get('/api/auth/me')).statusCode).toBe(401);
    const relogin = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: u.email, password: PASSWORD },
    });
    expect(relogin.statusCode).toBe(401);
  });
});

describe('resolved tokens and sessions (reused briefly, forgotten on any write)', () => {
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('a role change applies to the very next request of a token and a session already in use', async () => {
    const u = await h.user(['agent']);
    const { token } = (await h.as(u).post('/api/tokens', { name: 't' })).json();
    expect((await h.app.inject({ method: 'GET', url: '/api/audit', headers: bearer(token) })).statusCode).toBe(403);
    expect((await h.as(u).get('/api/audit')).statusCode).toBe(403);
    const me = (await h.as(h.org.admin).get(`/api/users/${u.userId}`)).json();
    expect(
      (await h.as(h.org.admin).patch(`/api/users/${u.userId}`, { roles: ['agent', 'admin'], version: me.version }))
        .statusCode,
    ).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/api/audit', headers: bearer(token) })).statusCode).toBe(200);
    expect((await h.as(u).get('/api/audit')).statusCode).toBe(200);
    const again = (await h.as(h.org.admin).get(`/api/users/${u.userId}`)).json();
    expect(
      (await h.as(h.org.admin).patch(`/api/users/${u.userId}`, { roles: ['agent'], version: again.version }))
        .statusCode,
    ).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/api/audit', headers: bearer(token) })).statusCode).toBe(403);
  });

  it('a token revoked and a session signed out while in use are refused at once', async () => {
    const u = await h.user(['agent']);
    const { id, token } = (await h.as(u).post('/api/tokens', { name: 't' })).json();
    for (let i = 0; i < 3; i++) {
      expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(200);
      expect((await h.as(u).get('/api/auth/me')).statusCode).toBe(200);
    }
    expect(
      (await h.app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: bearer(token) })).statusCode,
    ).toBe(204);
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(401);
    expect((await h.as(u).post('/api/auth/logout')).statusCode).toBe(204);
    expect((await h.as(u).get('/api/auth/me')).statusCode).toBe(401);
  });

  it('a refused write still forgets: a bad request cannot keep a stale token alive', async () => {
    const u = await h.user(['agent']);
    const { token } = (await h.as(u).post('/api/tokens', { name: 't' })).json();
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(200);
    await h.db.db.updateTable('api_token').set({ revoked_at: new Date() }).where('user_id', '=', u.userId).execute();
    expect(
      (
        await h.app.inject({
          method: 'POST',
          url: '/api/tokens',
          headers: { cookie: u.cookie },
          payload: { name: 'no csrf' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(401);
  });

  it('a change made outside the API (SQL, the CLI, another server) applies at once: the database tells this server', async () => {
    const u = await h.user(['agent']);
    const { token } = (await h.as(u).post('/api/tokens', { name: 't' })).json();
    // Resolved (and reused for up to RESOLVED_TTL_MS)…
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(200);
    await h.db.db.updateTable('api_token').set({ revoked_at: new Date() }).where('user_id', '=', u.userId).execute();
    // …but the revocation's notification (sent at its commit) arrives well within that time: on PGlite before the
    // update returns, on PostgreSQL over the listening connection.
    await expect
      .poll(
        async () => (await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode,
        { timeout: RESOLVED_TTL_MS / 4, interval: 10 },
      )
      .toBe(401);
  });
});

describe('login rate limiting', () => {
  it('locks an account after repeated failures, even for the right password, without touching other accounts', async () => {
    const victim = await h.user(['agent']);
    const other = await h.user(['agent']);
    for (let i = 0; i < 3; i++) {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: victim.email, password: `wrong-${i}-xxxxx` },
        remoteAddress: `10.0.0.${i + 1}`,
      });
      expect(res.statusCode).toBe(401);
    }
    const locked = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: victim.email, password: PASSWORD },
      remoteAddress: '10.0.0.9',
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('RATE_LIMITED');
    const fine = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: other.email, password: PASSWORD },
      remoteAddress: '10.0.0.9',
    });
    expect(fine.statusCode).toBe(200);
  });

  it('locks an address that tries many accounts', async () => {
    const ip = '10.9.9.9';
    for (let i = 0; i < 8; i++) {
      await h.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: `spray${i}@example.com`, password: 'whatever-123' },
        remoteAddress: ip,
      });
    }
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: h.org.admin.email, password: PASSWORD },
      remoteAddress: ip,
    });
    expect(res.statusCode).toBe(429);
    const elsewhere = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: h.org.admin.email, password: PASSWORD },
      remoteAddress: '10.9.9.10',
    });
    expect(elsewhere.statusCode).toBe(200);
  });
});
