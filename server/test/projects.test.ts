import { describe, expect, it } from 'vitest';
import type { BurnDown, Project, ProjectListItem } from '../src/api.ts';
import { setup, type Session } from './harness.ts';

// Relationship projects through the API (docs/projects.md): money stays numeric, status moves are checked, and the
// closing evaluation measures each target before and after (values below computed by hand).

const h = await setup();
const admin = h.org.admin;
const marketing = await h.user(['marketing']);
const agent = await h.user(['agent']);
const manager = await h.user(['manager']);
const employee = await h.user(['employee']);
const hr = await h.user(['hr']);
const today = new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

async function customer(name: string, s: Session = admin) {
  const res = await h.as(s).post('/api/parties', { kind: 'person', displayName: name, roles: [{ role: 'customer' }] });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

async function create(body: Record<string, unknown>, s: Session = admin) {
  const res = await h.as(s).post('/api/projects', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Project>();
}

async function buy(partyId: string, productId: string, amount: string, at: string) {
  const res = await h.as(admin).post('/api/transactions', {
    partyId,
    currency: 'CNY',
    occurredAt: at,
    lines: [{ productId, quantity: 1, unitPrice: amount }],
  });
  expect(res.statusCode, res.body).toBe(201);
}

describe('budget and costs in numeric money', () => {
  it('sums costs exactly and answers remaining and share', async () => {
    const p = await create({ kind: 'activity', name: 'Spring tea', budget: '1000.10' });
    expect(p).toMatchObject({
      budget: '1000.10',
      spent: '0.00',
      remaining: '1000.10',
      spentShare: 0,
      status: 'planned',
    });
    for (const amount of ['0.10', '0.20', '333.33']) {
      const res = await h.as(admin).post(`/api/projects/${p.id}/costs`, { amount, spentOn: today });
      expect(res.statusCode, res.body).toBe(201);
    }
    const got = (await h.as(admin).get(`/api/projects/${p.id}`)).json<Project>();
    // 0.10 + 0.20 + 333.33 = 333.63 exactly (a float sum would give 333.63000000000005); 1000.10 − 333.63 = 666.47.
    expect(got.spent).toBe('333.63');
    expect(got.remaining).toBe('666.47');
    expect(got.spentShare).toBeCloseTo(333.63 / 1000.1, 10);
    expect(got.costs).toHaveLength(3);
    const over = await h.as(admin).post(`/api/projects/${p.id}/costs`, { amount: '700.00', spentOn: today });
    expect(over.json<Project>().remaining).toBe('-33.53');
  });

  it('refuses floats, negatives and more than two decimals on the field', async () => {
    const p = await create({ kind: 'activity', name: 'Bad money' });
    for (const amount of [12.5, '-1.00', '1.234', 'abc']) {
      const res = await h.as(admin).post(`/api/projects/${p.id}/costs`, { amount, spentOn: today });
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json())).toContain('amount');
    }
    expect((await h.as(admin).post('/api/projects', { kind: 'activity', name: 'x', budget: 10 })).statusCode).toBe(400);
  });

  it('draws the burn-down from SQL: cumulative cost by day', async () => {
    const p = await create({ kind: 'activity', name: 'Burn', budget: '100.00' });
    const empty = (await h.as(admin).get(`/api/projects/${p.id}/burn-down`)).json<BurnDown>();
    expect(empty.note).toBe('not_enough_data');
    const d2 = daysAgo(2).slice(0, 10);
    const d1 = daysAgo(1).slice(0, 10);
    await h.as(admin).post(`/api/projects/${p.id}/costs`, { amount: '10.00', spentOn: d2 });
    await h.as(admin).post(`/api/projects/${p.id}/costs`, { amount: '5.50', spentOn: d2 });
    await h.as(admin).post(`/api/projects/${p.id}/costs`, { amount: '20.00', spentOn: today });
    const bd = (await h.as(admin).get(`/api/projects/${p.id}/burn-down`)).json<BurnDown>();
    expect(bd.budget).toBe('100.00');
    expect(bd.note).toBeNull();
    expect(bd.days).toEqual([
      { day: d2, spent: '15.50' },
      { day: d1, spent: '15.50' },
      { day: today, spent: '35.50' },
    ]);
  });
});

describe('status transitions', () => {
  it('moves planned → active → closed and refuses the rest with 409', async () => {
    const p = await create({ kind: 'database', name: 'Clean the data' });
    expect((await h.as(admin).patch(`/api/projects/${p.id}`, { status: 'closed' })).statusCode).toBe(409);
    const active = await h.as(admin).patch(`/api/projects/${p.id}`, { status: 'active' });
    expect(active.statusCode, active.body).toBe(200);
    expect(active.json<Project>().startedAt).not.toBeNull();
    expect((await h.as(admin).patch(`/api/projects/${p.id}`, { status: 'planned' })).statusCode).toBe(409);
    expect((await h.as(admin).patch(`/api/projects/${p.id}`, { status: 'closed' })).statusCode).toBe(409);
    expect(
      (
        await h
          .as(admin)
          .patch(`/api/projects/${p.id}`, { targets: [{ metric: 'custom', target: 1, direction: 'up' }] })
      ).statusCode,
    ).toBe(409);
    expect((await h.as(admin).post(`/api/projects/${p.id}/close`, { lessons: 'Done' })).statusCode).toBe(200);
    expect((await h.as(admin).post(`/api/projects/${p.id}/close`, {})).statusCode).toBe(409);
    expect((await h.as(admin).patch(`/api/projects/${p.id}`, { status: 'cancelled' })).statusCode).toBe(409);
    expect((await h.as(admin).post(`/api/projects/${p.id}/costs`, { amount: '1.00', spentOn: today })).statusCode).toBe(
      409,
    );
    const c = await create({ kind: 'activity', name: 'Never ran' });
    expect((await h.as(admin).post(`/api/projects/${c.id}/close`, {})).statusCode).toBe(409);
    expect((await h.as(admin).patch(`/api/projects/${c.id}`, { status: 'cancelled' })).statusCode).toBe(200);
    expect((await h.as(admin).patch(`/api/projects/${c.id}`, { status: 'active' })).statusCode).toBe(409);
  });

  it('answers 409 on a stale version', async () => {
    const p = await create({ kind: 'activity', name: 'Versioned' });
    expect((await h.as(admin).patch(`/api/projects/${p.id}`, { name: 'A', version: p.version })).statusCode).toBe(200);
    expect((await h.as(admin).patch(`/api/projects/${p.id}`, { name: 'B', version: p.version })).statusCode).toBe(409);
  });
});

describe('closing evaluation', () => {
  it('measures each target before (at activation) and after, met or not, and cost against budget', async () => {
    const c1 = await customer('Eval One');
    await customer('Eval Two');
    const prod = await h.as(admin).post('/api/products', { name: 'Eval tea', currency: 'CNY', category: 'eval' });
    expect(prod.statusCode, prod.body).toBe(201);
    const productId = prod.json<{ id: string }>().id;
    await buy(c1, productId, '100.00', daysAgo(10));
    const customersBefore = (await h.as(admin).get('/api/parties?role=customer&limit=200')).json<{ items: unknown[] }>()
      .items.length;
    const p = await create({
      kind: 'product',
      name: 'Eval launch',
      budget: '500.00',
      ideaOn: '2026-01-01',
      launchOn: '2026-03-01',
      targets: [
        { metric: 'party_count', scope: 'customer', target: customersBefore + 2, direction: 'up' },
        { metric: 'product_revenue', scope: productId, target: 300, direction: 'up' },
        { metric: 'custom', scope: 'Complaints per month', target: 8, direction: 'down', before: 10 },
        { metric: 'category_revenue', scope: 'eval', target: 200, direction: 'up' },
      ],
    });
    const active = (await h.as(admin).patch(`/api/projects/${p.id}`, { status: 'active' })).json<Project>();
    expect(active.targets.map((t) => t.before?.value)).toEqual([customersBefore, 100, 10, 100]);
    await customer('Eval Three');
    await customer('Eval Four');
    await buy(c1, productId, '150.00', daysAgo(1));
    await h.as(admin).post(`/api/projects/${p.id}/costs`, { amount: '125.00', spentOn: today });
    const closed = await h.as(admin).post(`/api/projects/${p.id}/close`, {
      lessons: 'Start earlier',
      customValues: [{ target: 2, value: 7 }],
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const ev = closed.json<Project>().evaluation;
    expect(ev).not.toBeNull();
    // customers: n → n + 2 against n + 2 (up): met; revenue 100 → 250 against 300: not met; custom 10 → 7 against
    // 8 (down): met; category 100 → 250 against 200: met. Budget 500.00, spent 125.00, remaining 375.00, share 0.25.
    expect(ev?.targets.map((t) => [t.before?.value, t.after?.value, t.met])).toEqual([
      [customersBefore, customersBefore + 2, true],
      [100, 250, false],
      [10, 7, true],
      [100, 250, true],
    ]);
    expect(ev).toMatchObject({ met: 3, evaluated: 4, budget: '500.00', spent: '125.00', remaining: '375.00' });
    expect(ev?.spentShare).toBe(0.25);
    expect(ev?.lessons).toBe('Start earlier');
  });

  it('refuses targets whose scope does not fit the metric, on the field', async () => {
    const bad = [
      { metric: 'party_count', scope: 'nobody', target: 1, direction: 'up' },
      { metric: 'segment_size', scope: '00000000-0000-4000-8000-000000000000', target: 1, direction: 'up' },
      { metric: 'product_revenue', scope: 'tea', target: 1, direction: 'up' },
      { metric: 'nps', target: 1, direction: 'up', before: 3 },
    ];
    for (const t of bad) {
      const res = await h.as(admin).post('/api/projects', { kind: 'activity', name: 'Bad', targets: [t] });
      expect(res.statusCode, JSON.stringify(t)).toBe(400);
      expect(JSON.stringify(res.json())).toContain('targets');
    }
    const order = await h.as(admin).post('/api/projects', {
      kind: 'product',
      name: 'Backwards',
      ideaOn: '2026-05-01',
      launchOn: '2026-04-01',
    });
    expect(order.statusCode).toBe(400);
  });
});

describe('access', () => {
  it('lets admin, executives and marketing in; others 403; other organisations 404', async () => {
    const p = await create({ kind: 'special_customer', name: 'VIP care' }, marketing);
    expect((await h.as(marketing).get(`/api/projects/${p.id}`)).statusCode).toBe(200);
    for (const s of [agent, manager, employee, hr]) {
      expect((await h.as(s).get('/api/projects')).statusCode).toBe(403);
      expect((await h.as(s).get(`/api/projects/${p.id}`)).statusCode).toBe(403);
      expect((await h.as(s).post('/api/projects', { kind: 'activity', name: 'No' })).statusCode).toBe(403);
    }
    const other = await h.newOrg('projects-other');
    expect((await h.as(other.admin).get(`/api/projects/${p.id}`)).statusCode).toBe(404);
    const list = (await h.as(other.admin).get('/api/projects')).json<{ items: ProjectListItem[] }>();
    expect(list.items).toEqual([]);
  });

  it('links only parties the creator may see and shows readers only those they may see', async () => {
    const mine = await customer('Agent customer', agent);
    const res = await h
      .as(marketing)
      .post('/api/projects', { kind: 'special_customer', name: 'Mine', partyIds: [mine] });
    // Marketing reads private customers' aggregates, not their records: the link is refused like an unknown party.
    expect(res.statusCode).toBe(400);
    const ok = await create({ kind: 'special_customer', name: 'Linked', partyIds: [mine] });
    expect(ok.parties.map((x) => x.displayName)).toEqual(['Agent customer']);
    const seen = (await h.as(marketing).get(`/api/projects/${ok.id}`)).json<Project>();
    expect(seen.parties).toEqual([]);
  });
});
