import { describe, expect, it } from 'vitest';
import { setup, type Session } from './harness.ts';

const h = await setup();
const put = (s: Session, url: string, body: unknown) =>
  h.app.inject({ method: 'PUT', url, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: body as object });
const hours = (n: number) => new Date(Date.now() + n * 3600_000).toISOString();

describe('interactions', () => {
  it('logs, lists and corrects interactions with a version; others’ customers answer 404', async () => {
    const agent = await h.user(['agent']);
    const stranger = await h.user(['agent']);
    const p = (await h.as(agent).post('/api/parties', { kind: 'person', displayName: '陈客户' })).json();
    const res = await h.as(agent).post('/api/interactions', {
      partyId: p.id,
      channel: 'phone',
      direction: 'outbound',
      occurredAt: hours(-2),
      subject: '回访电话',
      body: '客户对服务满意',
      outcome: '约定下周拜访',
      sentiment: 'positive',
      participants: [{ userId: agent.userId }, { name: '陈太太' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const future = await h.as(agent).post('/api/interactions', {
      partyId: p.id,
      channel: 'phone',
      subject: '未来的电话',
      occurredAt: '2099-01-01T09:00:00.000Z',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0].path).toEqual(['body', 'occurredAt']);
    const i = res.json();
    expect(i).toMatchObject({
      partyId: p.id,
      channel: 'phone',
      userId: agent.userId,
      sentiment: 'positive',
      version: 1,
    });
    expect(
      (await h.as(agent).post('/api/interactions', { partyId: p.id, channel: 'pigeon', subject: 'x' })).statusCode,
    ).toBe(400);
    expect(
      (
        await h
          .as(agent)
          .post('/api/interactions', { partyId: p.id, channel: 'email', subject: 'x', participants: [{}] })
      ).statusCode,
    ).toBe(400);
    const list = (await h.as(agent).get(`/api/interactions?partyId=${p.id}`)).json().items;
    expect(list.map((x: { id: string }) => x.id)).toEqual([i.id]);
    const patched = await h.as(agent).patch(`/api/interactions/${i.id}`, { outcome: '已拜访', version: 1 });
    expect(patched.json()).toMatchObject({ outcome: '已拜访', version: 2 });
    expect((await h.as(agent).patch(`/api/interactions/${i.id}`, { outcome: 'x', version: 1 })).statusCode).toBe(409);
    expect((await h.as(stranger).get(`/api/interactions/${i.id}`)).statusCode).toBe(404);
    expect((await h.as(stranger).patch(`/api/interactions/${i.id}`, { outcome: 'x', version: 2 })).statusCode).toBe(
      404,
    );
    expect(
      (await h.as(stranger).post('/api/interactions', { partyId: p.id, channel: 'phone', subject: 'x' })).statusCode,
    ).toBe(404);
    expect((await h.as(stranger).get('/api/interactions')).json().items).toEqual([]);
  });
});

describe('tasks', () => {
  it('lists my tasks by overdue, today and this week; completing one sets completedAt', async () => {
    const org = await h.newOrg('tasks');
    const me = await h.user(['agent'], { orgId: org.orgId });
    const colleague = await h.user(['agent'], { orgId: org.orgId });
    const p = (await h.as(me).post('/api/parties', { kind: 'person', displayName: '任务客户' })).json();
    const mk = async (title: string, dueAt: string, assigneeId?: string) => {
      const res = await h
        .as(me)
        .post('/api/tasks', { partyId: p.id, kind: 'call_back', title, dueAt, ...(assigneeId ? { assigneeId } : {}) });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    const overdue = await mk('昨天的回电', hours(-30));
    // Fixed UTC boundaries keep the test independent of the hour it runs at.
    const now = new Date();
    const todayEnd = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 23, 59),
    ).toISOString();
    const today = await mk('今天的拜访', todayEnd);
    const inFiveDays = await mk('五天后的问候', hours(24 * 5));
    await mk('下月复查', hours(24 * 30));
    await mk('同事的任务', hours(1), colleague.userId);
    expect(overdue).toMatchObject({ status: 'open', overdue: true, assigneeId: me.userId, createdBy: me.userId });
    const titles = async (qs: string) =>
      (await h.as(me).get(`/api/tasks?${qs}`)).json().items.map((t: { title: string }) => t.title);
    expect(await titles('assignee=me&due=overdue')).toEqual(['昨天的回电']);
    expect(await titles('assignee=me&due=today&tz=UTC')).toEqual(['今天的拜访']);
    expect(await titles('assignee=me&due=week&tz=UTC')).toEqual(['今天的拜访', '五天后的问候']);
    expect(await titles('assignee=me')).toHaveLength(4);
    expect((await h.as(me).get('/api/tasks?due=today&tz=Mars/Olympus')).statusCode).toBe(400);
    const done = await h.as(me).patch(`/api/tasks/${overdue.id}`, { status: 'done', version: 1 });
    expect(done.json()).toMatchObject({ status: 'done', overdue: false });
    expect(done.json().completedAt).not.toBeNull();
    expect(await titles('assignee=me&due=overdue')).toEqual([]);
    // The colleague sees the task they were given (and the one they created none of); the creator sees it too.
    expect(
      (await h.as(colleague).get('/api/tasks?assignee=me')).json().items.map((t: { title: string }) => t.title),
    ).toEqual(['同事的任务']);
    const outsider = await h.user(['agent'], { orgId: org.orgId });
    expect((await h.as(outsider).get(`/api/tasks/${today.id}`)).statusCode).toBe(404);
    expect((await h.as(outsider).patch(`/api/tasks/${inFiveDays.id}`, { status: 'done', version: 1 })).statusCode).toBe(
      404,
    );
    expect(
      (
        await h.as(me).post('/api/tasks', {
          kind: 'call_back',
          title: 'x',
          dueAt: hours(1),
          assigneeId: '00000000-0000-4000-8000-000000000000',
        })
      ).statusCode,
    ).toBe(400);
  });
});

describe('timeline', () => {
  it('merges interactions, tasks, stage changes and care notes into one stream, newest first, paged', async () => {
    const a = h.as(h.org.admin);
    const p = (
      await a.post('/api/parties', {
        kind: 'person',
        displayName: '时间线客户',
        profile: { care: [{ note: '孩子考上大学', topic: 'life_event', at: hours(-48) }] },
        roles: [{ role: 'customer', stage: 'prospect' }],
      })
    ).json();
    await a.post('/api/interactions', { partyId: p.id, channel: 'visit', subject: '首次拜访', occurredAt: hours(-24) });
    await a.post('/api/tasks', { partyId: p.id, kind: 'greeting', title: '生日问候', dueAt: hours(72) });
    await put(h.org.admin, `/api/parties/${p.id}/roles/customer`, {
      stage: 'new',
      reason: '签约',
      version: p.roles[0].version,
    });
    const all = [];
    let cursor: string | null = null;
    do {
      const res = await a.get(`/api/parties/${p.id}/timeline?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      all.push(...res.json().items);
      cursor = res.json().nextCursor;
    } while (cursor);
    const types = all.map((x: { type: string }) => x.type);
    expect(types[0]).toBe('task');
    expect(types.slice(-2)).toEqual(['interaction', 'care']);
    expect(types.filter((t: string) => t === 'history').length).toBeGreaterThanOrEqual(3);
    const ats = all.map((x: { at: string }) => x.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    expect(all.find((x: { type: string }) => x.type === 'care').care).toMatchObject({
      note: '孩子考上大学',
      topic: 'life_event',
    });
    expect(
      all.find(
        (x: { type: string; history?: { field: string; to: string } }) =>
          x.type === 'history' && x.history?.to === 'new',
      ).history,
    ).toMatchObject({ from: 'prospect', reason: '签约' });
    const onlyTasks = (await a.get(`/api/parties/${p.id}/timeline?types=task`)).json().items;
    expect(onlyTasks.map((x: { task: { title: string } }) => x.task.title)).toEqual(['生日问候']);
  });
});

describe('task lists carry the party name', () => {
  it('names the party where the reader may see it, and hides it where they may not', async () => {
    const owner = await h.user(['agent']);
    const helper = await h.user(['agent']);
    const p = (await h.as(owner).post('/api/parties', { kind: 'person', displayName: '周客户' })).json();
    const mine = await h
      .as(owner)
      .post('/api/tasks', { partyId: p.id, kind: 'call_back', title: '回电', dueAt: hours(2) });
    expect(mine.statusCode, mine.body).toBe(201);
    const delegated = await h.as(owner).post('/api/tasks', {
      partyId: p.id,
      kind: 'follow_up_visit',
      title: '上门',
      dueAt: hours(3),
      assigneeId: helper.userId,
    });
    expect(delegated.statusCode, delegated.body).toBe(201);

    const ownerList = (await h.as(owner).get('/api/tasks?assignee=me')).json().items;
    expect(ownerList.map((t: { partyName: string | null }) => t.partyName)).toEqual(['周客户']);

    // The helper sees the task assigned to them, but not the private customer: no name leaks.
    const helperList = (await h.as(helper).get('/api/tasks?assignee=me')).json().items;
    expect(helperList).toHaveLength(1);
    expect(helperList[0]).toMatchObject({ title: '上门', partyId: p.id, partyName: null });
    expect((await h.as(helper).get(`/api/parties/${p.id}`)).statusCode).toBe(404);
  });
});
