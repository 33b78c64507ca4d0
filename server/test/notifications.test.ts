import nodemailer, { type SendMailOptions } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { appDeps } from '../src/app.ts';
import { refreshSlaStates } from '../src/modules/cases/index.ts';
import { notifyDueTasks } from '../src/modules/parties/index.ts';
import { sendDigests } from '../src/platform/notify/digest.ts';
import { setup, type Session } from './harness.ts';

// Notifications (docs/architecture.md "Notifications"): each producer tells the right user once and nobody else;
// reads show only one's own, and only while its record is still readable; the digest goes once a day.
const sent: SendMailOptions[] = [];
const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
const realSend = transport.sendMail.bind(transport);
transport.sendMail = async (mail: SendMailOptions) => {
  sent.push(mail);
  return realSend(mail);
};
const h = await setup({ mailTransport: transport, publicUrl: 'https://tandem.example.com' });
const deps = appDeps(h.app);
const admin = h.org.admin;
const owner = await h.user(['agent'], { name: 'Olivia Owner' });
const bob = await h.user(['agent'], { name: 'Bob' });
const carol = await h.user(['agent'], { name: 'Carol' });
const manager = await h.user(['manager'], { name: 'Wang Wei' });
const hr = await h.user(['hr'], { name: 'Hana' });

type Item = { id: string; kind: string; recordType: string; recordId: string; params: Record<string, unknown> };
const list = async (s: Session, q = '') =>
  (await h.as(s).get(`/api/notifications${q}`)).json<{ items: Item[] }>().items;
const count = async (s: Session) => (await h.as(s).get('/api/notifications/count')).json<{ unread: number }>().unread;
const created = async (s: Session, url: string, body: unknown) => {
  const res = await h.as(s).post(url, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; version: number }>();
};
const customer = async (name: string, extra: Record<string, unknown> = {}) =>
  (await created(owner, '/api/parties', { kind: 'person', displayName: name, roles: [{ role: 'customer' }], ...extra }))
    .id;
const task = (s: Session, body: Record<string, unknown>) =>
  created(s, '/api/tasks', { kind: 'call_back', title: 'Call back', dueAt: '2030-01-07T09:00:00Z', ...body });

describe('notifications', () => {
  it('a task given to someone else tells them once; one taken for oneself tells nobody', async () => {
    const pid = await customer('Task Customer', { backupOwnerId: bob.userId });
    const before = { owner: await count(owner), carol: await count(carol) };
    const t = await task(owner, { partyId: pid, assigneeId: bob.userId, title: 'Bring the contract' });
    await task(owner, { partyId: pid, title: 'My own' });
    const mine = (await list(bob)).filter((n) => n.recordId === t.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      kind: 'task_assigned',
      recordType: 'task',
      params: { title: 'Bring the contract', partyId: pid, by: 'Olivia Owner' },
    });
    expect({ owner: await count(owner), carol: await count(carol) }).toEqual(before);
    // Reassigned to Carol: she is told; Bob, who no longer sees the task, no longer sees its notification either.
    const moved = await h.as(owner).patch(`/api/tasks/${t.id}`, { assigneeId: carol.userId, version: t.version });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await list(carol)).filter((n) => n.recordId === t.id)).toHaveLength(1);
    expect((await list(bob)).filter((n) => n.recordId === t.id)).toHaveLength(1); // backup owner: still sees it
    const notice = (await list(carol)).find((n) => n.recordId === t.id) as Item;
    const party = (await h.as(owner).get(`/api/parties/${pid}`)).json<{ version: number }>();
    const cut = await h.as(owner).patch(`/api/parties/${pid}`, { backupOwnerId: null, version: party.version });
    expect(cut.statusCode, cut.body).toBe(200);
    expect((await h.as(bob).get(`/api/tasks/${t.id}`)).statusCode).toBe(404);
    expect((await list(bob)).filter((n) => n.recordId === t.id)).toHaveLength(0);
    expect((await h.as(carol).post(`/api/notifications/${notice.id}/read`)).statusCode).toBe(200);
  });

  it('read state: count, mark one, mark all; another user’s notification is not found', async () => {
    const pid = await customer('Read Customer');
    await task(owner, { partyId: pid, assigneeId: manager.userId, title: 'One' });
    await task(owner, { partyId: pid, assigneeId: manager.userId, title: 'Two' });
    expect(await count(manager)).toBe(2);
    const [first] = await list(manager, '?unread=true');
    expect((await h.as(owner).post(`/api/notifications/${first?.id}/read`)).statusCode).toBe(404);
    expect((await h.as(owner).get('/api/notifications')).json().items.map((n: Item) => n.id)).not.toContain(first?.id);
    const read = await h.as(manager).post(`/api/notifications/${first?.id}/read`);
    expect(read.json().readAt).not.toBeNull();
    expect(await count(manager)).toBe(1);
    expect(await list(manager, '?unread=true')).toHaveLength(1);
    expect((await h.as(manager).post('/api/notifications/read-all')).json()).toEqual({ updated: 1 });
    expect(await count(manager)).toBe(0);
    expect(await list(manager)).toHaveLength(2);
    expect((await h.as(manager).get('/api/notifications?cursor=nope')).statusCode).toBe(400);
    expect((await h.as(manager).post('/api/notifications/00000000-0000-4000-8000-000000000000/read')).statusCode).toBe(
      404,
    );
  });

  it('a case assigned, its SLA breached and the alert on the customer each tell one person once', async () => {
    const pid = await customer('Case Customer', { backupOwnerId: carol.userId });
    const c = await created(owner, '/api/cases', {
      type: 'complaint',
      partyId: pid,
      subject: 'Broken delivery',
      channel: 'phone',
      priority: 'high',
      assigneeId: carol.userId,
    });
    expect((await list(carol)).filter((n) => n.recordId === c.id).map((n) => n.kind)).toEqual(['case_assigned']);
    const ownerBefore = await count(owner);
    const later = new Date(Date.now() + 40 * 86_400_000);
    await refreshSlaStates(deps, later);
    await refreshSlaStates(deps, later);
    const carols = (await list(carol)).filter((n) => n.recordId === c.id);
    expect(carols.map((n) => n.kind).sort()).toEqual(['case_assigned', 'case_breached']);
    expect(carols.find((n) => n.kind === 'case_breached')?.params).toMatchObject({
      subject: 'Broken delivery',
      state: 'breached',
    });
    const alerts = (await list(owner)).filter((n) => n.kind === 'customer_alert' && n.recordId === pid);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.params).toMatchObject({ partyName: 'Case Customer', rule: 'breached_complaint' });
    expect(await count(owner)).toBe(ownerBefore + 1);
    expect((await list(bob)).some((n) => n.recordId === c.id || n.recordId === pid)).toBe(false);
  });

  it('@mentions tell the users who may see the party, once per note; nobody else learns of it', async () => {
    // Wang Wei is the backup owner and may read the customer; Bob may not.
    const pid = await customer('Mention Customer', { backupOwnerId: manager.userId });
    const bobBefore = await count(bob);
    const note = await created(owner, '/api/interactions', {
      partyId: pid,
      channel: 'phone',
      subject: 'Call',
      body: 'Ask @[wang wei] and @bob about it; @Olivia noted, mail carol@example.com',
    });
    const seen = (await list(manager)).filter((n) => n.kind === 'mention' && n.recordId === pid);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.params).toEqual({ partyName: 'Mention Customer', by: 'Olivia Owner' });
    // Bob (another agent, private customers) cannot open the party: no notification; the author none for herself.
    expect(await count(bob)).toBe(bobBefore);
    expect((await list(owner)).some((n) => n.kind === 'mention')).toBe(false);
    // Saving the note again tells nobody twice.
    const upd = await h.as(owner).patch(`/api/interactions/${note.id}`, { body: 'Again @[Wang Wei]', version: 1 });
    expect(upd.statusCode, upd.body).toBe(200);
    expect((await list(manager)).filter((n) => n.kind === 'mention' && n.recordId === pid)).toHaveLength(1);
  });

  it('a reply to a named grievance tells its employee, with no words of it; internal notes tell nobody', async () => {
    const e = await h.user(['employee'], { name: 'Lina' });
    const p = await created(hr, '/api/parties', {
      kind: 'person',
      displayName: 'Lina',
      roles: [{ role: 'employee' }],
    });
    await h.db.db.updateTable('app_user').set({ party_id: p.id }).where('id', '=', e.userId).execute();
    const g = await created(e, '/api/grievances', { subject: 'Unpaid overtime', description: 'Three weekends' });
    await h.as(hr).post(`/api/cases/${g.id}/replies`, { body: 'Payroll checks it', visibility: 'internal' });
    expect(await count(e)).toBe(0);
    await h.as(hr).post(`/api/cases/${g.id}/replies`, { body: 'We are looking into it', visibility: 'public' });
    const mine = await list(e);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: 'grievance_reply', recordType: 'grievance', recordId: g.id, params: {} });
    const row = await h.db.db.selectFrom('notification').selectAll().where('user_id', '=', e.userId).execute();
    expect(JSON.stringify(row)).not.toMatch(/overtime|weekends|looking/i);
    // Her own follow-up tells nobody.
    await h.as(e).post(`/api/cases/${g.id}/replies`, { body: 'Thanks' });
    expect(await count(e)).toBe(1);
  });

  it('the due-task job tells the assignee once per task and due day, however often it runs', async () => {
    const pid = await customer('Due Customer');
    const now = new Date();
    const dueToday = await task(owner, {
      partyId: pid,
      assigneeId: carol.userId,
      title: 'Due today',
      dueAt: new Date(now.getTime() - 60_000).toISOString(),
    });
    const future = await task(owner, { partyId: pid, assigneeId: carol.userId, title: 'Later' });
    await notifyDueTasks(deps.db, now);
    await notifyDueTasks(deps.db, now);
    const due = (await list(carol)).filter((n) => n.kind === 'task_due');
    expect(due.map((n) => n.recordId)).toEqual([dueToday.id]);
    expect(due[0]?.params).toMatchObject({ title: 'Due today', dueDay: now.toISOString().slice(0, 10) });
    expect((await list(carol)).some((n) => n.kind === 'task_due' && n.recordId === future.id)).toBe(false);
  });

  it('the email digest: off by default; once a day, only with unread news since the last one', async () => {
    const dana = await h.user(['agent'], { name: 'Dana' });
    expect((await h.as(dana).get('/api/notifications/settings')).json()).toMatchObject({
      emailDigest: false,
      mailConfigured: true,
    });
    const pid = await customer('Digest Customer');
    await task(owner, { partyId: pid, assigneeId: dana.userId, title: 'Secret title' });
    const day1 = new Date();
    expect(await sendDigests(deps, day1)).toBe(0);
    const put = await h.as(dana).put('/api/notifications/settings', { emailDigest: true });
    expect(put.json()).toMatchObject({ emailDigest: true });
    expect((await h.as(dana).put('/api/notifications/settings', { emailDigest: 'yes' })).statusCode).toBe(400);
    expect(await sendDigests(deps, day1)).toBe(1);
    expect(await sendDigests(deps, day1)).toBe(0);
    sent.length = 0;
    await deps.mail.drain();
    const mails = sent.filter((m) => m.to === dana.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text as string).toMatch(/tasks assigned to you: 1/);
    expect(mails[0]?.text as string).not.toMatch(/Secret title|Digest Customer/);
    // The next day: nothing new since the last digest, nothing sent; something new, one more digest.
    const day2 = new Date(day1.getTime() + 86_400_000);
    expect(await sendDigests(deps, day2)).toBe(0);
    await task(owner, { partyId: pid, assigneeId: dana.userId, title: 'Another' });
    expect(await sendDigests(deps, new Date(day2.getTime() + 60_000))).toBe(1);
    expect(await sendDigests(deps, new Date(day2.getTime() + 120_000))).toBe(0);
  });

  it('the admin of another organisation sees none of these', async () => {
    const other = await h.newOrg('notify-other');
    expect(await list(other.admin)).toEqual([]);
    expect(await count(other.admin)).toBe(0);
    expect(await count(admin)).toBeGreaterThanOrEqual(0);
  });
});
