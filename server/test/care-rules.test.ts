import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { appDeps, buildApp } from '../src/app.ts';
import { CARE_REMINDER_JOB, raiseCareReminders } from '../src/modules/care/index.ts';
import { setup, type Session } from './harness.ts';

// Care rules and the daily reminder job: who would be reminded (a preview that writes nothing, under the reader's
// visibility), and one task per rule, party and occasion date however often, and from however many servers, it runs.

const h = await setup();
const db = h.db.db;
const admin = h.org.admin;
const DAY = 86_400_000;
const now = new Date();
const day = (offset: number, from = now) => new Date(from.getTime() + offset * DAY).toISOString().slice(0, 10);
/** The same month and day as `offset` days from now, in 1990 (avoiding 29 February). */
const bornOn = (offset: number) => `1990-${day(offset).slice(5)}`.replace('1990-02-29', '1990-02-28');
const agentA = await h.user(['agent'], { name: 'Agent A' });
const agentB = await h.user(['agent'], { name: 'Agent B' });

async function customer(by: Session, name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await h
    .as(by)
    .post('/api/parties', { kind: 'person', displayName: name, roles: [{ role: 'customer' }], ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}
const c1 = await customer(agentA, '王芳', { birthday: bornOn(3), locale: 'zh-CN' });
const c2 = await customer(agentB, 'Bob Brown', { birthday: bornOn(5) });
const c3 = await customer(agentA, 'Carol Chen', { birthday: bornOn(40) });

async function rule(by: Session, body: Record<string, unknown>, status = 201) {
  const res = await h.as(by).post('/api/care/rules', body);
  expect(res.statusCode, res.body).toBe(status);
  return res.json<{ id: string; version: number; scope: string; error?: { details: { path: string[] }[] } }>();
}
const birthday = await rule(admin, {
  name: 'Birthdays',
  kind: 'birthday',
  titleZh: '{{name}} {{years}} 岁生日 ({{date}})',
  titleEn: "{{name}}'s {{years}}th birthday ({{date}})",
  bodyEn: 'Send a card: rule {{rule}}',
});

type Task = { title: string; partyId: string | null; assigneeId: string; kind: string; notes: string | null };
const careTasks = async () =>
  (
    await sql<Task & { party_id: string; assignee_id: string }>`
      select title, notes, kind, party_id as "partyId", assignee_id as "assigneeId" from task
      where org_id = ${h.org.orgId} and kind = 'care' order by title`.execute(db)
  ).rows;
const reminderCount = async () =>
  (await sql<{ n: number }>`select count(*)::int as n from care_reminder where org_id = ${h.org.orgId}`.execute(db))
    .rows[0]?.n;

describe('care rules: preview', () => {
  it('lists who would be reminded in the next days, under the reader’s visibility, and writes nothing', async () => {
    const all = await h.as(admin).get(`/api/care/rules/${birthday.id}/preview?days=7`);
    expect(all.statusCode, all.body).toBe(200);
    const items = all.json<{ items: { partyId: string; occasionOn: string; title: string; created: boolean }[] }>()
      .items;
    expect(items.map((i) => i.partyId)).toEqual([c1, c2]);
    expect(items[0]).toMatchObject({ occasionOn: day(3), created: false });
    // The task goes to the owner (an English-speaking user here): the English title, 36 years after 1990.
    expect(items[0]?.title).toBe(`王芳's ${Number(day(3).slice(0, 4)) - 1990}th birthday (${day(3)})`);
    const mine = await h.as(agentA).get(`/api/care/rules/${birthday.id}/preview?days=60`);
    expect(mine.json<{ items: { partyId: string }[] }>().items.map((i) => i.partyId)).toEqual([c1, c3]);
    expect(await reminderCount()).toBe(0);
  });

  it('answers 400 on a bad number of days and 404 on an unknown rule', async () => {
    expect((await h.as(admin).get(`/api/care/rules/${birthday.id}/preview?days=0`)).statusCode).toBe(400);
    const unknown = await h.as(admin).get('/api/care/rules/00000000-0000-4000-8000-000000000000/preview');
    expect(unknown.statusCode).toBe(404);
  });
});

describe('care rules: the daily job', () => {
  it('creates one task per party and occasion, however often it runs', async () => {
    const at = new Date(now.getTime() + 5 * DAY); // window: 2 days back to today → c1 (day 3) and c2 (day 5)
    expect(await raiseCareReminders(db, at)).toBe(2);
    expect(await raiseCareReminders(db, at)).toBe(0);
    expect(await raiseCareReminders(db, new Date(at.getTime() + DAY))).toBe(0);
    const tasks = await careTasks();
    expect(tasks.map((t) => [t.partyId, t.assigneeId])).toEqual(
      expect.arrayContaining([
        [c1, agentA.userId],
        [c2, agentB.userId],
      ]),
    );
    expect(tasks).toHaveLength(2);
    expect(tasks.find((t) => t.partyId === c2)?.notes).toBe('Send a card: rule Birthdays');
    const preview = await h.as(admin).get(`/api/care/rules/${birthday.id}/preview?days=7`);
    expect(preview.json<{ items: { created: boolean }[] }>().items.map((i) => i.created)).toEqual([true, true]);
  });

  it('two servers running the job at once, and a restart, still make one task per occasion', async () => {
    const product = await h
      .as(admin)
      .post('/api/products', { name: '按摩椅', category: 'massage', currency: 'CNY', price: '10.00' });
    expect(product.statusCode, product.body).toBe(201);
    const productId = product.json<{ id: string }>().id;
    const buyers: string[] = [];
    for (const [i, owner] of [agentA, agentB, agentA].entries()) {
      const id = await customer(owner, `Buyer ${i}`);
      buyers.push(id);
      const t = await h.as(admin).post('/api/transactions', {
        partyId: id,
        currency: 'CNY',
        occurredAt: new Date(now.getTime() - 3 * DAY).toISOString(),
        lines: [{ productId }],
      });
      expect(t.statusCode, t.body).toBe(201);
    }
    await rule(admin, {
      name: 'Follow-up',
      kind: 'purchase',
      params: { days: 3, category: 'massage' },
      titleZh: '回访 {{name}}：{{products}}',
      titleEn: 'Follow up {{name}}: {{products}} bought {{days}} days ago',
    });
    const second = await buildApp({ database: h.db, secret: 'test-secret-test-secret-test-secret-0' });
    const handlerOf = (app: typeof second) => {
      const def = appDeps(app).jobs.definitions.find((d) => d.name === CARE_REMINDER_JOB);
      if (!def) throw new Error('no care job');
      return def.handler;
    };
    await Promise.all([handlerOf(h.app)({}), handlerOf(second)({}), raiseCareReminders(db)]);
    await second.close();
    const restarted = await buildApp({ database: h.db, secret: 'test-secret-test-secret-test-secret-0' });
    await handlerOf(restarted)({});
    await restarted.close();
    const followUps = (await careTasks()).filter((t) => t.title.startsWith('Follow up'));
    expect(followUps.map((t) => t.partyId).sort()).toEqual([...buyers].sort());
    expect(followUps[0]?.title).toMatch(/^Follow up Buyer \d: 按摩椅 bought 3 days ago$/);
  });

  it('reminds of a revisit N days after the last visit; a newer visit moves the occasion', async () => {
    const c = await customer(agentA, 'Visitor');
    const visit = await h.as(agentA).post('/api/interactions', {
      partyId: c,
      channel: 'visit',
      subject: 'Check-up',
      occurredAt: new Date(now.getTime() - 30 * DAY).toISOString(),
    });
    expect(visit.statusCode, visit.body).toBe(201);
    await rule(agentA, {
      name: 'Revisit',
      kind: 'revisit',
      params: { days: 30 },
      titleZh: '复诊 {{name}}',
      titleEn: 'Revisit {{name}}',
    });
    expect(await raiseCareReminders(db)).toBe(1);
    expect(await raiseCareReminders(db)).toBe(0);
  });
});

describe('care rules: who writes what', () => {
  it('agents write rules over their own customers; organisation-wide rules are for admins, managers, marketing', async () => {
    const mine = await rule(agentA, { name: 'Mine', kind: 'birthday', titleZh: '生日', titleEn: 'Birthday' });
    expect(mine.scope).toBe('mine');
    await rule(agentA, { name: 'Org', kind: 'birthday', scope: 'org', titleZh: '生日', titleEn: 'Birthday' }, 403);
    expect((await h.as(agentB).get(`/api/care/rules/${mine.id}`)).statusCode).toBe(404);
    const patch = await h.as(agentA).patch(`/api/care/rules/${birthday.id}`, { name: 'x', version: birthday.version });
    expect(patch.statusCode).toBe(403);
    // Agent A's own rule reaches only A's customers.
    const preview = await h.as(admin).get(`/api/care/rules/${mine.id}/preview?days=7`);
    expect(preview.json<{ items: { partyId: string }[] }>().items.map((i) => i.partyId)).toEqual([c1]);
    const list = await h.as(agentB).get('/api/care/rules?limit=100');
    expect(list.json<{ items: { id: string }[] }>().items.map((r) => r.id)).not.toContain(mine.id);
    const employee = await h.user(['employee']);
    expect((await h.as(employee).get('/api/care/rules')).statusCode).toBe(403);
  });

  it('refuses what a kind needs but lacks, and unknown merge fields, on the field', async () => {
    const noDays = await rule(
      admin,
      { name: 'x', kind: 'purchase', params: { category: 'tea' }, titleZh: 'a', titleEn: 'b' },
      400,
    );
    expect(noDays.error?.details[0]?.path).toEqual(['body', 'params', 'days']);
    const field = await rule(admin, { name: 'x', kind: 'birthday', titleZh: '{{nom}}', titleEn: 'b' }, 400);
    expect(JSON.stringify(field.error)).toContain('titleZh');
    await rule(admin, { name: 'x', kind: 'custom_date', params: { field: 'nope' }, titleZh: 'a', titleEn: 'b' }, 400);
    await rule(admin, { name: 'x', kind: 'birthday', assignee: 'user', titleZh: 'a', titleEn: 'b' }, 400);
  });

  it('updates with a version; a stale one answers 409; deactivated rules raise nothing', async () => {
    const res = await h.as(admin).patch(`/api/care/rules/${birthday.id}`, { active: false, version: birthday.version });
    expect(res.statusCode, res.body).toBe(200);
    const stale = await h
      .as(admin)
      .patch(`/api/care/rules/${birthday.id}`, { active: true, version: birthday.version });
    expect(stale.statusCode).toBe(409);
    // Day 40: Carol's birthday comes only through agent A's own rule (titled "Birthday"), not the deactivated one.
    expect(await raiseCareReminders(db, new Date(now.getTime() + 40 * DAY))).toBe(1);
    expect((await careTasks()).filter((t) => t.partyId === c3).map((t) => t.title)).toEqual(['Birthday']);
  });
});
