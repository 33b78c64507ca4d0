import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { setup, type Session } from './harness.ts';

const h = await setup();
const admin = () => h.as(h.org.admin);
const hr = await h.user(['hr']);
const agent = await h.user(['agent']);
const manager = await h.user(['manager']);
const handler = await h.user(['agent']);

/** A user linked to an employee record (self-service). */
async function employee(name: string): Promise<{ s: Session; partyId: string }> {
  const s = await h.user(['employee'], { name });
  const p = await h.as(hr).post('/api/parties', {
    kind: 'person',
    displayName: name,
    emails: [`${name.toLowerCase()}@corp.example`],
    roles: [{ role: 'employee' }],
  });
  expect(p.statusCode, p.body).toBe(201);
  await h.db.db.updateTable('app_user').set({ party_id: p.json().id }).where('id', '=', s.userId).execute();
  return { s, partyId: p.json().id };
}

/** Every table's rows whose text contains one of the needles: table → count. */
async function traces(needles: string[]): Promise<Record<string, number>> {
  const tables = await sql<{
    t: string;
  }>`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(
    h.db.db,
  );
  const out: Record<string, number> = {};
  for (const { t } of tables.rows) {
    const conds = needles.map((n) => sql`x::text ilike ${`%${n}%`}`);
    const r = await sql<{
      n: number;
    }>`select count(*)::int as n from ${sql.table(t)} x where ${sql.join(conds, sql` or `)}`.execute(h.db.db);
    if ((r.rows[0]?.n ?? 0) > 0) {
      out[t] = r.rows[0]?.n ?? 0;
    }
  }
  return out;
}

describe('grievances', () => {
  it('a named grievance is visible to HR, admin, the assigned handler and the submitter only', async () => {
    const e = await employee('Lina');
    const filed = await h
      .as(e.s)
      .post('/api/grievances', { subject: 'Unpaid overtime', description: 'Three weekends in May' });
    expect(filed.statusCode, filed.body).toBe(201);
    const { id, followUpCode } = filed.json();
    expect(followUpCode).toBeNull();
    const g = (await h.as(hr).get(`/api/cases/${id}`)).json();
    expect(g).toMatchObject({
      type: 'grievance',
      anonymous: false,
      submitterId: e.s.userId,
      partyId: e.partyId,
      channel: 'self_service',
    });
    expect((await admin().get(`/api/cases/${id}`)).statusCode).toBe(200);
    expect((await h.as(e.s).get(`/api/cases/${id}`)).statusCode).toBe(200);
    for (const other of [agent, manager, handler]) {
      expect((await h.as(other).get(`/api/cases/${id}`)).statusCode).toBe(404);
      expect((await h.as(other).get('/api/cases?type=grievance')).json().items).toHaveLength(0);
    }
    await h.as(hr).patch(`/api/cases/${id}`, { assigneeId: handler.userId, version: g.version });
    expect((await h.as(handler).get(`/api/cases/${id}`)).statusCode).toBe(200);
    // The submitter reads public replies, never internal notes, and cannot change the case.
    await h.as(handler).post(`/api/cases/${id}/replies`, { body: 'We are looking into it', visibility: 'public' });
    await h.as(handler).post(`/api/cases/${id}/replies`, { body: 'Payroll says 2 weekends', visibility: 'internal' });
    const mine = (await h.as(e.s).get(`/api/cases/${id}/events`))
      .json()
      .items.map((x: { body: string | null }) => x.body);
    expect(mine).toEqual(['We are looking into it']);
    const back = await h.as(e.s).post(`/api/cases/${id}/replies`, { body: 'It was three' });
    expect(back.json().kind).toBe('follow_up');
    expect((await h.as(e.s).patch(`/api/cases/${id}`, { status: 'closed', version: 1 })).statusCode).toBe(403);
    // On the employee's timeline for HR (grievances are hidden from other readers of the party).
    const tl = (await h.as(hr).get(`/api/parties/${e.partyId}/timeline`))
      .json()
      .items.filter((x: { type: string }) => x.type === 'event');
    expect(tl).toHaveLength(1);
  });

  it('only signed-in users linked to an employee record file grievances', async () => {
    expect((await h.as(agent).post('/api/grievances', { subject: 'x', description: 'y' })).statusCode).toBe(403);
    expect(
      (await h.app.inject({ method: 'POST', url: '/api/grievances', payload: { subject: 'x', description: 'y' } }))
        .statusCode,
    ).toBe(401);
    const e = await employee('Empty');
    expect((await h.as(e.s).post('/api/grievances', { subject: '', description: 'y' })).statusCode).toBe(400);
  });

  it('an anonymous grievance leaves no trace of its submitter in any table, and the code reads and answers replies', async () => {
    const e = await employee('Mingzhu');
    const needles = [e.s.userId, e.partyId, 'Mingzhu', e.s.email];
    const before = await traces(needles);
    // A session idle long enough to be extended by its next request: filing must not touch it (a row of the
    // submitter's written in the same moment as the grievance would tie the two by transaction id).
    const idle = new Date(Date.now() - 3_600_000);
    await h.db.db.updateTable('session').set({ last_seen_at: idle }).where('user_id', '=', e.s.userId).execute();
    const sessionXmin = async () =>
      (await sql<{ x: string }>`select xmin::text as x from session where user_id = ${e.s.userId}`.execute(h.db.db))
        .rows[0]?.x;
    const xminBefore = await sessionXmin();
    const filed = await h
      .as(e.s)
      .post('/api/grievances', { subject: 'Harassment by a team lead', description: 'Details…', anonymous: true });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(await sessionXmin()).toBe(xminBefore);
    // Any other request of theirs extends it as usual (so the check above can fail).
    expect((await h.as(e.s).get('/api/auth/me')).statusCode).toBe(200);
    expect(await sessionXmin()).not.toBe(xminBefore);
    const { id, followUpCode } = filed.json();
    expect(id).toBeNull();
    expect(followUpCode).toMatch(/^[\w-]{20,}$/);

    const list = (await h.as(hr).get('/api/cases?type=grievance')).json().items;
    const g = list.find((x: { subject: string }) => x.subject === 'Harassment by a team lead');
    expect(g).toMatchObject({ anonymous: true, submitterId: null, partyId: null, createdBy: null });
    expect(g.createdAt).toMatch(/T00:00:00\.000Z$/);
    // Not even the submitter sees it in the signed-in app, nor does an admin learn who filed it.
    expect((await h.as(e.s).get(`/api/cases/${g.id}`)).statusCode).toBe(404);
    // No audit row (its identity column and time would place it among the rows of people active then): a daily count.
    const audit = await h.db.db.selectFrom('audit_log').selectAll().where('entity_id', '=', g.id).execute();
    expect(audit).toHaveLength(0);
    const today = new Date().toISOString().slice(0, 10);
    const counts = await h.as(h.org.admin).get(`/api/audit/daily-counts?from=${today}&to=${today}`);
    expect(counts.statusCode, counts.body).toBe(200);
    expect(counts.json().items).toContainEqual({ day: today, action: 'grievance.create', count: 1 });
    expect((await h.as(hr).get(`/api/audit/daily-counts?from=${today}&to=${today}`)).statusCode).toBe(403);

    await h
      .as(hr)
      .post(`/api/cases/${g.id}/replies`, { body: 'Thank you. Can you tell us the week?', visibility: 'public' });
    await h.as(hr).post(`/api/cases/${g.id}/replies`, { body: 'Check the rota', visibility: 'internal' });
    const cur = (await h.as(hr).get(`/api/cases/${g.id}`)).json();
    await h.as(hr).patch(`/api/cases/${g.id}`, { status: 'pending', version: cur.version });

    const read = await h.app.inject({
      method: 'GET',
      url: `/api/public/grievances/${followUpCode}`,
      remoteAddress: '10.7.0.1',
    });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({
      subject: 'Harassment by a team lead',
      status: 'pending',
      messages: [{ from: 'handler', body: 'Thank you. Can you tell us the week?' }],
    });
    const wrote = await h.app.inject({
      method: 'POST',
      url: `/api/public/grievances/${followUpCode}/messages`,
      payload: { body: 'The week of 12 May' },
      remoteAddress: '10.7.0.1',
    });
    expect(wrote.statusCode, wrote.body).toBe(201);
    expect((await h.as(hr).get(`/api/cases/${g.id}`)).json().status).toBe('open');
    const events = (await h.as(hr).get(`/api/cases/${g.id}/events`)).json().items;
    expect(events.find((x: { kind: string }) => x.kind === 'follow_up')).toMatchObject({
      actorId: null,
      body: 'The week of 12 May',
    });
    expect(
      (
        await h.app.inject({
          method: 'GET',
          url: `/api/public/grievances/${'x'.repeat(32)}`,
          remoteAddress: '10.7.0.2',
        })
      ).statusCode,
    ).toBe(404);

    // The export of grievances shows no submitter, in the machine format and the readable one.
    for (const format of ['raw=true', 'lang=en', 'lang=zh-CN']) {
      const csv = (await h.as(hr).get(`/api/cases/export?type=grievance&${format}`)).body;
      expect(csv).toContain('Harassment by a team lead');
      for (const n of needles) {
        expect(csv).not.toContain(n);
      }
    }
    // Nothing new anywhere mentions the submitter: same rows as before filing (sessions only refreshed).
    const after = await traces(needles);
    expect(after).toEqual(before);
    const row = await sql<{ t: string }>`select c::text as t from service_case c where id = ${g.id}`.execute(h.db.db);
    const evs = await sql<{ t: string }>`select e::text as t from case_event e where case_id = ${g.id}`.execute(
      h.db.db,
    );
    for (const n of needles) {
      expect(row.rows[0]?.t).not.toContain(n);
      expect(evs.rows.map((r) => r.t).join('\n')).not.toContain(n);
    }
  });

  it('"My grievances" lists the named grievances the employee filed, never an anonymous one or anyone else\'s', async () => {
    const e = await employee('Wenjie');
    const first = await h.as(e.s).post('/api/grievances', { subject: 'Shift swaps', description: 'Refused twice' });
    await new Promise((r) => setTimeout(r, 5));
    const second = await h.as(e.s).post('/api/grievances', { subject: 'Heating', description: 'Cold office' });
    await h.as(e.s).post('/api/grievances', { subject: 'Anonymous one', description: 'x', anonymous: true });
    const other = await employee('Other');
    await h.as(other.s).post('/api/grievances', { subject: 'Not yours', description: 'y' });
    type Mine = { items: { id: string; subject: string; status: string; createdAt: string; lastActivityAt: string }[] };
    const list = (await h.as(e.s).get('/api/me/grievances')).json<Mine>();
    expect(list.items.map((g) => g.subject)).toEqual(['Heating', 'Shift swaps']);
    expect(list.items.map((g) => g.id)).toEqual([second.json().id, first.json().id]);
    // A public reply is activity the submitter sees; an internal note is not.
    const id = first.json().id as string;
    const before = list.items[1]?.lastActivityAt ?? '';
    await h.as(hr).post(`/api/cases/${id}/replies`, { body: 'Internal', visibility: 'internal' });
    const afterNote = (await h.as(e.s).get('/api/me/grievances')).json<Mine>().items.find((g) => g.id === id);
    expect(afterNote?.lastActivityAt).toBe(before);
    await h.as(hr).post(`/api/cases/${id}/replies`, { body: 'We will fix the rota', visibility: 'public' });
    const afterReply = (await h.as(e.s).get('/api/me/grievances')).json<Mine>().items.find((g) => g.id === id);
    expect(Date.parse(afterReply?.lastActivityAt ?? '')).toBeGreaterThan(Date.parse(before));
    // HR sees none of them here: the list is the submitter's own.
    expect((await h.as(hr).get('/api/me/grievances')).json<Mine>().items).toEqual([]);
  });
});
