import { describe, expect, it } from 'vitest';
import type { Project, QualityReview, ReviewInterview, ReviewResults } from '../src/api.ts';
import { setup, type Session } from './harness.ts';

// The quality review loop through the API (docs/projects.md "Quality review"): one cycle from step 1 to 8, the
// next cycle from it with trust falling for one customer, bad input, and what an agent sees.

const h = await setup();
const admin = h.org.admin;
const agentA = await h.user(['agent'], { name: 'Ann Agent' });
const agentB = await h.user(['agent'], { name: 'Bo Agent' });
const untrained = await h.user(['agent'], { name: 'New Agent' });
const employee = await h.user(['employee']);
const hr = await h.user(['hr']);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Links the user to an employee record with a training record (the interviewers are trained staff). */
async function train(s: Session, name: string) {
  const p = await h
    .as(admin)
    .post('/api/parties', { kind: 'person', displayName: name, roles: [{ role: 'employee' }] });
  expect(p.statusCode, p.body).toBe(201);
  const party = p.json<{ id: string; roles: { role: string; version: number }[] }>();
  const user = (await h.as(admin).get(`/api/users/${s.userId}`)).json<{ version: number }>();
  const linked = await h.as(admin).patch(`/api/users/${s.userId}`, { partyId: party.id, version: user.version });
  expect(linked.statusCode, linked.body).toBe(200);
  const version = party.roles.find((r) => r.role === 'employee')?.version;
  const t = await h.as(admin).patch(`/api/employees/${party.id}`, {
    training: { title: 'Face-to-face interviews', completedOn: day(-30) },
    version,
  });
  expect(t.statusCode, t.body).toBe(200);
}
await train(agentA, 'Ann Agent');
await train(agentB, 'Bo Agent');

async function customer(s: Session, name: string) {
  const res = await h.as(s).post('/api/parties', { kind: 'person', displayName: name, roles: [{ role: 'customer' }] });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}
const c1 = await customer(agentA, 'Chen One');
const c2 = await customer(agentA, 'Chen Two');
const c3 = await customer(agentB, 'Chen Three');

const indicators = [
  { key: 'quality', nameZh: '质量', nameEn: 'Quality', source: 'customer_value' },
  { key: 'delivery', nameZh: '交付', nameEn: 'Delivery', source: 'revenue' },
];
const goal = 'Keep 90 % of key accounts';

async function interview(s: Session, reviewId: string, body: Record<string, unknown>) {
  const res = await h.as(s).post(`/api/quality-reviews/${reviewId}/interviews`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ReviewInterview>();
}
const steps = (names: string[]) => names.map((step) => ({ step, state: 'done', evidence: `${step} done` }));

describe('a cycle from step 1 to 8, then the next one', () => {
  let first: QualityReview;
  let second: QualityReview;

  it('steps 1–2: key customers by hand, indicators, goals, trained interviewers', async () => {
    const bad = await h.as(admin).post('/api/quality-reviews', {
      name: 'Q1',
      partyIds: [c1],
      assignments: [{ partyId: c1, interviewerId: untrained.userId }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { details: { code: string }[] } }>().error.details[0]?.code).toBe('not_trained');
    const res = await h.as(admin).post('/api/quality-reviews', {
      name: 'Q1',
      partyIds: [c1, c2, c3],
      indicators,
      goals: [goal],
      assignments: [
        { partyId: c1, interviewerId: agentA.userId },
        { partyId: c2, interviewerId: agentA.userId },
        { partyId: c3, interviewerId: agentB.userId },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    first = res.json<QualityReview>();
    expect(first.steps.map((s) => [s.number, s.state])).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8].map((n) => [n, 'not_started']),
    );
    expect(first.steps[0]?.count).toBe(3);
    const patched = await h.as(admin).patch(`/api/quality-reviews/${first.id}`, {
      steps: steps(['key_customers', 'indicators']),
    });
    expect(patched.json<QualityReview>().progress).toBe(0.25);
  });

  it('steps 3–4: interviews logged on the customer, the urgent need answered by a task or a case', async () => {
    await interview(agentA, first.id, { partyId: c1, ratings: { quality: 4, delivery: 4 }, trust: 4 });
    await interview(agentA, first.id, { partyId: c2, ratings: { quality: 3, delivery: 2 }, trust: 3 });
    const i3 = await interview(agentB, first.id, {
      partyId: c3,
      ratings: { quality: 5, delivery: 5 },
      trust: 5,
      urgentNeed: 'Faster invoices',
      response: { kind: 'case', title: 'Invoice turnaround', dueOn: day(7) },
    });
    expect(i3.responseKind).toBe('case');
    const timeline = await h.as(agentB).get(`/api/interactions?partyId=${c3}`);
    expect(timeline.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toContain(i3.interactionId);
    expect((await h.as(agentB).get(`/api/cases/${i3.responseId}`)).statusCode).toBe(200);
  });

  it('steps 5–8: an improvement tied to a project and a goal; staff and customers told through tasks', async () => {
    const project = await h.as(admin).post('/api/projects', { kind: 'special_customer', name: 'Invoice fix' });
    const projectId = project.json<Project>().id;
    const act = await h.as(admin).post(`/api/quality-reviews/${first.id}/actions`, {
      kind: 'improvement',
      title: 'Weekly invoicing',
      projectId,
      goal,
      evaluation: 'Invoices out in 2 days',
    });
    expect(act.statusCode, act.body).toBe(201);
    const staff = await h.as(admin).post(`/api/quality-reviews/${first.id}/actions`, {
      kind: 'communication',
      title: 'What we changed',
      audience: 'staff',
      dueOn: day(3),
    });
    expect(staff.json<{ taskCount: number }>().taskCount).toBe(2);
    const told = await h.as(admin).post(`/api/quality-reviews/${first.id}/actions`, {
      kind: 'communication',
      title: 'Tell them what changed',
      audience: 'customers',
      dueOn: day(3),
    });
    expect(told.json<{ taskCount: number }>().taskCount).toBe(3);
    const tasks = await h.as(agentA).get('/api/tasks?assignee=me');
    expect(
      tasks.json<{ items: { title: string }[] }>().items.filter((t) => t.title === 'Tell them what changed'),
    ).toHaveLength(2);
    const done = await h.as(admin).patch(`/api/quality-reviews/${first.id}`, {
      steps: steps(['interviews', 'responses', 'improvements', 'implementation', 'evaluation', 'communication']),
    });
    const review = done.json<QualityReview>();
    expect(review.progress).toBe(1);
    expect(review.steps.map((s) => s.count)).toEqual([3, 2, 3, 1, 1, 1, 1, 2]);
  });

  it('the next cycle starts from the last; trust falling and low trust flag relationships in trouble', async () => {
    const res = await h.as(admin).post(`/api/quality-reviews/${first.id}/next`, { name: 'Q2' });
    expect(res.statusCode, res.body).toBe(201);
    second = res.json<QualityReview>();
    expect(second.previousId).toBe(first.id);
    expect(second.indicators).toEqual(indicators);
    expect(second.customers.map((c) => [c.displayName, c.interviewerName])).toEqual([
      ['Chen One', 'Ann Agent'],
      ['Chen Three', 'Bo Agent'],
      ['Chen Two', 'Ann Agent'],
    ]);
    await interview(agentA, second.id, { partyId: c1, ratings: { quality: 2, delivery: 1 }, trust: 2 });
    await interview(agentA, second.id, {
      partyId: c2,
      ratings: { quality: 3, delivery: 3 },
      trust: 3,
      urgentNeed: 'A call back',
      response: { kind: 'task', title: 'Call back', dueOn: day(-1) },
    });
    await interview(agentB, second.id, { partyId: c3, ratings: { quality: 4, delivery: 5 }, trust: 4 });
    const r = (await h.as(admin).get(`/api/quality-reviews/${second.id}/results`)).json<ReviewResults>();
    // Trust 2, 3, 4 → mean 3. Chen One: 2 ≤ 2 and 4 → 2 fell; Chen Three: 5 → 4 fell; Chen Two: 3 → 3 holds.
    expect(r.meanTrust).toBe(3);
    expect(r.interviewed).toBe(3);
    expect(r.inTrouble.map((t) => [t.displayName, t.trust, t.previousTrust, t.reasons])).toEqual([
      ['Chen One', 2, 4, ['low_trust', 'fallen']],
      ['Chen Three', 4, 5, ['fallen']],
    ]);
    expect(r.cells).toHaveLength(6);
    expect(r.cells.find((c) => c.partyId === c1 && c.indicator === 'delivery')?.rating).toBe(1);
    expect(r.overdue.map((o) => [o.displayName, o.responseKind, o.dueOn])).toEqual([['Chen Two', 'task', day(-1)]]);
  });

  it('an agent sees only the customers they may see, and cannot interview the others', async () => {
    const got = (await h.as(agentA).get(`/api/quality-reviews/${second.id}`)).json<QualityReview>();
    expect(got.customers.map((c) => c.displayName)).toEqual(['Chen One', 'Chen Two']);
    const r = (await h.as(agentA).get(`/api/quality-reviews/${second.id}/results`)).json<ReviewResults>();
    expect(r.customers.map((c) => c.displayName)).toEqual(['Chen One', 'Chen Two']);
    expect(r.inTrouble.map((t) => t.displayName)).toEqual(['Chen One']);
    expect(r.cells.every((c) => c.partyId !== c3)).toBe(true);
    expect(r.meanTrust).toBe(2.5);
    const q3 = await h.as(agentA).post('/api/quality-reviews', { name: 'Mine' });
    expect(q3.statusCode).toBe(403);
    const other = await h.as(admin).post('/api/quality-reviews', { name: 'Q3', partyIds: [c3], indicators });
    const id = other.json<QualityReview>().id;
    const denied = await h
      .as(agentA)
      .post(`/api/quality-reviews/${id}/interviews`, { partyId: c3, ratings: {}, trust: 3 });
    expect(denied.statusCode).toBe(404);
  });
});

describe('bad input and access', () => {
  it('answers 4xx on the field', async () => {
    const res = await h.as(admin).post('/api/quality-reviews', { name: 'Bad', partyIds: [c1], indicators });
    const id = res.json<QualityReview>().id;
    const post = (body: Record<string, unknown>) => h.as(agentA).post(`/api/quality-reviews/${id}/interviews`, body);
    expect((await post({ partyId: c1, ratings: { quality: 6 }, trust: 3 })).statusCode).toBe(400);
    expect((await post({ partyId: c1, ratings: { quality: 3 }, trust: 0 })).statusCode).toBe(400);
    const unknown = await post({ partyId: c1, ratings: { price: 3 }, trust: 3 });
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json())).toContain('ratings');
    expect((await post({ partyId: c2, ratings: {}, trust: 3 })).statusCode).toBe(404);
    expect((await post({ partyId: c1, ratings: { quality: 3 }, trust: 3 })).statusCode).toBe(201);
    expect((await post({ partyId: c1, ratings: { quality: 3 }, trust: 3 })).statusCode).toBe(409);
    const act = (body: Record<string, unknown>) => h.as(admin).post(`/api/quality-reviews/${id}/actions`, body);
    expect((await act({ kind: 'improvement', title: 'x', goal: 'Not a goal' })).statusCode).toBe(400);
    expect((await act({ kind: 'communication', title: 'x' })).statusCode).toBe(400);
    expect(
      (await act({ kind: 'improvement', title: 'x', pdcaId: '00000000-0000-4000-8000-000000000000' })).statusCode,
    ).toBe(400);
    const dup = await h.as(admin).post('/api/quality-reviews', {
      name: 'Dup',
      indicators: [indicators[0], indicators[0]],
    });
    expect(dup.statusCode).toBe(400);
    const empty = (await h.as(admin).get(`/api/quality-reviews/${id}/results`)).json<ReviewResults>();
    expect(empty.meanTrust).toBe(3);
  });

  it('refuses HR-only users and employees (403) and other organisations (404)', async () => {
    const res = await h.as(admin).post('/api/quality-reviews', { name: 'Closed door' });
    const id = res.json<QualityReview>().id;
    const empty = (await h.as(admin).get(`/api/quality-reviews/${id}/results`)).json<ReviewResults>();
    expect(empty).toMatchObject({ meanTrust: null, interviewed: 0, note: 'not_enough_data' });
    for (const s of [hr, employee]) {
      expect((await h.as(s).get('/api/quality-reviews')).statusCode).toBe(403);
      expect((await h.as(s).get(`/api/quality-reviews/${id}`)).statusCode).toBe(403);
    }
    const other = await h.newOrg('reviews-other');
    expect((await h.as(other.admin).get(`/api/quality-reviews/${id}`)).statusCode).toBe(404);
    expect((await h.as(other.admin).get(`/api/quality-reviews/${id}/results`)).statusCode).toBe(404);
  });
});

describe('an interview in one transaction', () => {
  it('a response the other module refuses leaves nothing written: no interaction, response or interview', async () => {
    const c4 = await customer(admin, 'Chen Four');
    const res = await h.as(admin).post('/api/quality-reviews', { name: 'One write', partyIds: [c4], indicators });
    const id = res.json<QualityReview>().id;
    const count = async (url: string) => (await h.as(admin).get(url)).json<{ items: unknown[] }>().items.length;
    const written = async () => [
      await count(`/api/interactions?partyId=${c4}&limit=100`),
      await count(`/api/tasks?partyId=${c4}&limit=100`),
      await count(`/api/cases?partyId=${c4}&limit=100`),
      (await h.as(admin).get(`/api/quality-reviews/${id}`)).json<QualityReview>().steps[2]?.count,
    ];
    expect(await written()).toEqual([0, 0, 0, 0]);
    const nobody = '00000000-0000-4000-8000-000000000001';
    for (const kind of ['task', 'case']) {
      const bad = await h.as(admin).post(`/api/quality-reviews/${id}/interviews`, {
        partyId: c4,
        ratings: { quality: 2 },
        trust: 2,
        urgentNeed: 'Late invoices',
        response: { kind, title: 'Fix invoices', dueOn: day(5), assigneeId: nobody },
      });
      expect(bad.statusCode, bad.body).toBe(400);
      expect(bad.json<{ error: { details: { path: string[] }[] } }>().error.details[0]?.path).toEqual([
        'body',
        'response',
        'assigneeId',
      ]);
      expect(await written()).toEqual([0, 0, 0, 0]);
    }
    const ok = await interview(admin, id, {
      partyId: c4,
      ratings: { quality: 2 },
      trust: 2,
      urgentNeed: 'Late invoices',
      response: { kind: 'case', title: 'Fix invoices', dueOn: day(5), assigneeId: agentA.userId },
    });
    expect(ok.responseKind).toBe('case');
    expect(await written()).toEqual([1, 0, 1, 1]);
    const c = await h.as(admin).get(`/api/cases/${ok.responseId}`);
    expect(c.json<{ assigneeId: string }>().assigneeId).toBe(agentA.userId);
  });
});
