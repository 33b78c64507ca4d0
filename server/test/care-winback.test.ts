import { describe, expect, it } from 'vitest';
import { setup } from './harness.ts';

// Win-back (docs/care.md "Win-back", docs/metrics.md "Win-back rate"): losses with their cause (from the churn reason,
// else the latest resolved case's root cause), tasks once per loss, a win_back campaign draft, and the rate by cause,
// hand-computed below.

const h = await setup();
const admin = h.org.admin;
const agent = await h.user(['agent']);
const other = await h.user(['agent']);
const marketing = await h.user(['marketing']);
const employee = await h.user(['employee']);

async function customer(name: string, ownerId: string) {
  const res = await h.as(admin).post('/api/parties', {
    kind: 'person',
    displayName: name,
    ownerId,
    roles: [{ role: 'customer', stage: 'developing' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}
const versions = new Map<string, number>();
async function move(id: string, stage: string, reason: string | null) {
  const res = await h.as(admin).put(`/api/parties/${id}/roles/customer`, {
    stage,
    ...(reason ? { reason } : {}),
    version: versions.get(id) ?? 1,
  });
  expect(res.statusCode, res.body).toBe(200);
  versions.set(id, res.json<{ version: number }>().version);
}

// P1 competition, won back; P2 competition, still lost (another agent's); P3 a resolved case says "customer";
// P4 no cause; P5 company error, won back, lost again.
const p1 = await customer('P1', agent.userId);
const p2 = await customer('P2', other.userId);
const p3 = await customer('P3', agent.userId);
const p4 = await customer('P4', agent.userId);
const p5 = await customer('P5', agent.userId);
const kase = (await h.as(admin).post('/api/cases', { type: 'request', subject: 'Moving', partyId: p3 })).json<{
  id: string;
}>();
expect(
  (await h.as(admin).post(`/api/cases/${kase.id}/resolve`, { rootCause: 'customer', remedy: 'none' })).statusCode,
).toBe(200);
await move(p1, 'churned', 'competition: cheaper elsewhere');
await move(p1, 'won_back', 'came back');
await move(p2, 'churned', 'Competition');
await move(p3, 'churned', 'moved to another city');
await move(p4, 'churned', 'no idea');
await move(p5, 'churned', 'company_error: wrong delivery');
await move(p5, 'won_back', null);
await move(p5, 'churned', 'company_error');

type Summary = {
  lost: number;
  wonBack: number;
  rate: number | null;
  wonBackMoves: number;
  byCause: { cause: string; lost: number; wonBack: number; rate: number | null }[];
  note: string | null;
};
const cause = (s: Summary, c: string) => s.byCause.find((x) => x.cause === c);

describe('win-back list and rate', () => {
  it('lists losses with their cause and where it came from', async () => {
    const res = await h.as(admin).get('/api/winback');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{
      total: number;
      items: { partyId: string; cause: string; causeSource: string | null; wonBackAt: string | null; stage: string }[];
    }>();
    expect(body.total).toBe(6);
    const of = (id: string) => body.items.filter((i) => i.partyId === id);
    expect(of(p1)[0]).toMatchObject({ cause: 'competition', causeSource: 'reason', stage: 'won_back' });
    expect(of(p1)[0]?.wonBackAt).not.toBeNull();
    expect(of(p2)[0]).toMatchObject({ cause: 'competition', causeSource: 'reason', wonBackAt: null });
    expect(of(p3)[0]).toMatchObject({ cause: 'customer', causeSource: 'case' });
    expect(of(p4)[0]).toMatchObject({ cause: 'unknown', causeSource: null });
    expect(of(p5)).toHaveLength(2);
    expect(of(p5).filter((l) => l.wonBackAt !== null)).toHaveLength(1);
    // The agent sees only their customers; plain employees are refused.
    const mine = await h.as(agent).get('/api/winback');
    expect(mine.json<{ total: number }>().total).toBe(5);
    expect((await h.as(employee).get('/api/winback')).statusCode).toBe(403);
  });

  it('rate by cause = losses won back / losses, hand-computed', async () => {
    const s = (await h.as(admin).get('/api/winback/summary')).json<Summary>();
    // 6 losses: competition 2 (P1 won back), customer 1, company_error 2 (P5's first won back), unknown 1.
    expect(s).toMatchObject({ lost: 6, wonBack: 2, wonBackMoves: 2, note: null });
    expect(s.rate).toBeCloseTo(1 / 3, 10);
    expect(cause(s, 'competition')).toEqual({ cause: 'competition', lost: 2, wonBack: 1, rate: 0.5 });
    expect(cause(s, 'customer')).toEqual({ cause: 'customer', lost: 1, wonBack: 0, rate: 0 });
    expect(cause(s, 'company_error')).toEqual({ cause: 'company_error', lost: 2, wonBack: 1, rate: 0.5 });
    expect(cause(s, 'unknown')).toEqual({ cause: 'unknown', lost: 1, wonBack: 0, rate: 0 });
    expect(cause(s, 'other')).toEqual({ cause: 'other', lost: 0, wonBack: 0, rate: null });
    // The agent's customers: P2 is not theirs.
    const mine = (await h.as(agent).get('/api/winback/summary')).json<Summary>();
    expect(cause(mine, 'competition')).toEqual({ cause: 'competition', lost: 1, wonBack: 1, rate: 1 });
    expect(mine.lost).toBe(5);
  });

  it('empty and future periods answer zeros; bad input is a 400', async () => {
    const future = await h.as(admin).get('/api/winback/summary?from=2099-01-01&to=2099-12-31');
    expect(future.statusCode).toBe(200);
    expect(future.json<Summary>()).toMatchObject({ lost: 0, wonBack: 0, rate: null });
    expect(future.json<Summary>().note).toMatch(/Not enough data/);
    expect((await h.as(admin).get('/api/winback?from=2026-03-01&to=2026-01-01')).statusCode).toBe(400);
    expect((await h.as(admin).get(`/api/winback?segment=${p1}`)).statusCode).toBe(400);
    expect((await h.as(admin).get('/api/winback?limit=0')).statusCode).toBe(400);
  });
});

describe('win-back actions', () => {
  it('one task per loss for the owner, never twice', async () => {
    const first = await h.as(agent).post('/api/winback/tasks', { dueInDays: 3 });
    expect(first.statusCode, first.body).toBe(200);
    // Still lost and theirs: P3, P4, P5 (its latest loss).
    expect(first.json()).toMatchObject({ created: 3, existing: 0 });
    const again = await h.as(agent).post('/api/winback/tasks', {});
    expect(again.json()).toMatchObject({ created: 0, existing: 3 });
    const theirs = await h.as(other).post('/api/winback/tasks', {});
    expect(theirs.json()).toMatchObject({ created: 1, existing: 0 });
    const tasks = await h.as(agent).get(`/api/tasks?partyId=${p5}`);
    const items = tasks.json<{ items: { kind: string; assigneeId: string; title: string }[] }>().items;
    expect(items.filter((t) => t.kind === 'win_back')).toEqual([
      expect.objectContaining({ assigneeId: agent.userId, title: 'Win back P5' }),
    ]);
    // A won-back customer is not a target; nor is one the caller may not see.
    expect((await h.as(agent).post('/api/winback/tasks', { partyIds: [p1] })).statusCode).toBe(400);
    expect((await h.as(agent).post('/api/winback/tasks', { partyIds: [p2] })).statusCode).toBe(400);
    expect((await h.as(employee).post('/api/winback/tasks', {})).statusCode).toBe(403);
  });

  it('drafts a win_back campaign to the customers still churned (admins and marketing)', async () => {
    const body = { name: 'Come back', subjectZh: '回来吧', subjectEn: 'Come back', bodyZh: '你好', bodyEn: 'Hello' };
    const res = await h.as(admin).post('/api/winback/campaign', body);
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json<{ kind: string; status: string; audience: { partyIds: string[] } }>();
    expect(c).toMatchObject({ kind: 'win_back', status: 'draft' });
    expect([...c.audience.partyIds].sort()).toEqual([p2, p3, p4, p5].sort());
    expect((await h.as(agent).post('/api/winback/campaign', body)).statusCode).toBe(403);
    // Marketing sees no customer under private visibility: nothing to send to.
    expect((await h.as(marketing).post('/api/winback/campaign', body)).statusCode).toBe(400);
    expect((await h.as(admin).post('/api/winback/campaign', { ...body, name: '' })).statusCode).toBe(400);
  });
});
