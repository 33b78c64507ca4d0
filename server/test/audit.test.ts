import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { setup } from './harness.ts';

const h = await setup();
const admin = () => h.as(h.org.admin);

type Entry = {
  action: string;
  entityType: string;
  entityId: string | null;
  actorId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
};
const entries = async (qs: string): Promise<Entry[]> => {
  const res = await admin().get(`/api/audit?${qs}`);
  expect(res.statusCode).toBe(200);
  return res.json().items;
};

describe('audit log', () => {
  it('records login and logout with the request id and address', async () => {
    const u = await h.user(['agent']);
    const out = await h.as(u).post('/api/auth/logout', undefined, { headers: { 'x-request-id': 'req-logout-1' } });
    expect(out.headers['x-request-id']).toBe('req-logout-1');
    const rows = await entries(`actorId=${u.userId}`);
    expect(rows.map((r) => r.action)).toEqual(['logout', 'login']);
    expect(rows[0]).toMatchObject({ entityType: 'session', requestId: 'req-logout-1', ip: '127.0.0.1' });
  });

  it('records a failed sign-in against the account, as anonymous', async () => {
    const u = await h.user(['agent']);
    await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: u.email, password: 'wrong-wrong-wrong' },
    });
    const rows = await entries(`entityType=user&entityId=${u.userId}&action=login_failed`);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.actorId).toBeNull();
  });

  it('records user creation and changes with before/after, never the password', async () => {
    const created = (
      await admin().post('/api/users', {
        email: 'aud@example.com',
        displayName: 'Aud',
        password: 'secret-password-1',
        roles: ['agent'],
      })
    ).json();
    await admin().patch(`/api/users/${created.id}`, {
      roles: ['agent', 'manager'],
      password: 'another-password-2',
      version: 1,
    });
    const rows = await entries(`entityType=user&entityId=${created.id}`);
    expect(rows.map((r) => r.action)).toEqual(['update_password', 'create']);
    expect(rows[0]).toMatchObject({
      actorId: h.org.admin.userId,
      before: { roles: ['agent'] },
      after: { roles: ['agent', 'manager'] },
    });
    const all = JSON.stringify(rows);
    expect(all).not.toContain('secret-password-1');
    expect(all).not.toContain('another-password-2');
    expect(all).not.toContain('argon2');
  });

  it('records token creation and revocation, never the token itself', async () => {
    const res = (await admin().post('/api/tokens', { name: 'audit-me' })).json();
    await admin().delete(`/api/tokens/${res.id}`);
    const rows = await entries(`entityType=token&entityId=${res.id}`);
    expect(rows.map((r) => r.action)).toEqual(['revoke', 'create']);
    expect(JSON.stringify(rows)).not.toContain(res.token);
  });

  it('records org unit changes', async () => {
    const unit = (await admin().post('/api/org-units', { name: '审计部' })).json();
    await admin().patch(`/api/org-units/${unit.id}`, { name: '内审部', version: 1 });
    const rows = await entries(`entityType=org_unit&entityId=${unit.id}`);
    expect(rows.map((r) => [r.action, r.after])).toEqual([
      ['update', { name: '内审部' }],
      ['create', expect.objectContaining({ name: '审计部' })],
    ]);
  });

  it('is for admins only', async () => {
    const u = await h.user(['executive', 'hr', 'manager']);
    expect((await h.as(u).get('/api/audit')).statusCode).toBe(403);
  });

  it('is append-only: the database refuses updates and deletes', async () => {
    await expect(sql`update audit_log set action = 'tampered'`.execute(h.db.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(h.db.db)).rejects.toThrow(/append-only/);
    const rows = await entries('limit=500');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.action === 'tampered')).toBe(false);
  });

  it("lets a purge's redaction through and nothing else: only blanking before/after, only when asked for", async () => {
    const db = h.db.db;
    // Without the transaction's flag even a redaction is refused.
    await expect(sql`update audit_log set before = null, after = null`.execute(db)).rejects.toThrow(/append-only/);
    // With it, anything but blanking before and after is still refused.
    for (const change of [
      sql`action = 'tampered'`,
      sql`before = null, after = null, actor_id = null`,
      sql`after = '{}'`,
    ]) {
      await expect(
        db.transaction().execute(async (trx) => {
          await sql`select set_config('tandem.audit_redaction', 'on', true)`.execute(trx);
          await sql`update audit_log set ${change}`.execute(trx);
        }),
      ).rejects.toThrow(/append-only/);
    }
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`select set_config('tandem.audit_redaction', 'on', true)`.execute(trx);
        await sql`delete from audit_log`.execute(trx);
      }),
    ).rejects.toThrow(/append-only/);
    expect((await entries('limit=500')).some((r) => r.action === 'tampered')).toBe(false);
  });

  it('another organisation sees none of it', async () => {
    const other = await h.newOrg('audit-other');
    const rows = (await h.as(other.admin).get('/api/audit?limit=500')).json().items as Entry[];
    expect(rows.every((r) => r.actorId === null || r.actorId === other.admin.userId)).toBe(true);
    expect(rows.map((r) => r.action)).toContain('login');
  });
});
