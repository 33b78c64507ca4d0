import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { fewVisible } from '../src/platform/db/count.ts';
import { setup, type Session } from './harness.ts';
import { settingsSeen } from './settings-seen.ts';

const h = await setup();
const put = (s: Session, url: string, body: unknown) =>
  h.app.inject({ method: 'PUT', url, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: body as object });

let manager: Session, agent1: Session, agent2: Session, hr: Session, exec: Session, employee: Session, report: Session;
let customerId: string, employeeParty: string, reportParty: string;

beforeAll(async () => {
  const a = h.as(h.org.admin);
  manager = await h.user(['manager'], { name: '销售经理' });
  const sales = (await a.post('/api/org-units', { name: '销售部', managerUserId: manager.userId })).json();
  const eng = (await a.post('/api/org-units', { name: '研发部' })).json();
  agent1 = await h.user(['agent'], { orgUnitId: sales.id });
  agent2 = await h.user(['agent'], { orgUnitId: sales.id });
  hr = await h.user(['hr']);
  exec = await h.user(['executive']);
  employee = await h.user(['employee'], { orgUnitId: eng.id });
  report = await h.user(['employee'], { orgUnitId: eng.id });

  customerId = (
    await h.as(agent1).post('/api/parties', { kind: 'person', displayName: '私有客户', roles: [{ role: 'customer' }] })
  ).json().id;
  const mkEmployee = async (name: string, managerId: string, user: Session) => {
    const res = await h.as(hr).post('/api/parties', {
      kind: 'person',
      displayName: name,
      emails: [`${user.email}`],
      birthday: '1990-01-01',
      roles: [
        {
          role: 'employee',
          stage: 'stable',
          employment: {
            jobTitle: '工程师',
            orgUnitId: eng.id,
            managerId,
            salary: 20000,
            grade: 'P6',
            employeeNo: `E-${name}`,
          },
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    // The user ↔ party link has no API yet (users are platform); set it as an admin tool would.
    await h.db.db.updateTable('app_user').set({ party_id: id }).where('id', '=', user.userId).execute();
    return id;
  };
  employeeParty = await mkEmployee('员工甲', manager.userId, employee);
  reportParty = await mkEmployee('员工乙', employee.userId, report);
  // Sessions carry the actor resolved per request, so the new party link applies at once.
});

const get = (s: Session, id: string) => h.as(s).get(`/api/parties/${id}`);
const listIds = async (s: Session, qs = '') =>
  (await h.as(s).get(`/api/parties?limit=500${qs}`)).json().items.map((p: { id: string }) => p.id);

describe('private customers', () => {
  it('are visible to the owner, their managers, admins and executives; another agent and HR get 404', async () => {
    for (const s of [agent1, manager, h.org.admin, exec]) {
      expect((await get(s, customerId)).statusCode).toBe(200);
      expect(await listIds(s)).toContain(customerId);
    }
    for (const s of [agent2, hr, employee]) {
      const res = await get(s, customerId);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
      expect(await listIds(s)).not.toContain(customerId);
      expect((await h.as(s).get(`/api/search?q=${encodeURIComponent('私有客户')}`)).json().items).toEqual([]);
      expect((await h.as(s).patch(`/api/parties/${customerId}`, { displayName: 'x', version: 1 })).statusCode).toBe(
        404,
      );
      expect((await h.as(s).delete(`/api/parties/${customerId}`)).statusCode).toBe(404);
      expect((await h.as(s).get(`/api/parties/${customerId}/history`)).statusCode).toBe(404);
      expect((await h.as(s).get(`/api/parties/${customerId}/timeline`)).statusCode).toBe(404);
      expect((await put(s, `/api/parties/${customerId}/roles/customer`, { stage: 'new', version: 1 })).statusCode).toBe(
        404,
      );
    }
  });

  it('the manager of the owner may change it; the backup owner sees it too', async () => {
    const res = await h.as(manager).patch(`/api/parties/${customerId}`, { backupOwnerId: agent2.userId, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect((await get(agent2, customerId)).statusCode).toBe(200);
    const back = await h.as(agent1).patch(`/api/parties/${customerId}`, { backupOwnerId: null, version: 2 });
    expect(back.statusCode).toBe(200);
    expect((await get(agent2, customerId)).statusCode).toBe(404);
  });

  it('public_read lets everyone read but only the owner’s circle write', async () => {
    await sql`update organization set settings = settings || '{"customerVisibility": "public_read"}' where org_id = ${h.org.orgId}`.execute(
      h.db.db,
    );
    await settingsSeen(h);
    try {
      expect((await get(agent2, customerId)).statusCode).toBe(200);
      expect(
        (await h.as(agent2).patch(`/api/parties/${customerId}`, { displayName: 'x', version: 3 })).statusCode,
      ).toBe(404);
    } finally {
      await sql`update organization set settings = settings - 'customerVisibility' where org_id = ${h.org.orgId}`.execute(
        h.db.db,
      );
      await settingsSeen(h);
    }
    expect((await get(agent2, customerId)).statusCode).toBe(404);
  });
});

describe('employee records', () => {
  const salaryOf = (p: { roles: { employment?: { salary?: string | null } }[] }) => p.roles[0]?.employment?.salary;

  it('HR, admins, the manager (direct and through the chain) and the employee see sensitive fields', async () => {
    for (const [who, s] of [
      ['hr', hr],
      ['admin', h.org.admin],
      ['manager', manager],
      ['self', employee],
    ] as const) {
      const p = (await get(s, employeeParty)).json();
      expect(p.access, who).toBe('full');
      expect(salaryOf(p), who).toBe('20000');
      expect(p.roles[0].employment.grade, who).toBe('P6');
    }
    // 员工乙 reports to 员工甲, who reports to the manager: the manager sees both; 员工甲 sees their report.
    expect(salaryOf((await get(manager, reportParty)).json())).toBe('20000');
    expect(salaryOf((await get(employee, reportParty)).json())).toBe('20000');
  });

  it('everyone else gets directory fields only: name, contacts, title, unit', async () => {
    for (const s of [agent1, report]) {
      const res = await get(s, employeeParty);
      expect(res.statusCode).toBe(200);
      const p = res.json();
      expect(p).toMatchObject({
        access: 'directory',
        displayName: '员工甲',
        roles: [],
        directory: { jobTitle: '工程师', managerId: manager.userId },
      });
      expect(p.emails).toEqual([employee.email]);
      for (const key of ['birthday', 'profile', 'custom', 'tags', 'ownerId']) {
        expect(p, key).not.toHaveProperty(key);
      }
      expect(JSON.stringify(p)).not.toContain('20000');
      expect((await h.as(s).get(`/api/parties/${employeeParty}/history`)).statusCode).toBe(404);
      expect((await h.as(s).get(`/api/parties/${employeeParty}/timeline`)).statusCode).toBe(404);
      expect((await h.as(s).patch(`/api/parties/${employeeParty}`, { displayName: 'x', version: 1 })).statusCode).toBe(
        404,
      );
    }
    const list = (await h.as(agent1).get(`/api/parties?role=employee&limit=100`)).json().items;
    expect(list.map((p: { displayName: string }) => p.displayName).sort()).toEqual(['员工乙', '员工甲']);
    expect(JSON.stringify(list)).not.toContain('20000');
    // Filters on what a directory reader cannot see do not reveal anything.
    expect(await listIds(agent1, '&role=employee&stage=stable')).toEqual([]);
  });

  it('executives get the directory form of employee records, and cannot change or delete them', async () => {
    // "Executives see all owned records" covers customers, never an employee's file.
    const p = (await get(exec, employeeParty)).json();
    expect(p).toMatchObject({ access: 'directory', roles: [] });
    for (const key of ['birthday', 'profile', 'custom', 'tags', 'address']) {
      expect(p, key).not.toHaveProperty(key);
    }
    expect((await h.as(exec).patch(`/api/parties/${employeeParty}`, { displayName: 'x', version: 1 })).statusCode).toBe(
      404,
    );
    expect((await h.as(exec).delete(`/api/parties/${employeeParty}`)).statusCode).toBe(404);
    expect((await h.as(exec).get(`/api/parties/${employeeParty}/history`)).statusCode).toBe(404);
    expect((await h.as(exec).get(`/api/parties/${employeeParty}/timeline`)).statusCode).toBe(404);
    const note = await h.as(exec).post('/api/interactions', { partyId: employeeParty, channel: 'phone', subject: 'x' });
    expect(note.statusCode).toBe(404);
    // The public visibility settings open customers, not employees.
    await sql`update organization set settings = settings || '{"customerVisibility": "public_read_write"}' where org_id = ${h.org.orgId}`.execute(
      h.db.db,
    );
    await settingsSeen(h);
    try {
      expect((await get(agent2, employeeParty)).json().access).toBe('directory');
    } finally {
      await sql`update organization set settings = settings - 'customerVisibility' where org_id = ${h.org.orgId}`.execute(
        h.db.db,
      );
      await settingsSeen(h);
    }
  });

  it('search and filters match only what the reader may read: no employee found by a tag they cannot see', async () => {
    const tagged = await h.as(hr).patch(`/api/parties/${employeeParty}`, {
      tags: ['flight-risk'],
      version: (await get(hr, employeeParty)).json().version,
    });
    expect(tagged.statusCode, tagged.body).toBe(200);
    expect(await listIds(hr, '&q=flight-risk')).toEqual([employeeParty]);
    for (const s of [agent1, exec, report]) {
      expect(await listIds(s, '&q=flight-risk')).toEqual([]);
      expect(await listIds(s, '&q=fl')).toEqual([]);
      expect(await listIds(s, '&tag=flight-risk')).toEqual([]);
      const search = (await h.as(s).get('/api/search?q=flight-risk')).json();
      expect(search.items.filter((i: { type: string }) => i.type === 'party')).toEqual([]);
      // Directory fields still find the person: name and work email.
      expect(await listIds(s, `&q=${encodeURIComponent('员工甲')}`)).toContain(employeeParty);
      expect(await listIds(s, `&q=${encodeURIComponent(employee.email.slice(0, 8))}`)).toContain(employeeParty);
    }
  });

  it('a manager may not read the salaries of people outside their reports', async () => {
    const other = await h.user(['manager']);
    const p = (await get(other, employeeParty)).json();
    expect(p.access).toBe('directory');
  });
});

describe("lists read a restricted reader's parties by key when they are few, row by row when many", () => {
  // fewVisible.max decides the plan (platform/db/count.ts); both ways must give the same pages.
  const pages = async (s: Session) => ({
    parties: await listIds(s),
    customers: await listIds(s, '&role=customer&sort=displayName'),
    search: await listIds(s, `&q=${encodeURIComponent('客户')}`),
    transactions: (await h.as(s).get('/api/transactions?limit=500')).json().items.map((t: { id: string }) => t.id),
  });

  it('agents, managers, HR and employees get the same parties and transactions either way', async () => {
    const a = h.as(h.org.admin);
    const backed = (
      await a.post('/api/parties', {
        kind: 'person',
        displayName: '备份客户',
        ownerId: agent2.userId,
        backupOwnerId: agent1.userId,
        roles: [{ role: 'customer' }],
      })
    ).json().id as string;
    const gone = (
      await h
        .as(agent1)
        .post('/api/parties', { kind: 'person', displayName: '已删客户', roles: [{ role: 'customer' }] })
    ).json();
    const sale = await a.post('/api/transactions', { partyId: customerId, amount: 20, currency: 'CNY' });
    expect(sale.statusCode, sale.body).toBe(201);
    const goneSale = await a.post('/api/transactions', { partyId: gone.id, amount: 30, currency: 'CNY' });
    expect(goneSale.statusCode, goneSale.body).toBe(201);
    expect((await a.delete(`/api/parties/${gone.id}?version=${gone.version}`)).statusCode).toBe(204);

    const byKey = new Map<Session, Awaited<ReturnType<typeof pages>>>();
    for (const s of [agent1, agent2, manager, hr, employee, report]) {
      byKey.set(s, await pages(s));
    }
    const saved = fewVisible.max;
    fewVisible.max = -1;
    try {
      for (const s of [agent1, agent2, manager, hr, employee, report]) {
        expect(await pages(s)).toEqual(byKey.get(s));
      }
    } finally {
      fewVisible.max = saved;
    }
    const agentPages = byKey.get(agent1);
    // The owner and the backup owner see the customer; the deleted one and its sale are gone; the directory stays.
    expect(agentPages?.parties).toEqual(expect.arrayContaining([customerId, backed, employeeParty, reportParty]));
    expect(agentPages?.parties).not.toContain(gone.id);
    expect(agentPages?.search).toEqual(expect.arrayContaining([customerId, backed]));
    expect(agentPages?.transactions).toEqual([sale.json().id]);
    // The other agent owns `backed` only; their manager sees both agents' customers.
    expect(byKey.get(agent2)?.customers).toEqual([backed]);
    expect(byKey.get(agent2)?.transactions).toEqual([]);
    expect(byKey.get(manager)?.customers).toEqual(expect.arrayContaining([customerId, backed]));
    expect(byKey.get(manager)?.transactions).toEqual([sale.json().id]);
    // HR and plain employees see no customer of the agents.
    for (const s of [hr, employee]) {
      expect(byKey.get(s)?.customers).not.toContain(customerId);
      expect(byKey.get(s)?.transactions).toEqual([]);
    }
  });
});

describe('organisations are isolated', () => {
  it('another organisation’s admin cannot see, change, merge or log against a party', async () => {
    const other = await h.newOrg('other-parties');
    const o = h.as(other.admin);
    expect((await o.get(`/api/parties/${customerId}`)).statusCode).toBe(404);
    expect((await o.patch(`/api/parties/${customerId}`, { displayName: 'pwned', version: 1 })).statusCode).toBe(404);
    expect(
      (await put(other.admin, `/api/parties/${customerId}/roles/customer`, { stage: 'new', version: 1 })).statusCode,
    ).toBe(404);
    expect(
      (await o.post('/api/interactions', { partyId: customerId, channel: 'phone', subject: 'x' })).statusCode,
    ).toBe(404);
    expect(
      (
        await o.post('/api/tasks', {
          partyId: customerId,
          kind: 'call_back',
          title: 'x',
          dueAt: new Date().toISOString(),
        })
      ).statusCode,
    ).toBe(404);
    const mine = (await o.post('/api/parties', { kind: 'person', displayName: '私有客户' })).json();
    expect((await o.post(`/api/parties/${mine.id}/merge`, { intoId: customerId })).statusCode).toBe(404);
    expect(
      (await o.get(`/api/parties?q=${encodeURIComponent('私有客户')}`)).json().items.map((p: { id: string }) => p.id),
    ).toEqual([mine.id]);
    expect((await o.get('/api/parties?limit=500')).json().items.map((p: { id: string }) => p.id)).toEqual([mine.id]);
  });
});
