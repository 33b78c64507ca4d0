import { describe, expect, it } from 'vitest';
import { PASSWORD, setup } from './harness.ts';

const h = await setup();
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('your own account', () => {
  it('lists your sessions, signs one or all others out, and never another user’s', async () => {
    const u = await h.user(['agent']);
    const second = await h.login(u.email);
    const other = await h.user(['agent']);
    const list = (await h.as(u).get('/api/auth/sessions')).json().items;
    expect(list).toHaveLength(2);
    expect(list.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const otherSessions = (await h.as(other).get('/api/auth/sessions')).json().items;
    // Someone else's session id answers 404 and stays.
    expect((await h.as(u).delete(`/api/auth/sessions/${otherSessions[0].id}`)).statusCode).toBe(404);
    expect((await h.as(other).get('/api/auth/me')).statusCode).toBe(200);
    const theSecond = list.find((s: { current: boolean }) => !s.current);
    expect((await h.as(u).delete(`/api/auth/sessions/${theSecond.id}`)).statusCode).toBe(204);
    expect((await h.as(second).get('/api/auth/me')).statusCode).toBe(401);
    const third = await h.login(u.email);
    expect((await h.as(u).post('/api/auth/sessions/sign-out-others')).statusCode).toBe(204);
    expect((await h.as(third).get('/api/auth/me')).statusCode).toBe(401);
    expect((await h.as(u).get('/api/auth/me')).statusCode).toBe(200);
  });

  it('changes the password with the current one, then signs out other sessions and revokes API tokens', async () => {
    const u = await h.user(['agent']);
    const other = await h.login(u.email);
    const token = (await h.as(u).post('/api/tokens', { name: 'script' })).json().token as string;
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(200);
    const wrong = await h.as(u).post('/api/auth/password', { currentPassword: 'nope', newPassword: 'x' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].path).toEqual(['body', 'currentPassword']);
    const ok = await h
      .as(u)
      .post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'plum-kettle-river-42' });
    expect(ok.statusCode, ok.body).toBe(204);
    expect((await h.as(u).get('/api/auth/me')).statusCode).toBe(200);
    expect((await h.as(other).get('/api/auth/me')).statusCode).toBe(401);
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(401);
    await h.login(u.email, 'plum-kettle-river-42');
  });
});

describe('password policy', () => {
  it('refuses common passwords and the email address, with the reason on the field', async () => {
    const admin = h.as(h.org.admin);
    const mk = (email: string, password: string) =>
      admin.post('/api/users', { email, displayName: 'P', roles: ['agent'], password });
    const common = await mk('p1@example.com', 'password123');
    expect(common.statusCode).toBe(400);
    expect(common.json().error.details[0]).toMatchObject({ path: ['body', 'password'], code: 'weak_password' });
    expect(common.json().error.message).toContain('common passwords');
    expect((await mk('qwerty123456@example.com', 'Qwerty123456')).statusCode).toBe(400);
    expect((await mk('longname.person@example.com', 'longname.person')).statusCode).toBe(400);
    expect((await mk('p2@example.com', 'short')).statusCode).toBe(400);
    expect((await mk('p3@example.com', 'amber-otter-climbs-7')).statusCode).toBe(201);
  });

  it('a password reset by an admin signs the user out everywhere, API tokens included', async () => {
    const u = await h.user(['agent']);
    const token = (await h.as(u).post('/api/tokens', { name: 'script' })).json().token as string;
    const me = (await h.as(h.org.admin).get(`/api/users/${u.userId}`)).json();
    const reset = await h
      .as(h.org.admin)
      .patch(`/api/users/${u.userId}`, { password: 'fresh-cedar-lantern-5', version: me.version });
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await h.as(u).get('/api/auth/me')).statusCode).toBe(401);
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(401);
  });

  it('shows when someone last signed in to admins only', async () => {
    const u = await h.user(['agent']);
    const viewer = await h.user(['manager']);
    const asAdmin = (await h.as(h.org.admin).get(`/api/users/${u.userId}`)).json();
    expect(asAdmin.lastLoginAt).not.toBeNull();
    expect((await h.as(viewer).get(`/api/users/${u.userId}`)).json().lastLoginAt).toBeNull();
    const list = (await h.as(viewer).get('/api/users?limit=100')).json().items;
    expect(list.every((x: { lastLoginAt: string | null }) => x.lastLoginAt === null)).toBe(true);
    expect((await h.as(viewer).get('/api/users?sort=-lastLoginAt')).statusCode).toBe(400);
  });
});
