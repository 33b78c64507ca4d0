import { describe, expect, it } from 'vitest';
import { setup } from './harness.ts';
import { insertCustomers } from './value-fixture.ts';

// Cohort retention (docs/metrics.md "Cohort retention") through the API, by hand: January to March 2026.

const h = await setup();
const admin = h.as(h.org.admin);
const agent = await h.user(['agent']);
const q = 'from=2026-01-01&to=2026-04-01';

// K1 (the agent's): Jan 5, Feb 10, Mar 3 and Apr 5 (after the period) — January cohort, k = 0, 1, 2.
// K2: Jan 20 and Jan 25 (one month), Mar 15 in USD (cohorts count customers, in any currency) — January cohort,
// k = 0, 2.
// K3: Feb 1, then only a refund on Mar 5 (not a purchase) — February cohort, k = 0.
// K4: first bought in December 2025 — no cohort of the period, though it buys in January.
// K5: Mar 31 23:00 UTC — March cohort.
// K6: a zero-amount sale on Jan 2, its first purchase on Feb 14 — February cohort.
// K7: buys only after the period.
await insertCustomers(h.db.db, h.org.orgId, [
  {
    name: 'K1',
    ownerId: agent.userId,
    purchases: [
      { day: '2026-01-05', amount: 10 },
      { day: '2026-02-10', amount: 10 },
      { day: '2026-03-03', amount: 10 },
      { day: '2026-04-05', amount: 10 },
    ],
  },
  {
    name: 'K2',
    purchases: [
      { day: '2026-01-20', amount: 10 },
      { day: '2026-01-25', amount: 10 },
      { day: '2026-03-15', amount: 10, currency: 'USD' },
    ],
  },
  {
    name: 'K3',
    purchases: [
      { day: '2026-02-01', amount: 10, time: '00:00:00' },
      { day: '2026-03-05', amount: -10 },
    ],
  },
  {
    name: 'K4',
    purchases: [
      { day: '2025-12-15', amount: 10 },
      { day: '2026-01-10', amount: 10 },
    ],
  },
  { name: 'K5', purchases: [{ day: '2026-03-31', amount: 10, time: '23:00:00' }] },
  {
    name: 'K6',
    purchases: [
      { day: '2026-01-02', amount: 0 },
      { day: '2026-02-14', amount: 10 },
    ],
  },
  { name: 'K7', purchases: [{ day: '2026-04-02', amount: 10 }] },
]);

const cells = (ks: number[], size: number) => ks.map((customers, k) => ({ k, customers, share: customers / size }));

describe('cohorts', () => {
  it('per month of first purchase: its size and the share buying in month k', async () => {
    const res = await admin.get(`/api/value/cohorts?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
      note: null,
      cohorts: [
        { month: '2026-01', size: 2, retention: cells([2, 1, 2], 2) },
        { month: '2026-02', size: 2, retention: cells([2, 0], 2) },
        { month: '2026-03', size: 1, retention: cells([1], 1) },
      ],
    });
  });

  it("an agent's cohorts hold only their customers", async () => {
    const c = (await h.as(agent).get(`/api/value/cohorts?${q}`)).json();
    expect(c.cohorts).toEqual([
      { month: '2026-01', size: 1, retention: cells([1, 1, 1], 1) },
      { month: '2026-02', size: 0, retention: [] },
      { month: '2026-03', size: 0, retention: [] },
    ]);
  });

  it('a period that ends mid-month counts that month so far', async () => {
    const c = (await admin.get('/api/value/cohorts?from=2026-01-01&to=2026-02-12')).json();
    expect(c.cohorts).toEqual([
      { month: '2026-01', size: 2, retention: cells([2, 1], 2) },
      { month: '2026-02', size: 1, retention: cells([1], 1) },
    ]);
  });

  it('future periods and empty orgs: 200 with a note; bad ranges: 400', async () => {
    expect((await admin.get('/api/value/cohorts?from=2999-01-01&to=2999-03-01')).json()).toMatchObject({
      cohorts: [],
      note: 'not_enough_data',
    });
    const empty = await h.newOrg('cohorts-empty');
    const c = (await h.as(empty.admin).get(`/api/value/cohorts?${q}`)).json();
    expect(c.note).toBe('not_enough_data');
    expect(c.cohorts.map((x: { size: number }) => x.size)).toEqual([0, 0, 0]);
    expect((await admin.get('/api/value/cohorts?from=2026-03-01&to=2026-01-01')).statusCode).toBe(400);
    expect((await admin.get('/api/value/cohorts?from=1990-01-01&to=2026-01-01')).statusCode).toBe(400);
    expect((await admin.get('/api/value/cohorts?from=yesterday')).statusCode).toBe(400);
  });
});

describe('the first storable days', () => {
  it('periods and as-of dates at the year 0001 answer, never 5xx', async () => {
    expect((await admin.get('/api/value/cohorts?to=0001-03-01')).statusCode).toBe(200);
    expect((await admin.get('/api/value/concentration?to=0001-03-01')).statusCode).toBe(200);
    expect((await admin.get('/api/value/clv/simple?asOf=0001-01-01')).statusCode).toBe(200);
    const fit = await admin.post('/api/value/clv/fit', { asOf: '0001-01-01' });
    expect(fit.statusCode).toBe(422);
  });
});
