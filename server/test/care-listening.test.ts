import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { setup, type Session } from './harness.ts';

// Social listening (docs/care.md "Social listening", "Post plan"): the inbound endpoint and its hashed per-org token,
// mentions through the API and CSV (all rows or none), sentiment from the source or the lexicon, alerts exactly once
// per window (a burst of N negatives in H hours, or one negative from a key account) with a task, and the post plan
// under the commercial-content guard at its boundary.

const h = await setup();
const admin = h.org.admin;
const marketing = await h.user(['marketing']);
const agent = await h.user(['agent']);
const agent2 = await h.user(['agent']);
const employee = await h.user(['employee']);

const inbound = (token: string | undefined, body: Record<string, unknown>) =>
  h.app.inject({
    method: 'POST',
    url: '/api/public/mentions/inbound',
    headers: token ? { 'x-tandem-token': token } : {},
    payload: body,
  });
const mention = (text: string, postedAt: string, extra: Record<string, unknown> = {}) => ({
  channel: 'weibo',
  author: 'someone',
  text,
  postedAt,
  ...extra,
});
type Alert = {
  kind: string;
  windowKey: string;
  taskId: string | null;
  assigneeId: string | null;
  partyId: string | null;
};
const alerts = async (who: Session) => {
  const res = await h.as(who).get('/api/mentions/alerts?limit=100');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Alert[] }>().items;
};
let token = '';

describe('inbound token and settings', () => {
  it('only admins rotate the token; it is stored hashed', async () => {
    expect((await h.as(marketing).post('/api/mentions/token')).statusCode).toBe(403);
    const first = await h.as(admin).post('/api/mentions/token');
    expect(first.statusCode, first.body).toBe(201);
    const old = first.json<{ token: string }>().token;
    const second = await h.as(admin).post('/api/mentions/token');
    token = second.json<{ token: string }>().token;
    expect(token).not.toBe(old);
    const stored = await sql<{
      token_hash: string;
    }>`select token_hash from care_mention_settings where org_id = ${h.org.orgId}`.execute(h.db.db);
    expect(stored.rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.rows[0]?.token_hash).not.toContain(token);
    // The old token no longer works; nor does none, or another shape.
    expect((await inbound(old, mention('hello', '2026-01-01T00:00:00Z'))).statusCode).toBe(404);
    expect((await inbound(undefined, mention('hello', '2026-01-01T00:00:00Z'))).statusCode).toBe(404);
    expect((await inbound('tmi_x', mention('hello', '2026-01-01T00:00:00Z'))).statusCode).toBe(404);
  });

  it('the alert rule: defaults, versioned saves, bad input', async () => {
    const s = await h.as(marketing).get('/api/mentions/settings');
    expect(s.json()).toMatchObject({ negativeCount: 3, windowHours: 24, tokenSet: true, version: 1 });
    const put = (body: Record<string, unknown>) => h.as(marketing).put('/api/mentions/settings', body);
    const base = { negativeCount: 3, windowHours: 24, keySegmentId: null, assigneeId: marketing.userId };
    const ok = await put({ ...base, version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ assigneeId: marketing.userId, version: 2 });
    expect((await put({ ...base, version: 1 })).statusCode).toBe(409);
    expect((await put({ ...base, negativeCount: 0, version: 2 })).statusCode).toBe(400);
    expect((await put({ ...base, assigneeId: h.org.orgId, version: 2 })).statusCode).toBe(400);
    expect((await put({ ...base, keySegmentId: h.org.orgId, version: 2 })).statusCode).toBe(400);
    expect((await h.as(agent).get('/api/mentions/settings')).statusCode).toBe(403);
  });
});

describe('mentions and alerts', () => {
  it('a burst of negatives alerts once per window, with a task for the assignee', async () => {
    const neutral = await inbound(token, mention('Opened a new shop today', '2026-11-30T09:00:00Z'));
    expect(neutral.statusCode, neutral.body).toBe(201);
    await inbound(token, mention('Terrible service, very rude', '2026-11-30T10:00:00Z'));
    await inbound(token, mention('质量太差了，要投诉', '2026-11-30T11:00:00Z'));
    expect(await alerts(marketing)).toHaveLength(0);
    await inbound(token, mention('meh', '2026-11-30T12:00:00Z', { sentiment: 'negative' }));
    const one = await alerts(marketing);
    expect(one).toEqual([expect.objectContaining({ kind: 'burst', assigneeId: marketing.userId, partyId: null })]);
    expect(one[0]?.taskId).toBeTruthy();
    // A fourth in the same UTC day's window: no second alert.
    await inbound(token, mention('worst ever', '2026-11-30T13:00:00Z'));
    expect(await alerts(marketing)).toHaveLength(1);
    // Next day at 05:00: the 24 hours before hold 11:00, 12:00, 13:00 and it: a new window, a new alert.
    await inbound(token, mention('still broken', '2026-12-01T05:00:00Z'));
    expect(await alerts(marketing)).toHaveLength(2);
    const tasks = await h.as(marketing).get('/api/tasks?assignee=me&limit=100');
    expect(tasks.json<{ items: { kind: string }[] }>().items.filter((t) => t.kind === 'mention_alert')).toHaveLength(2);
  });

  it('concurrent negatives into one window raise one alert', async () => {
    const at = (m: number) => `2026-10-01T08:${String(m).padStart(2, '0')}:00Z`;
    const res = await Promise.all([1, 2, 3, 4, 5].map((m) => inbound(token, mention('awful', at(m)))));
    expect(res.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect(
      (await alerts(admin)).filter((a) => a.windowKey === `burst:24:${Math.floor(Date.parse(at(1)) / 86_400_000)}`),
    ).toHaveLength(1);
  });

  it('one negative from a key account alerts its owner, once per window; others do not see it', async () => {
    const party = await h.as(admin).post('/api/parties', {
      kind: 'organization',
      displayName: 'Big Client',
      ownerId: agent.userId,
      tags: ['key_account'],
      roles: [{ role: 'customer' }],
    });
    const pid = party.json<{ id: string }>().id;
    const add = (text: string, postedAt: string) =>
      h.as(agent).post('/api/mentions', mention(text, postedAt, { partyId: pid, author: 'Big Client' }));
    const r = await add('Very disappointed with the delivery', '2026-06-01T08:00:00Z');
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({
      sentiment: 'negative',
      sentimentSource: 'lexicon',
      partyId: pid,
      partyName: 'Big Client',
    });
    await add('Delivery late again', '2026-06-01T09:00:00Z');
    const mine = (await alerts(agent)).filter((a) => a.kind === 'key_account');
    expect(mine).toEqual([expect.objectContaining({ partyId: pid, assigneeId: agent.userId })]);
    expect((await alerts(agent2)).filter((a) => a.kind === 'key_account')).toHaveLength(0);
    // The party's mentions are hidden from who may not see it; a party you may not see is refused.
    const list = await h.as(agent2).get('/api/mentions?limit=100');
    expect(list.json<{ items: { partyId: string | null }[] }>().items.some((m) => m.partyId === pid)).toBe(false);
    expect(
      (await h.as(agent2).post('/api/mentions', mention('x', '2026-06-01T00:00:00Z', { partyId: pid }))).statusCode,
    ).toBe(400);
  });

  it('lists with filters; refuses bad input and plain employees', async () => {
    const neg = await h.as(agent).get('/api/mentions?sentiment=negative&limit=100');
    expect(neg.json<{ items: { sentiment: string }[] }>().items.every((m) => m.sentiment === 'negative')).toBe(true);
    const q = await h.as(agent).get(`/api/mentions?q=${encodeURIComponent('质量')}`);
    expect(q.json<{ items: { text: string }[] }>().items).toHaveLength(1);
    expect((await h.as(employee).get('/api/mentions')).statusCode).toBe(403);
    expect((await h.as(agent).post('/api/mentions', mention('x', 'yesterday'))).statusCode).toBe(400);
    expect((await h.as(agent).post('/api/mentions', mention('', '2026-01-01T00:00:00Z'))).statusCode).toBe(400);
    expect(
      (await h.as(agent).post('/api/mentions', { ...mention('x', '2026-01-01T00:00:00Z'), url: 'javascript:alert(1)' }))
        .statusCode,
    ).toBe(400);
    expect((await h.as(agent).get('/api/mentions?sentiment=angry')).statusCode).toBe(400);
    expect((await inbound(token, { channel: 'weibo' })).statusCode).toBe(400);
  });
});

describe('CSV import', () => {
  const count = async () =>
    Number(
      (
        await sql<{ n: number }>`select count(*)::int as n from care_mention where org_id = ${h.org.orgId}`.execute(
          h.db.db,
        )
      ).rows[0]?.n,
    );
  it('imports all rows or none, reporting bad lines', async () => {
    const before = await count();
    const bad = await h.as(marketing).post('/api/mentions/import', {
      csv: 'channel,author,text,url,postedAt,sentiment\nforum,A,Great shop,,2026-02-01T00:00:00Z,\nforum,B,x,,not-a-date,\nforum,C,y,,2026-02-01T00:00:00Z,furious\n',
    });
    expect(bad.statusCode).toBe(400);
    const issues = bad.json<{ error: { details: { path: unknown[]; message: string }[] } }>().error.details;
    expect(issues.map((i) => i.path)).toEqual([
      ['body', 'csv', 3, 'postedAt'],
      ['body', 'csv', 4, 'sentiment'],
    ]);
    expect(await count()).toBe(before);
    const ok = await h.as(marketing).post('/api/mentions/import', {
      csv: 'channel,author,text,url,postedAt\nforum,A,Great shop,https://bbs.example.com/1,2026-02-01T00:00:00Z\nforum,B,服务很好,,2026-02-01T01:00:00+08:00\n',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toEqual({ imported: 2, negative: 0, alerts: 0 });
    expect(await count()).toBe(before + 2);
    expect((await h.as(agent).post('/api/mentions/import', { csv: 'a' })).statusCode).toBe(403);
    expect((await h.as(marketing).post('/api/mentions/import', { csv: 'channel,author\nx,y' })).statusCode).toBe(400);
  });
});

describe('post plan under the commercial guard', () => {
  const future = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
  const post = (who: Session, body: Record<string, unknown>) =>
    h.as(who).post('/api/care/posts', {
      channel: 'weibo',
      ownerId: marketing.userId,
      text: 'Hello',
      commercial: false,
      scheduledAt: future(3),
      ...body,
    });

  it('allows exactly the cap, refuses above it unless an admin overrides (audited)', async () => {
    for (let i = 0; i < 9; i++) {
      expect((await post(marketing, { text: `News ${i}` })).statusCode).toBe(201);
    }
    // 1 commercial of 10 = 10 %: allowed. A second: 2 of 11 > 10 %: refused.
    expect((await post(marketing, { commercial: true, text: 'Sale!' })).statusCode).toBe(201);
    const over = await post(marketing, { commercial: true, text: 'Another sale' });
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({
      error: { code: 'COMMERCIAL_RATIO_EXCEEDED', details: { total: 10, commercial: 1, allowed: false } },
    });
    expect((await post(marketing, { commercial: true, override: { reason: 'launch week' } })).statusCode).toBe(403);
    const forced = await post(admin, { commercial: true, text: 'Launch', override: { reason: 'launch week' } });
    expect(forced.statusCode, forced.body).toBe(201);
    expect(forced.json()).toMatchObject({ overrideReason: 'launch week', commercial: true });
    const audit = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_log where org_id = ${h.org.orgId} and action = 'care_post.override'`.execute(
      h.db.db,
    );
    expect(audit.rows[0]?.n).toBe(1);

    const list = await h.as(agent).get('/api/care/posts');
    expect(list.statusCode, list.body).toBe(200);
    const body = list.json<{
      items: { id: string; version: number; commercial: boolean }[];
      ratio: Record<string, unknown>;
    }>();
    expect(body.items).toHaveLength(11);
    expect(body.ratio).toMatchObject({ posts: 11, commercialPosts: 2, total: 11, commercial: 2, allowed: false });

    // Turning a plain post commercial passes the guard; cancelling a commercial one frees room.
    const plain = body.items.find((p) => !p.commercial);
    const turn = await h
      .as(marketing)
      .patch(`/api/care/posts/${plain?.id}`, { commercial: true, version: plain?.version });
    expect(turn.statusCode).toBe(409);
    expect(turn.json<{ error: { code: string } }>().error.code).toBe('COMMERCIAL_RATIO_EXCEEDED');
    const sale = body.items.find((p) => p.commercial);
    const cancel = await h
      .as(marketing)
      .patch(`/api/care/posts/${sale?.id}`, { status: 'cancelled', version: sale?.version });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(
      (await h.as(marketing).patch(`/api/care/posts/${sale?.id}`, { text: 'x', version: sale?.version })).statusCode,
    ).toBe(409);
  });

  it('refuses bad input and other roles', async () => {
    expect((await post(marketing, { scheduledAt: 'tomorrow' })).statusCode).toBe(400);
    expect((await post(marketing, { ownerId: h.org.orgId })).statusCode).toBe(400);
    expect((await post(marketing, { text: '' })).statusCode).toBe(400);
    expect((await post(agent, {})).statusCode).toBe(403);
    expect((await h.as(employee).get('/api/care/posts')).statusCode).toBe(403);
    expect((await h.as(agent).get('/api/care/posts?from=2026-05-01&to=2026-04-01')).statusCode).toBe(400);
    expect((await h.as(marketing).patch(`/api/care/posts/${h.org.orgId}`, { text: 'x', version: 1 })).statusCode).toBe(
      404,
    );
  });
});
