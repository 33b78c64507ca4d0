import { describe, expect, it } from 'vitest';
import { gini, lorenz, topShare } from '../src/modules/value/index.ts';
import { setup } from './harness.ts';
import { insertCustomers } from './value-fixture.ts';

// Concentration (docs/metrics.md "Pareto concentration, Lorenz curve, Gini") through the API, by hand.

const h = await setup();
const admin = h.as(h.org.admin);
const agent1 = await h.user(['agent']);
const agent2 = await h.user(['agent']);
const hr = await h.user(['hr']);
const q = 'from=2026-01-01&to=2026-02-01';

// January 2026 revenue in CNY, ascending after the merge: 5, 10, 10, 30, 50 (total 105).
// C2 nets a refund (15 − 5), C3 has a zero-amount sale, C9 (5) is merged into C4 (25): counted once, as 30.
// Left out: C6 (refunds only: revenue ≤ 0), C7 (USD: one transaction left out), C8 (outside the half-open period).
const [, , , c4, , , , , c9] = await insertCustomers(h.db.db, h.org.orgId, [
  { name: 'C1', ownerId: agent1.userId, purchases: [{ day: '2026-01-03', amount: 5 }] },
  {
    name: 'C2',
    ownerId: agent1.userId,
    purchases: [
      { day: '2026-01-04', amount: 15 },
      { day: '2026-01-09', amount: -5 },
    ],
  },
  {
    name: 'C3',
    purchases: [
      { day: '2026-01-05', amount: 10 },
      { day: '2026-01-06', amount: 0 },
    ],
  },
  { name: 'C4', ownerId: agent1.userId, purchases: [{ day: '2026-01-07', amount: 25 }] },
  {
    name: 'C5',
    ownerId: agent2.userId,
    purchases: [
      { day: '2026-01-01', amount: 20, time: '00:00:00' },
      { day: '2026-01-31', amount: 30, time: '23:59:59' },
    ],
  },
  { name: 'C6', purchases: [{ day: '2026-01-08', amount: -10 }] },
  { name: 'C7', purchases: [{ day: '2026-01-08', amount: 40, currency: 'USD' }] },
  {
    name: 'C8',
    purchases: [
      { day: '2025-12-31', amount: 100, time: '23:59:59' },
      { day: '2026-02-01', amount: 100, time: '00:00:00' },
    ],
  },
  { name: 'C9', ownerId: agent2.userId, purchases: [{ day: '2026-01-10', amount: 5 }] },
]);
const merged = await admin.post(`/api/parties/${c9}/merge`, { intoId: c4 });
expect(merged.statusCode, merged.body).toBe(200);

describe('concentration by customer', () => {
  it('n, total, top-20 % share, Gini and the Lorenz curve, by hand', async () => {
    const res = await admin.get(`/api/value/concentration?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c).toMatchObject({ by: 'customer', currency: 'CNY', n: 5, total: 105, excludedTransactions: 1, note: null });
    expect(c.gini).toBeCloseTo(220 / 525, 12);
    expect(c.top20Share).toBeCloseTo(50 / 105, 12);
    const want = [0, 5, 15, 25, 55, 105].map((y, i) => ({ x: i / 5, y: y / 105 }));
    c.lorenz.forEach((p: { x: number; y: number }, i: number) => {
      expect(p.x).toBeCloseTo(want[i]!.x, 12);
      expect(p.y).toBeCloseTo(want[i]!.y, 12);
    });
    expect(c.lorenz).toHaveLength(6);
  });

  it("an agent's numbers cover only their customers: C1, C2, C4 (5, 10, 30)", async () => {
    const c = (await h.as(agent1).get(`/api/value/concentration?${q}`)).json();
    expect(c).toMatchObject({ n: 3, total: 45 });
    expect(c.gini).toBeCloseTo(50 / 135, 12);
    expect(c.top20Share).toBeCloseTo(30 / 45, 12);
    expect((await h.as(hr).get(`/api/value/concentration?${q}`)).statusCode).toBe(403);
  });

  it('a currency asked for: USD alone', async () => {
    const c = (await admin.get(`/api/value/concentration?${q}&currency=usd`)).json();
    expect(c).toMatchObject({ currency: 'USD', n: 1, total: 40, gini: 0, top20Share: 1 });
    // The ten CNY transactions of January (C8's fall outside it).
    expect(c.excludedTransactions).toBe(10);
  });
});

describe('concentration by owner', () => {
  it("owners' revenue: agent1 5 + 10 + 30 = 45, agent2 50 (C9 went to C4, agent1's); unowned C3 left out", async () => {
    const c = (await admin.get(`/api/value/concentration?${q}&by=owner`)).json();
    expect(c).toMatchObject({ by: 'owner', n: 2, total: 95 });
    expect(c.gini).toBeCloseTo(5 / 190, 12);
    expect(c.top20Share).toBeCloseTo(50 / 95, 12);
  });
});

describe('bad input and no data', () => {
  it('future periods and empty currencies: zeros and a note; to before from: 400 on the field', async () => {
    const future = (await admin.get('/api/value/concentration?from=2999-01-01&to=2999-02-01')).json();
    expect(future).toMatchObject({ n: 0, total: 0, gini: 0, top20Share: 0, lorenz: [], note: 'not_enough_data' });
    const none = (await admin.get(`/api/value/concentration?${q}&currency=EUR`)).json();
    expect(none).toMatchObject({ n: 0, gini: 0, note: 'not_enough_data' });
    const bad = await admin.get('/api/value/concentration?from=2026-02-01&to=2026-01-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toEqual(['querystring', 'to']);
    expect((await admin.get('/api/value/concentration?by=team')).statusCode).toBe(400);
    expect((await admin.get('/api/value/concentration?currency=XXQ')).statusCode).toBe(400);
  });
});

describe('SQL and the pure measures agree at n > 100', () => {
  it('250 customers with revenue 1 … 250: the same Gini, share and 101 Lorenz points', async () => {
    const org = await h.newOrg('conc-many');
    const amounts = Array.from({ length: 250 }, (_, i) => i + 1);
    await insertCustomers(
      h.db.db,
      org.orgId,
      amounts.map((a) => ({ purchases: [{ day: '2026-01-15', amount: a }] })),
    );
    const c = (await h.as(org.admin).get(`/api/value/concentration?${q}`)).json();
    expect(c.n).toBe(250);
    expect(c.gini).toBeCloseTo(gini(amounts), 12);
    expect(c.top20Share).toBeCloseTo(topShare(amounts), 12);
    const want = lorenz(amounts);
    expect(c.lorenz).toHaveLength(101);
    c.lorenz.forEach((p: { x: number; y: number }, i: number) => {
      expect(p.x).toBeCloseTo(want[i]!.x, 12);
      expect(p.y).toBeCloseTo(want[i]!.y, 12);
    });
  });
});
