import { describe, expect, it } from 'vitest';
import { setup } from './harness.ts';
import { valueFixture } from './value-core-fixture.ts';

// docs/metrics.md "Retention, churn, acquisition": hand-computed over [2025-01-01, 2025-07-01) with lapseDays = 90,
// so customers at the start bought in [2024-10-03, 2025-01-01) and customers at the end in [2025-04-02, 2025-07-01).
const h = await setup();
const fx = valueFixture(h);
const agentA = await h.user(['agent']);
const agentB = await h.user(['agent']);
const admin = h.org.admin;

const c1 = await fx.customer(agentA, 'C1 retained');
await fx.buy(agentA, c1, '2024-12-10', '100.00');
await fx.buy(agentA, c1, '2025-05-01', '50.00');
await fx.buy(agentA, c1, '2025-05-01', '25.00'); // same day: one purchase day
const c2 = await fx.customer(agentA, 'C2 lost');
await fx.buy(agentA, c2, '2024-11-15', '200.00');
const c3 = await fx.customer(agentA, 'C3 new, repeat');
await fx.buy(agentA, c3, '2025-02-01', '30.00');
await fx.buy(agentA, c3, '2025-06-15', '40.00');
const c4 = await fx.customer(agentA, 'C4 won back');
await fx.buy(agentA, c4, '2024-03-01', '10.00');
await fx.buy(agentA, c4, '2025-06-20', '60.00');
const c5 = await fx.customer(agentA, 'C5 refunded, lost');
await fx.buy(agentA, c5, '2024-12-20', '80.00');
await fx.buy(agentA, c5, '2025-03-01', '-80.00');
const c6 = await fx.customer(agentA, 'C6 new, lapsed');
await fx.buy(agentA, c6, '2025-01-10', '70.00');
const c7 = await fx.customer(agentA, 'C7 USD only');
await fx.buy(agentA, c7, '2025-05-10', '999.00', 'USD');
const c8 = await fx.customer(agentB, 'C8 of agent B');
await fx.buy(agentB, c8, '2024-12-01', '500.00');
await fx.buy(agentB, c8, '2025-06-01', '500.00');

const url = '/api/value/summary?from=2025-01-01&to=2025-07-01&lapseDays=90';

describe('value summary', () => {
  it('counts customers at the start and end, retention, churn, acquisition, repeat purchases and revenue (admin)', async () => {
    const res = await h.as(admin).get(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      customersAtStart: 4, // c1 c2 c5 c8
      customersAtEnd: 5, // c1 c3 c4 c7 c8
      retained: 2,
      acquired: 3,
      wonBack: 1,
      lost: 2,
      newCustomers: 3, // c3 c6 c7
      retentionRate: 50,
      churnRate: 50,
      acquisitionRate: 75,
      activeCustomers: 6, // c1 c3 c4 c6 c7 c8 (a refund is no purchase)
      repeatCustomers: 1,
      repeatPurchaseRate: 16.7,
      currency: 'CNY',
      revenue: '695.00',
      transactions: 8,
      excludedTransactions: 1,
      currencies: [
        { currency: 'CNY', transactions: 8, revenue: '695.00' },
        { currency: 'USD', transactions: 1, revenue: '999.00' },
      ],
      note: null,
    });
  });

  it("an agent's numbers cover only their customers", async () => {
    const res = await h.as(agentA).get(url);
    expect(res.json()).toMatchObject({
      customersAtStart: 3,
      customersAtEnd: 4,
      retained: 1,
      acquired: 3,
      lost: 2,
      retentionRate: 33.3,
      churnRate: 66.7,
      acquisitionRate: 100,
      activeCustomers: 5,
      repeatPurchaseRate: 20,
      revenue: '195.00',
    });
    expect((await h.as(agentB).get(url)).json()).toMatchObject({
      customersAtStart: 1,
      customersAtEnd: 1,
      revenue: '500.00',
    });
  });

  it('money metrics per currency: USD asked for, CNY left out', async () => {
    const res = (await h.as(admin).get(`${url}&currency=usd`)).json();
    expect(res).toMatchObject({ currency: 'USD', revenue: '999.00', transactions: 1, excludedTransactions: 8 });
  });

  it('marketing and executives see the whole organisation; HR and employees are refused', async () => {
    for (const roles of [['marketing'], ['executive'], ['manager', 'agent']] as const) {
      const s = await h.user([...roles]);
      expect((await h.as(s).get(url)).statusCode).toBe(200);
    }
    expect((await h.as(await h.user(['marketing'])).get(url)).json().customersAtStart).toBe(4);
    expect((await h.as(await h.user(['hr'])).get(url)).statusCode).toBe(403);
    expect((await h.as(await h.user(['employee'])).get(url)).statusCode).toBe(403);
  });

  it('future dates and empty periods: 200 with zeros, null rates and a note, never NaN', async () => {
    const future = (await h.as(admin).get('/api/value/summary?from=2999-01-01&to=2999-02-01')).json();
    expect(future).toMatchObject({ customersAtStart: 0, activeCustomers: 0, retentionRate: null, revenue: '0.00' });
    expect(future.note).toBe('not_enough_data');
    const empty = (await h.as(admin).get('/api/value/summary?from=2001-01-01&to=2001-02-01')).json();
    expect(empty).toMatchObject({ customersAtStart: 0, churnRate: null, repeatPurchaseRate: null, currency: null });
    expect(empty.note).toBe('not_enough_data');
  });

  it('refuses a reversed period, a bad currency and an unknown time zone on the field', async () => {
    const bad = [
      '/api/value/summary?from=2025-02-01&to=2025-01-01',
      '/api/value/summary?from=2025-01-01&to=2025-02-01&currency=12',
      '/api/value/summary?from=2025-01-01&to=2025-02-01&timeZone=Mars/Olympus',
      '/api/value/summary?from=2025-13-01&to=2025-02-01',
      '/api/value/summary?to=2025-02-01',
    ];
    for (const u of bad) {
      const res = await h.as(admin).get(u);
      expect(res.statusCode, u).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('counts a customer merged mid-history once, with both histories', async () => {
    const keep = await fx.customer(agentA, 'Merged keep');
    const dup = await fx.customer(agentA, 'Merged dup');
    await fx.buy(agentA, keep, '2023-05-20', '10.00');
    await fx.buy(agentA, dup, '2023-05-21', '10.00');
    const period = '/api/value/summary?from=2023-05-01&to=2023-06-01&lapseDays=90';
    expect((await h.as(admin).get(period)).json()).toMatchObject({ activeCustomers: 2, repeatCustomers: 0 });
    expect((await h.as(admin).post(`/api/parties/${dup}/merge`, { intoId: keep })).statusCode).toBe(200);
    expect((await h.as(admin).get(period)).json()).toMatchObject({
      customersAtEnd: 1,
      activeCustomers: 1,
      repeatCustomers: 1,
      revenue: '20.00',
    });
  });
});
