import { describe, expect, it } from 'vitest';
import { setup } from './harness.ts';
import { valueFixture } from './value-core-fixture.ts';

// docs/metrics.md "Value classes", hand-computed over the 365 days ending today (cases are opened today).
//   customer  purchase days  revenue  interactions  cases (remedy)  cost = 10/interaction + 50/case + remedy
//   P         3              1500     2             1 (100)         170
//   Q         1              2000     0             0               0
//   R         4              200      5             2               150
//   S         1              30       0             0               0
// With margin 0.5: profit P 580, Q 1000, R −50, S 15; medians: profit (15 + 580)/2 = 297.5, revenue
// (200 + 1500)/2 = 850, cost (0 + 150)/2 = 75. Loyal: ≥ 2 purchase days (P, R).
const h = await setup();
const fx = valueFixture(h);
const agentA = await h.user(['agent']);
const agentB = await h.user(['agent']);
const admin = h.org.admin;
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

const P = await fx.customer(agentA, 'P true friend');
const Q = await fx.customer(agentA, 'Q butterfly');
const R = await fx.customer(agentA, 'R barnacle');
const S = await fx.customer(agentA, 'S stranger');
for (const n of [10, 40, 70]) {
  await fx.buy(agentA, P, daysAgo(n), '500.00');
}
await fx.buy(agentA, Q, daysAgo(20), '2000.00');
for (const n of [5, 15, 25, 35]) {
  await fx.buy(agentA, R, daysAgo(n), '50.00');
}
await fx.buy(agentA, S, daysAgo(200), '30.00');
await fx.buy(agentA, S, daysAgo(400), '999.00'); // before the window

async function interact(party: string, direction: string, n: number) {
  const res = await h.as(agentA).post('/api/interactions', {
    partyId: party,
    channel: 'phone',
    direction,
    subject: 'Call',
    occurredAt: `${daysAgo(n)}T09:00:00Z`,
  });
  expect(res.statusCode, res.body).toBe(201);
}
await interact(P, 'inbound', 3);
await interact(P, 'outbound', 30);
await interact(P, 'internal', 31); // a note, not a contact
await interact(S, 'inbound', 500); // before the window
for (const n of [1, 2, 3, 4, 5]) {
  await interact(R, 'outbound', n);
}
async function openCase(party: string, remedyCost?: number) {
  const c = await h.as(agentA).post('/api/cases', { type: 'complaint', subject: 'Late', partyId: party });
  expect(c.statusCode, c.body).toBe(201);
  if (remedyCost !== undefined) {
    const res = await h
      .as(agentA)
      .post(`/api/cases/${c.json().id}/resolve`, { rootCause: 'company_error', remedy: 'material', remedyCost });
    expect(res.statusCode, res.body).toBe(200);
  }
}
await openCase(P, 100);
await openCase(R);
await openCase(R);

const settings = {
  grossMargin: 0.5,
  interactionCost: '10.00',
  caseCost: '50.00',
  includeRemedyCost: true,
  loyalMinPurchaseDays: 2,
  highProfitMin: null,
  highRevenueMin: null,
  highCostMin: null,
};
const short = (rows: { class: string; customers: number }[]) =>
  Object.fromEntries(rows.map((r) => [r.class, r.customers]));

describe('value classes', () => {
  // Defaults: profit = revenue − remedies (P 1400, Q 2000, R 200, S 30): median (200 + 1400)/2 = 800.
  it('defaults: no unit costs, margin 1, loyal from two purchase days, high from the median', async () => {
    const got = (await h.as(agentA).get('/api/value/class-settings')).json();
    expect(got).toMatchObject({ version: 0, isDefault: true, settings: { loyalMinPurchaseDays: 2, grossMargin: 1 } });
    const res = await h.as(admin).get('/api/value/classes');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ customers: 4, currency: 'CNY', note: null });
    expect(body.thresholds).toEqual({
      loyalMinPurchaseDays: 2,
      highProfitMin: '800.00',
      highRevenueMin: '850.00',
      highCostMin: '0.00',
    });
    expect(short(body.loyaltyProfitability)).toEqual({ true_friend: 1, butterfly: 1, barnacle: 1, stranger: 1 });
    // P's remedy (100) is a cost even without unit costs: above zero and at least the median (0).
    expect(short(body.revenueCost)).toEqual({
      high_revenue_low_cost: 1,
      high_revenue_high_cost: 1,
      low_revenue_low_cost: 2,
      low_revenue_high_cost: 0,
    });
  });

  it('with org unit costs and margin: cost to serve from interactions, cases and remedies; both class maps', async () => {
    const marketing = await h.user(['marketing']);
    expect((await fx.put(agentA, '/api/value/class-settings', { settings, version: 0 })).statusCode).toBe(403);
    const put = await fx.put(marketing, '/api/value/class-settings', { settings, version: 0 });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ version: 1, isDefault: false, settings });
    expect((await fx.put(marketing, '/api/value/class-settings', { settings, version: 0 })).statusCode).toBe(409);

    const body = (await h.as(admin).get('/api/value/classes')).json();
    expect(body.thresholds).toEqual({
      loyalMinPurchaseDays: 2,
      highProfitMin: '297.50',
      highRevenueMin: '850.00',
      highCostMin: '75.00',
    });
    expect(body.loyaltyProfitability).toEqual([
      { class: 'true_friend', customers: 1, revenue: '1500.00', costToServe: '170.00', profit: '580.00' },
      { class: 'butterfly', customers: 1, revenue: '2000.00', costToServe: '0.00', profit: '1000.00' },
      { class: 'barnacle', customers: 1, revenue: '200.00', costToServe: '150.00', profit: '-50.00' },
      { class: 'stranger', customers: 1, revenue: '30.00', costToServe: '0.00', profit: '15.00' },
    ]);
    expect(short(body.revenueCost)).toEqual({
      high_revenue_low_cost: 1,
      high_revenue_high_cost: 1,
      low_revenue_low_cost: 1,
      low_revenue_high_cost: 1,
    });
    const list = (await h.as(admin).get('/api/value/classes/customers?class=low_revenue_high_cost')).json();
    expect(list.items).toEqual([
      {
        partyId: R,
        frequency: 4,
        revenue: '200.00',
        costToServe: '150.00',
        profit: '-50.00',
        loyaltyClass: 'barnacle',
        costClass: 'low_revenue_high_cost',
      },
    ]);
    const page = (await h.as(admin).get('/api/value/classes/customers?limit=3')).json();
    expect(page.items).toHaveLength(3);
    const rest = (await h.as(admin).get(`/api/value/classes/customers?limit=3&cursor=${page.nextCursor}`)).json();
    expect(rest).toMatchObject({ nextCursor: null });
    expect(rest.items).toHaveLength(1);
  });

  it('set thresholds replace the medians', async () => {
    const fixed = { ...settings, highProfitMin: '10.00', highRevenueMin: '100.00', highCostMin: '160.00' };
    expect((await fx.put(admin, '/api/value/class-settings', { settings: fixed, version: 1 })).statusCode).toBe(200);
    const body = (await h.as(admin).get('/api/value/classes')).json();
    // Profit ≥ 10: P, Q, S; loyal P, R → P true friend, Q and S butterflies, R barnacle.
    expect(short(body.loyaltyProfitability)).toEqual({ true_friend: 1, butterfly: 2, barnacle: 1, stranger: 0 });
    // Revenue ≥ 100: P, Q, R; cost ≥ 160: P.
    expect(short(body.revenueCost)).toEqual({
      high_revenue_low_cost: 2,
      high_revenue_high_cost: 1,
      low_revenue_low_cost: 1,
      low_revenue_high_cost: 0,
    });
  });

  it("an agent's classes cover only their customers; bad input answers 400; a future window a note", async () => {
    expect((await h.as(agentB).get('/api/value/classes')).json()).toMatchObject({
      customers: 0,
      note: 'not_enough_data',
    });
    expect((await h.as(agentA).get('/api/value/classes')).json().customers).toBe(4);
    expect((await h.as(await h.user(['employee'])).get('/api/value/classes')).statusCode).toBe(403);
    const bad = [
      { ...settings, grossMargin: 2 },
      { ...settings, interactionCost: '-1' },
      { ...settings, caseCost: '1.234' },
      { ...settings, loyalMinPurchaseDays: 0 },
      { ...settings, extra: true },
    ];
    for (const s of bad) {
      expect((await fx.put(admin, '/api/value/class-settings', { settings: s, version: 2 })).statusCode).toBe(400);
    }
    expect((await h.as(admin).get('/api/value/classes/customers?class=friend')).statusCode).toBe(400);
    expect((await h.as(admin).get('/api/value/classes?asOf=2999-01-01')).json()).toMatchObject({
      customers: 0,
      note: 'not_enough_data',
    });
  });
});
