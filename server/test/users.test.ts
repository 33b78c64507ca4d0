import { describe, expect, it } from 'vitest';
import { setup } from './harness.ts';

const h = await setup();
const admin = () => h.as(h.org.admin);

describe('users', () => {
  it('an admin creates a user with several roles; the password is never returned', async () => {
    const res = await admin().post('/api/users', {
      email: ' Li.Lei@Example.com ',
      displayName: '李雷',
      password: 'a-long-password',
      roles: ['agent', 'manager'],
      locale: 'zh-CN',
    });
    expect(res.statusCode).toBe(201);
    const u = res.json();
    expect(u).toMatchObject({
      email: 'li.lei@example.com',
      displayName: '李雷',
      roles: ['agent', 'manager'],
      locale: 'zh-CN',
      active: true,
      version: 1,
    });
    expect(Object.keys(u)).not.toContain('password');
    expect(JSON.stringify(u)).not.toContain('argon2');
    const signIn = await h.login('li.lei@example.com', 'a-long-password');
    expect(signIn.userId).toBe(u.id);
  });

  it('stores a password as argon2id', async () => {
    const row = await h.db.db
      .selectFrom('app_user')
      .select('password_hash')
      .where('email', '=', 'li.lei@example.com')
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a duplicate email with 409 CONFLICT', async () => {
    const res = await admin().post('/api/users', {
      email: 'LI.LEI@example.com',
      displayName: 'x',
      password: 'a-long-password',
      roles: ['agent'],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CONFLICT');
  });

  it('validates input field by field', async () => {
    const res = await admin().post('/api/users', {
      email: 'not-an-email',
      displayName: '',
      password: 'short',
      roles: ['wizard'],
      extra: 1,
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    const paths = error.details.map((d: { path: string[] }) => d.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.displayName', 'body.password', 'body.roles.0']));
    expect(JSON.stringify(error.details)).toContain('extra');
  });

  it('only admins create or change users (403 for others)', async () => {
    const agent = await h.user(['agent', 'manager', 'hr']);
    const res = await h
      .as(agent)
      .post('/api/users', { email: 'x@example.com', displayName: 'x', password: 'a-long-password', roles: ['agent'] });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    const patch = await h.as(agent).patch(`/api/users/${agent.userId}`, { roles: ['admin'], version: 1 });
    expect(patch.statusCode).toBe(403);
    const me = (await h.as(agent).get('/api/auth/me')).json();
    expect(me.user.roles).not.toContain('admin');
  });

  it('users of another organisation answer 404', async () => {
    const other = await h.newOrg('elsewhere');
    const res = await h.as(other.admin).get(`/api/users/${h.org.admin.userId}`);
    expect(res.statusCode).toBe(404);
    const patch = await h
      .as(other.admin)
      .patch(`/api/users/${h.org.admin.userId}`, { displayName: 'pwned', version: 1 });
    expect(patch.statusCode).toBe(404);
    const list = (await h.as(other.admin).get('/api/users?limit=500')).json().items;
    expect(list.map((u: { orgId: string }) => u.orgId)).toEqual([other.orgId]);
  });

  it('a bad id answers 400, an unknown one 404', async () => {
    expect((await admin().get('/api/users/not-a-uuid')).statusCode).toBe(400);
    expect((await admin().get("/api/users/1' or '1'='1")).statusCode).toBe(400);
    expect((await admin().get('/api/users/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('versions', () => {
  it('an update needs the version; a stale one answers 409 with the current record', async () => {
    const u = (
      await admin().post('/api/users', {
        email: 'v@example.com',
        displayName: 'V',
        password: 'a-long-password',
        roles: ['agent'],
      })
    ).json();
    const missing = await admin().patch(`/api/users/${u.id}`, { displayName: 'V2' });
    expect(missing.statusCode).toBe(400);
    const ok = await admin().patch(`/api/users/${u.id}`, { displayName: 'V2', version: 1 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ displayName: 'V2', version: 2 });
    const stale = await admin().patch(`/api/users/${u.id}`, { displayName: 'V3', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { current: { displayName: 'V2', version: 2 } },
    });
    const viaHeader = await admin().patch(
      `/api/users/${u.id}`,
      { displayName: 'V3' },
      { headers: { 'if-match': '"2"' } },
    );
    expect(viaHeader.statusCode).toBe(200);
    expect(viaHeader.json().version).toBe(3);
    expect(
      (await admin().patch(`/api/users/${u.id}`, { displayName: 'V4' }, { headers: { 'if-match': 'garbage' } }))
        .statusCode,
    ).toBe(400);
  });

  it('of concurrent updates from one version exactly one wins; the others get 409', async () => {
    const u = (
      await admin().post('/api/users', {
        email: 'race@example.com',
        displayName: 'R',
        password: 'a-long-password',
        roles: ['agent'],
      })
    ).json();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        admin().patch(`/api/users/${u.id}`, { displayName: `R${i}`, version: u.version }),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409, 409, 409, 409, 409]);
    const final = (await admin().get(`/api/users/${u.id}`)).json();
    expect(final.version).toBe(2);
    const winner = results.find((r) => r.statusCode === 200)?.json();
    expect(final.displayName).toBe(winner.displayName);
  });
});

describe('admin safety', () => {
  it('the last active admin cannot be deactivated or demoted', async () => {
    const other = await h.newOrg('solo');
    const me = (await h.as(other.admin).get(`/api/users/${other.admin.userId}`)).json();
    const res = await h.as(other.admin).patch(`/api/users/${me.id}`, { active: false, version: me.version });
    expect(res.statusCode).toBe(409);
    const demote = await h.as(other.admin).patch(`/api/users/${me.id}`, { roles: ['agent'], version: me.version });
    expect(demote.statusCode).toBe(409);
    expect((await h.as(other.admin).get(`/api/users/${me.id}`)).json()).toMatchObject({
      active: true,
      roles: ['admin'],
      version: me.version,
    });
  });
});

describe('listing', () => {
  it('pages with a cursor, in a stable order, without repeats or gaps', async () => {
    const org = await h.newOrg('paging');
    for (let i = 0; i < 7; i++) {
      await h.as(org.admin).post('/api/users', {
        email: `p${i}@example.com`,
        displayName: `同名 Person`,
        password: 'a-long-password',
        roles: ['employee'],
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await h.as(org.admin).get(`/api/users?limit=3&sort=displayName${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      seen.push(...body.items.map((u: { id: string }) => u.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
  });

  it('sorts descending and filters by role, activity and text', async () => {
    const res = await admin().get('/api/users?sort=-createdAt&limit=2');
    const [a, b] = res.json().items;
    expect(new Date(a.createdAt).getTime()).toBeGreaterThanOrEqual(new Date(b.createdAt).getTime());
    const byRole = (await admin().get('/api/users?role=manager')).json().items;
    expect(byRole.length).toBeGreaterThan(0);
    expect(byRole.every((u: { roles: string[] }) => u.roles.includes('manager'))).toBe(true);
    const byText = (await admin().get(`/api/users?q=${encodeURIComponent('李')}`)).json().items;
    expect(byText.map((u: { displayName: string }) => u.displayName)).toContain('李雷');
    const literal = (await admin().get(`/api/users?q=${encodeURIComponent("%' or 1=1 --")}`)).json().items;
    expect(literal).toEqual([]);
  });

  it('rejects a bad cursor, limit or sort with 400', async () => {
    for (const qs of [
      'cursor=bm9wZQ',
      'cursor=%%%',
      'limit=0',
      'limit=100000',
      'sort=password_hash',
      'active=maybe',
      'bogus=1',
    ]) {
      const res = await admin().get(`/api/users?${qs}`);
      expect(res.statusCode, qs).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    const forged = Buffer.from(JSON.stringify(['x', "'; drop table app_user; --"])).toString('base64url');
    expect((await admin().get(`/api/users?cursor=${forged}`)).statusCode).toBe(400);
  });

  it('counts active users per role', async () => {
    const res = await admin().get('/api/users/stats');
    expect(res.statusCode).toBe(200);
    const admins = res.json().items.find((r: { role: string }) => r.role === 'admin');
    expect(admins.count).toBeGreaterThanOrEqual(1);
  });
});

describe('org units and teams', () => {
  it('builds a tree; a manager’s team is everyone in the units they manage, recursively', async () => {
    const org = await h.newOrg('tree');
    const a = h.as(org.admin);
    const mgr = (
      await a.post('/api/users', {
        email: 'boss@example.com',
        displayName: '张经理',
        password: 'a-long-password',
        roles: ['manager'],
      })
    ).json();
    const sales = (await a.post('/api/org-units', { name: '销售部', managerUserId: mgr.id })).json();
    const east = (await a.post('/api/org-units', { name: '华东区', parentId: sales.id })).json();
    const hr = (await a.post('/api/org-units', { name: 'HR' })).json();
    expect(east).toMatchObject({ parentId: sales.id, version: 1 });
    const inSales = (
      await a.post('/api/users', {
        email: 's1@example.com',
        displayName: 'S1',
        password: 'a-long-password',
        roles: ['agent'],
        orgUnitId: sales.id,
      })
    ).json();
    const inEast = (
      await a.post('/api/users', {
        email: 's2@example.com',
        displayName: 'S2',
        password: 'a-long-password',
        roles: ['agent'],
        orgUnitId: east.id,
      })
    ).json();
    await a.post('/api/users', {
      email: 'h1@example.com',
      displayName: 'H1',
      password: 'a-long-password',
      roles: ['hr'],
      orgUnitId: hr.id,
    });

    const boss = await h.login('boss@example.com', 'a-long-password');
    const team = (await h.as(boss).get('/api/users?scope=team'))
      .json()
      .items.map((u: { id: string }) => u.id)
      .sort();
    expect(team).toEqual([inSales.id, inEast.id].sort());

    const s1 = await h.login('s1@example.com', 'a-long-password');
    expect((await h.as(s1).get('/api/users?scope=team')).json().items).toEqual([]);
  });

  it('refuses a cycle, an unknown parent or manager, and non-admin writes', async () => {
    const a = admin();
    const top = (await a.post('/api/org-units', { name: 'Top' })).json();
    const mid = (await a.post('/api/org-units', { name: 'Mid', parentId: top.id })).json();
    const low = (await a.post('/api/org-units', { name: 'Low', parentId: mid.id })).json();
    const cycle = await a.patch(`/api/org-units/${top.id}`, { parentId: low.id, version: top.version });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.details[0].path).toEqual(['body', 'parentId']);
    const self = await a.patch(`/api/org-units/${top.id}`, { parentId: top.id, version: top.version });
    expect(self.statusCode).toBe(400);
    expect(
      (await a.post('/api/org-units', { name: 'X', parentId: '00000000-0000-4000-8000-000000000000' })).statusCode,
    ).toBe(400);
    expect(
      (await a.post('/api/org-units', { name: 'X', managerUserId: '00000000-0000-4000-8000-000000000000' })).statusCode,
    ).toBe(400);
    const agent = await h.user(['agent']);
    expect((await h.as(agent).post('/api/org-units', { name: 'Nope' })).statusCode).toBe(403);
    expect((await h.as(agent).get('/api/org-units')).statusCode).toBe(200);
    const moved = await a.patch(`/api/org-units/${low.id}`, { parentId: top.id, name: '低层', version: 1 });
    expect(moved.json()).toMatchObject({ parentId: top.id, name: '低层', version: 2 });
  });
});

describe('link to an employee record', () => {
  it('links a user to a party once; unknown parties are refused', async () => {
    const party = await admin().post('/api/parties', { kind: 'person', displayName: '周杰', roles: [] });
    expect(party.statusCode).toBe(201);
    const u = (
      await admin().post('/api/users', {
        email: 'zhou@example.com',
        displayName: '周杰',
        password: 'a-long-password',
        roles: ['employee'],
      })
    ).json();
    const linked = await admin().patch(`/api/users/${u.id}`, { partyId: party.json().id, version: u.version });
    expect(linked.statusCode).toBe(200);
    expect(linked.json().partyId).toBe(party.json().id);
    const other = (
      await admin().post('/api/users', {
        email: 'zhou2@example.com',
        displayName: '周杰2',
        password: 'a-long-password',
        roles: ['employee'],
      })
    ).json();
    const twice = await admin().patch(`/api/users/${other.id}`, { partyId: party.json().id, version: other.version });
    expect(twice.statusCode).toBe(409);
    const unknown = await admin().patch(`/api/users/${other.id}`, {
      partyId: '00000000-0000-4000-8000-000000000000',
      version: other.version,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].path).toEqual(['body', 'partyId']);
  });
});
