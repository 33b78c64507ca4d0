import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { setup, type Session } from './harness.ts';

const h = await setup();
const a = () => h.as(h.org.admin);
const put = (s: Session, url: string, body: unknown) =>
  h.app.inject({ method: 'PUT', url, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: body as object });
const mk = async (body: Record<string, unknown>, s: Session = h.org.admin) => {
  const res = await h.as(s).post('/api/parties', { kind: 'person', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe('duplicates', () => {
  it('finds the same email or phone in any format, and similar names (Chinese and swapped Latin names)', async () => {
    const org = await h.newOrg('dups');
    const s = org.admin;
    const base = await mk({ displayName: '张伟', emails: ['zw@example.com'], phones: ['13800138000'] }, s);
    const byPhone = await mk({ displayName: '张先生', phones: ['+86 138-0013-8000'] }, s);
    const byEmail = await mk({ displayName: 'W. Zhang', emails: ['ZW@example.com'] }, s);
    const byName = await mk({ displayName: '张 伟' }, s);
    const similar = await mk({ displayName: '张伟明' }, s);
    await mk({ displayName: '李娜', phones: ['13900000000'] }, s);
    const res = await h.as(s).get(`/api/parties/${base.id}/duplicates`);
    expect(res.statusCode).toBe(200);
    const found = Object.fromEntries(
      res.json().items.map((d: { party: { id: string }; reasons: string[] }) => [d.party.id, d.reasons]),
    );
    expect(found).toEqual({
      [byPhone.id]: ['phone'],
      [byEmail.id]: ['email'],
      [byName.id]: ['name'],
      [similar.id]: ['name'],
    });
    const latin = await mk({ displayName: 'Zhang Wei' }, s);
    const swapped = await mk({ displayName: 'WEI, Zhang' }, s);
    const latinDups = (await h.as(s).get(`/api/parties/${latin.id}/duplicates`)).json().items;
    expect(latinDups.map((d: { party: { id: string } }) => d.party.id)).toContain(swapped.id);
  });

  it('only shows duplicates you may see', async () => {
    const agent = await h.user(['agent']);
    const other = await h.user(['agent']);
    const mine = await mk({ displayName: '重复客户', phones: ['13711112222'] }, agent);
    await mk({ displayName: '重复客户', phones: ['13711112222'] }, other);
    expect((await h.as(agent).get(`/api/parties/${mine.id}/duplicates`)).json().items).toEqual([]);
    expect((await h.as(other).get(`/api/parties/${mine.id}/duplicates`)).statusCode).toBe(404);
  });
});

describe('merge and un-merge', () => {
  it('moves roles, interactions, tasks, history, contacts and care notes; undo puts everything back', async () => {
    const keep = await mk({
      displayName: '王强',
      emails: ['wq@example.com'],
      tags: ['vip'],
      roles: [{ role: 'customer', stage: 'loyal' }],
    });
    const dup = await mk({
      displayName: '王强 (重复)',
      emails: ['wq@example.com', 'wang.qiang@example.cn'],
      phones: ['13612345678'],
      tags: ['华南'],
      profile: { care: [{ note: '喜欢钓鱼' }] },
      roles: [
        { role: 'customer', stage: 'new' },
        { role: 'partner', stage: 'developing' },
      ],
    });
    await put(h.org.admin, `/api/parties/${dup.id}/roles/customer`, {
      stage: 'developing',
      reason: '复购',
      version: dup.roles[0].version,
    });
    const call = (
      await a().post('/api/interactions', { partyId: dup.id, channel: 'phone', subject: '重复记录上的电话' })
    ).json();
    const task = (
      await a().post('/api/tasks', {
        partyId: dup.id,
        kind: 'call_back',
        title: '回电',
        dueAt: new Date(Date.now() + 86400_000).toISOString(),
      })
    ).json();

    expect((await a().post(`/api/parties/${dup.id}/merge`, { intoId: dup.id })).statusCode).toBe(400);
    expect((await a().post(`/api/parties/${dup.id}/merge`, { intoId: keep.id, version: 99 })).statusCode).toBe(409);
    const res = await a().post(`/api/parties/${dup.id}/merge`, { intoId: keep.id });
    expect(res.statusCode, res.body).toBe(200);
    const { source, target, undoUntil } = res.json();
    expect(source.mergedIntoId).toBe(keep.id);
    expect(new Date(undoUntil).getTime()).toBeGreaterThan(Date.now() + 29 * 86400_000);
    expect(target.emails).toEqual(['wq@example.com', 'wang.qiang@example.cn']);
    expect(target.phones).toEqual(['+8613612345678']);
    expect(target.tags).toEqual(['vip', '华南']);
    expect(target.profile.care.map((c: { note: string }) => c.note)).toEqual(['喜欢钓鱼']);
    // The target keeps its own customer role; the duplicate's partner role moves over.
    expect(target.roles.map((r: { role: string; stage: string }) => [r.role, r.stage]).sort()).toEqual([
      ['customer', 'loyal'],
      ['partner', 'developing'],
    ]);
    expect((await a().get(`/api/interactions/${call.id}`)).json().partyId).toBe(keep.id);
    expect((await a().get(`/api/tasks/${task.id}`)).json().partyId).toBe(keep.id);
    const history = (await a().get(`/api/parties/${keep.id}/history?limit=100`)).json().items;
    expect(history.some((x: { reason: string | null }) => x.reason === '复购')).toBe(true);
    expect(
      (await a().get(`/api/parties?q=${encodeURIComponent('13612345678')}`))
        .json()
        .items.map((p: { id: string }) => p.id),
    ).toEqual([keep.id]);
    expect((await a().get(`/api/parties/${dup.id}`)).json().mergedIntoId).toBe(keep.id);
    expect((await a().patch(`/api/parties/${dup.id}`, { displayName: 'x', version: source.version })).statusCode).toBe(
      404,
    );
    expect((await a().post(`/api/parties/${keep.id}/merge`, { intoId: dup.id })).statusCode).toBe(404);

    const undo = await a().post(`/api/parties/${dup.id}/unmerge`);
    expect(undo.statusCode, undo.body).toBe(200);
    const back = undo.json();
    expect(back.source.mergedIntoId).toBeNull();
    expect(back.source.roles.map((r: { role: string; stage: string }) => [r.role, r.stage]).sort()).toEqual([
      ['customer', 'developing'],
      ['partner', 'developing'],
    ]);
    expect(back.target.emails).toEqual(['wq@example.com']);
    expect(back.target.phones).toEqual([]);
    expect(back.target.tags).toEqual(['vip']);
    expect(back.target.profile.care).toEqual([]);
    expect(back.target.roles.map((r: { role: string }) => r.role)).toEqual(['customer']);
    expect((await a().get(`/api/interactions/${call.id}`)).json().partyId).toBe(dup.id);
    expect((await a().get(`/api/tasks/${task.id}`)).json().partyId).toBe(dup.id);
    const dupHistory = (await a().get(`/api/parties/${dup.id}/history?limit=100`)).json().items;
    expect(dupHistory.some((x: { reason: string | null }) => x.reason === '复购')).toBe(true);
    expect((await a().post(`/api/parties/${dup.id}/unmerge`)).statusCode).toBe(409);

    const audit = (await a().get(`/api/audit?entityType=party&entityId=${dup.id}`))
      .json()
      .items.map((x: { action: string }) => x.action);
    expect(audit.slice(0, 2)).toEqual(['unmerge', 'merge']);
  });

  it('takes the party’s cases and transactions along, and undo brings them back', async () => {
    const keep = await mk({ displayName: '陈静', roles: [{ role: 'customer' }] });
    const dup = await mk({ displayName: '陈静（重复）', roles: [{ role: 'customer' }] });
    const sale = await a().post('/api/transactions', {
      partyId: dup.id,
      amount: 88.5,
      currency: 'CNY',
      occurredAt: '2026-10-01T08:00:00.000Z',
    });
    expect(sale.statusCode, sale.body).toBe(201);
    const complaint = await a().post('/api/cases', {
      type: 'complaint',
      subject: '配送延误',
      channel: 'phone',
      partyId: dup.id,
    });
    expect(complaint.statusCode, complaint.body).toBe(201);
    const txOf = async (partyId: string) =>
      (await a().get(`/api/transactions?partyId=${partyId}`)).json().items.map((t: { id: string }) => t.id);

    expect((await a().post(`/api/parties/${dup.id}/merge`, { intoId: keep.id })).statusCode).toBe(200);
    expect(await txOf(keep.id)).toEqual([sale.json().id]);
    expect((await a().get(`/api/cases/${complaint.json().id}`)).json().partyId).toBe(keep.id);
    const timeline = (await a().get(`/api/parties/${keep.id}/timeline?types=transaction,case`)).json().items;
    expect(timeline.map((i: { event: { source: string } }) => i.event.source).sort()).toEqual(['case', 'transaction']);

    expect((await a().post(`/api/parties/${dup.id}/unmerge`)).statusCode).toBe(200);
    expect(await txOf(keep.id)).toEqual([]);
    expect(await txOf(dup.id)).toEqual([sale.json().id]);
    expect((await a().get(`/api/cases/${complaint.json().id}`)).json().partyId).toBe(dup.id);
  });

  it('cannot be undone after 30 days', async () => {
    const x = await mk({ displayName: '旧合并 A' });
    const y = await mk({ displayName: '旧合并 B' });
    expect((await a().post(`/api/parties/${x.id}/merge`, { intoId: y.id })).statusCode).toBe(200);
    await sql`update party_merge set merged_at = now() - interval '31 days' where source_id = ${x.id}`.execute(h.db.db);
    const res = await a().post(`/api/parties/${x.id}/unmerge`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('30 days');
  });

  it('needs write access to both parties', async () => {
    const agent = await h.user(['agent']);
    const mine = await mk({ displayName: '我的' }, agent);
    const theirs = await mk({ displayName: '别人的' });
    expect((await h.as(agent).post(`/api/parties/${mine.id}/merge`, { intoId: theirs.id })).statusCode).toBe(404);
    expect((await h.as(agent).post(`/api/parties/${theirs.id}/merge`, { intoId: mine.id })).statusCode).toBe(404);
  });
});
