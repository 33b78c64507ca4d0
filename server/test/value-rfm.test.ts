import { describe, expect, it } from 'vitest';
import { defaultRfmRules } from '../src/modules/value/index.ts';
import { setup } from './harness.ts';
import { valueFixture } from './value-core-fixture.ts';

// docs/metrics.md "RFM", hand-computed. Window: the 365 days ending 2025-06-30. Seven scored customers (n = 7);
// score = ceil(5k/7), k = customers ordered at or before (ties included):
//   customer  R days  F  M      r  f  m   segment (defaults)
//   A         0       3  300    5  5  3   loyal
//   B         0       1  50     5  3  3   potential_loyalists
//   C         121     3  600    3  5  5   loyal
//   D         333     1  10     3  3  2   need_attention
//   E         333     1  5      3  3  1   need_attention   (10 bought, 5 refunded)
//   F         15      2  500    4  3  4   potential_loyalists
//   I         334     4  4000   1  5  5   cant_lose        (at_risk under the documented order)
// R: I 334 → k 1 → 1; D, E 333 → k 3 → 3; C → k 4 → 3; F → k 5 → 4; A, B 0 → k 7 → 5.
// F: B, D, E (1) → k 3 → 3; F (2) → k 4 → 3; A, C (3) → k 6 → 5; I (4) → 5.
// M: 5 → 1, 10 → 2, 50 → 3, 300 → 3, 500 → 4, 600 → 5, 4000 → 5.
const h = await setup();
const fx = valueFixture(h);
const agentA = await h.user(['agent']);
const agentB = await h.user(['agent']);
const admin = h.org.admin;
const ids: Record<string, string> = {};
for (const name of ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']) {
  ids[name] = await fx.customer(agentA, `RFM ${name}`);
}
ids.I = await fx.customer(agentB, 'RFM I');
const buys: [string, string, string, string?][] = [
  ['A', '2025-06-30', '100.00'],
  ['A', '2025-06-01', '100.00'],
  ['A', '2025-05-01', '60.00'],
  ['A', '2025-05-01', '40.00'], // the same day: one purchase day
  ['A', '2025-05-02', '70.00', 'USD'], // another currency: left out
  ['B', '2025-06-30', '50.00'],
  ['C', '2025-03-01', '200.00'],
  ['C', '2025-02-01', '200.00'],
  ['C', '2025-01-01', '200.00'],
  ['D', '2024-08-01', '10.00'],
  ['E', '2024-08-01', '10.00'],
  ['E', '2024-09-01', '-5.00'],
  ['F', '2025-06-15', '300.00'],
  ['F', '2025-06-15', '100.00'],
  ['F', '2024-12-01', '100.00'],
  ['G', '2024-06-30', '999.00'], // the day before the window
  ['H', '2025-01-01', '-20.00'], // a refund alone is no purchase
  ['H', '2025-01-02', '0.00'], // nor is a zero amount
  ['I', '2024-07-10', '1000.00'],
  ['I', '2024-07-20', '1000.00'],
  ['I', '2024-07-30', '1000.00'],
  ['I', '2024-07-31', '1000.00'],
];
for (const [who, day, amount, currency] of buys) {
  await fx.buy(who === 'I' ? agentB : agentA, ids[who] as string, day, amount, currency);
}
const q = 'asOf=2025-06-30&windowDays=365';
const nameOf = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0];

type Row = {
  partyId: string;
  recencyDays: number;
  frequency: number;
  monetary: string;
  r: number;
  f: number;
  m: number;
  segment: string;
};
async function scoredRows(s = admin, extra = '') {
  const rows: Row[] = [];
  let cursor: string | null = null;
  do {
    const res = await h.as(s).get(`/api/value/rfm/customers?${q}&limit=3${extra}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<{ items: Row[]; nextCursor: string | null }>();
    rows.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return Object.fromEntries(rows.map((r) => [nameOf(r.partyId), r])) as Record<string, Row>;
}

describe('RFM', () => {
  it('scores with ceil(5 × cume_dist()), ties sharing a score, pages through every scored customer', async () => {
    const rows = await scoredRows();
    expect(Object.keys(rows).sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'I']);
    const brief = Object.fromEntries(
      Object.entries(rows).map(([k, r]) => [k, [r.recencyDays, r.frequency, r.monetary, r.r, r.f, r.m, r.segment]]),
    );
    expect(brief).toEqual({
      A: [0, 3, '300.00', 5, 5, 3, 'loyal'],
      B: [0, 1, '50.00', 5, 3, 3, 'potential_loyalists'],
      C: [121, 3, '600.00', 3, 5, 5, 'loyal'],
      D: [333, 1, '10.00', 3, 3, 2, 'need_attention'],
      E: [333, 1, '5.00', 3, 3, 1, 'need_attention'],
      F: [15, 2, '500.00', 4, 3, 4, 'potential_loyalists'],
      I: [334, 4, '4000.00', 1, 5, 5, 'cant_lose'],
    });
    const attention = await scoredRows(admin, '&segment=need_attention');
    expect(Object.keys(attention).sort()).toEqual(['D', 'E']);
  });

  it('counts segments and revenue, the R × F grid, and the transactions of other currencies left out', async () => {
    const res = await h.as(admin).get(`/api/value/rfm?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      currency: 'CNY',
      customers: 7,
      revenue: '5465.00',
      excludedTransactions: 1,
      note: null,
    });
    const seg = Object.fromEntries(
      body.segments.map((s: { segment: string; customers: number; revenue: string }) => [
        s.segment,
        [s.customers, s.revenue],
      ]),
    );
    expect(seg).toEqual({
      champions: [0, '0.00'],
      loyal: [2, '900.00'],
      potential_loyalists: [2, '550.00'],
      new: [0, '0.00'],
      promising: [0, '0.00'],
      need_attention: [2, '15.00'],
      about_to_sleep: [0, '0.00'],
      cant_lose: [1, '4000.00'],
      at_risk: [0, '0.00'],
      hibernating: [0, '0.00'],
    });
    const grid = body.grid
      .map((c: { r: number; f: number; customers: number }) => `${c.r}${c.f}:${c.customers}`)
      .sort();
    expect(grid).toEqual(['15:1', '33:2', '35:1', '43:1', '53:1', '55:1']);
  });

  it("an agent's scores cover only their customers (scored among them)", async () => {
    const b = await scoredRows(agentB);
    expect(Object.keys(b)).toEqual(['I']);
    expect(b.I).toMatchObject({ r: 5, f: 5, m: 5, segment: 'champions' });
    const a = (await h.as(agentA).get(`/api/value/rfm?${q}`)).json();
    expect(a).toMatchObject({ customers: 6, revenue: '1465.00' });
  });

  it('rules: documented defaults with "Can\'t lose" before "At risk"; org-editable, first match wins', async () => {
    const got = (await h.as(agentA).get('/api/value/rfm-rules')).json();
    expect(got).toMatchObject({ version: 0, isDefault: true, rules: defaultRfmRules });
    const order = got.rules.map((r: { segment: string }) => r.segment);
    expect(order.indexOf('cant_lose')).toBeLessThan(order.indexOf('at_risk'));
    // The documented order: "At risk" first, so I (R1 F5 M5) lands there.
    const documented = [...defaultRfmRules];
    const [cantLose] = documented.splice(7, 1);
    documented.splice(8, 0, cantLose!);
    expect((await fx.put(agentA, '/api/value/rfm-rules', { rules: documented, version: 0 })).statusCode).toBe(403);
    const marketing = await h.user(['marketing']);
    const put = await fx.put(marketing, '/api/value/rfm-rules', { rules: documented, version: 0 });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ version: 1, isDefault: false });
    expect((await fx.put(marketing, '/api/value/rfm-rules', { rules: documented, version: 0 })).statusCode).toBe(409);
    expect((await scoredRows()).I?.segment).toBe('at_risk');
    // Rules that leave customers out: they are unclassified.
    const narrow = [{ segment: 'recent', r: [5, 5], f: [1, 5], m: [1, 5] }];
    expect((await fx.put(admin, '/api/value/rfm-rules', { rules: narrow, version: 1 })).statusCode).toBe(200);
    const seg = (await h.as(admin).get(`/api/value/rfm?${q}`)).json().segments;
    expect(seg).toEqual([
      { segment: 'recent', customers: 2, revenue: '350.00' },
      { segment: 'unclassified', customers: 5, revenue: '5115.00' },
    ]);
    const audit = (await h.as(admin).get('/api/audit?entityType=value_setting')).json();
    expect(audit.items.length).toBeGreaterThanOrEqual(2);
    expect((await fx.put(admin, '/api/value/rfm-rules', { rules: narrow, version: 2 })).statusCode).toBe(200);
    // Back to the documented defaults: at the version read, by a settings editor, audited.
    const reset = (version: number, who = admin) => h.as(who).post('/api/value/rfm-rules/reset', { version });
    expect((await reset(3, agentA)).statusCode).toBe(403);
    expect((await reset(2)).statusCode).toBe(409);
    const back = await reset(3);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ version: 0, isDefault: true, rules: defaultRfmRules });
    expect((await h.as(agentA).get('/api/value/rfm-rules')).json()).toMatchObject({ version: 0, isDefault: true });
    expect((await scoredRows()).I?.segment).toBe('cant_lose');
    expect((await reset(0)).statusCode).toBe(200);
    expect((await reset(-1)).statusCode).toBe(400);
    const after = (await h.as(admin).get('/api/audit?entityType=value_setting')).json();
    expect(after.items.length).toBe(audit.items.length + 2);
  });

  it('refuses bad rules and bad queries on the field', async () => {
    for (const rules of [
      [],
      [{ segment: 'x', r: [4, 2], f: [1, 5], m: [1, 5] }],
      [{ segment: 'Bad Name', r: [1, 5], f: [1, 5], m: [1, 5] }],
      [{ segment: 'x', r: [0, 5], f: [1, 5], m: [1, 5] }],
    ]) {
      expect((await fx.put(admin, '/api/value/rfm-rules', { rules, version: 3 })).statusCode).toBe(400);
    }
    for (const bad of [
      'windowDays=0',
      'windowDays=99999',
      'asOf=2025-02-30',
      'currency=1',
      'cursor=abc',
      'segment=BAD',
    ]) {
      const res = await h.as(admin).get(`/api/value/rfm/customers?${bad}`);
      expect(res.statusCode, bad).toBe(400);
    }
    expect((await h.as(await h.user(['hr'])).get(`/api/value/rfm?${q}`)).statusCode).toBe(403);
  });

  it('future as-of dates and windows without purchases: zeros and a note', async () => {
    const future = (await h.as(admin).get('/api/value/rfm?asOf=2999-01-01')).json();
    expect(future).toMatchObject({ customers: 0, revenue: '0.00', note: 'not_enough_data', currency: null });
    const empty = (await h.as(admin).get('/api/value/rfm?asOf=2001-01-01')).json();
    expect(empty).toMatchObject({ customers: 0, note: 'not_enough_data' });
    expect((await h.as(admin).get('/api/value/rfm/customers?asOf=2001-01-01')).json().items).toEqual([]);
    // Windows reaching before year 1 are cut there, never a database error.
    for (const u of ['/api/value/rfm?asOf=0001-01-01&windowDays=3650', '/api/value/classes?asOf=0001-01-02']) {
      expect((await h.as(admin).get(u)).json()).toMatchObject({ customers: 0, note: 'not_enough_data' });
    }
    const early = await h.as(admin).get('/api/value/summary?from=0001-01-01&to=0001-02-01&lapseDays=3650');
    expect(early.json()).toMatchObject({ customersAtStart: 0, note: 'not_enough_data' });
    const late = await h.as(admin).get('/api/value/summary?from=2020-01-01&to=9999-12-31');
    expect(late.statusCode).toBe(200);
  });
});
