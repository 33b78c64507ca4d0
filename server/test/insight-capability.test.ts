import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { setup } from './harness.ts';
import { insertCustomers } from './value-fixture.ts';

// The CRM capability index (docs/capability-index.md "Computing the index") through the API, by hand.

const h = await setup();
const admin = h.as(h.org.admin);
const executive = await h.user(['executive'], { name: 'Exec assessor' });
const db = h.db.db;
const orgId = h.org.orgId;
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

type Indicator = { key: string; score: number | null; raw: number | null; coverage: number; missing?: unknown };
const byKey = (list: Indicator[]) => new Map(list.map((i) => [i.key, i]));

describe('capability with missing data', () => {
  it('an empty organisation: no indicator counts as zero; each says what to record', async () => {
    const other = await h.newOrg(`cap${Date.now()}`);
    const res = await h.as(other.admin).get('/api/insight/capability');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.indicators).toHaveLength(18);
    expect(body.index).toBeNull();
    expect(body.coverage).toBe(0);
    for (const i of body.indicators as Indicator[]) {
      expect(i.score).toBeNull();
      expect(i.missing).toMatchObject({ whatToRecord: expect.any(String) });
    }
    expect(body.capabilities.map((c: { score: number | null }) => c.score)).toEqual([null, null, null]);
    expect(body.business).toMatchObject({ crossSellShare: null, newProductShare: null });
  });
});

// Data: two sales channels (target 3 → 66.67); two customers with profiles 2/3 and 0/3 complete (33.33 %, target 60
// → 55.56); assessments: delivery 5 and 3 by two assessors (mean 4, target 4 → 100), customisation 2 (→ 33.33).
// Insight = 55.56 (only customer understanding, its assessed half missing: coverage 0.5); value = (33.33 + 100 +
// 66.67) / 3 = 66.67; lifecycle has nothing: left out, its weight shared → index = (55.56 + 66.67) / 2 = 61.11.
// Coverage = (0.5/4 + 3/8 + 0) / 3 (no referrals: the referral rate has no data).
const [t1, t2] = await insertCustomers(db, orgId, [
  { name: 'T1', purchases: [{ day: daysAgo(10), amount: 100 }] },
  { name: 'T2', purchases: [{ day: daysAgo(20), amount: 50 }] },
]);
await sql`update transaction set channel = case when party_id = ${t1} then 'store' else 'online' end
  where org_id = ${orgId}`.execute(db);
void t2;
for (const [name, profile] of [
  ['P1', { facts: { size: 'large' }, preferences: { contact: 'email' }, care: [] }],
  ['P2', { facts: {}, preferences: {}, care: [] }],
] as const) {
  const res = await admin.post('/api/parties', {
    kind: 'organization',
    displayName: name,
    roles: [{ role: 'customer', stage: 'new' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  await sql`update party set profile = ${JSON.stringify(profile)}::jsonb
    where org_id = ${orgId} and id = ${res.json<{ id: string }>().id}`.execute(db);
}

describe('capability with data', () => {
  it('scores, capability scores renormalised over indicators with data, the index and its coverage', async () => {
    const a1 = await admin.post('/api/insight/capability/assessments', {
      items: [
        { item: 'delivery', rating: 5, evidence: 'On-time share tracked monthly' },
        { item: 'customisation', rating: 2 },
        { item: 'pwc_1', rating: 3 },
      ],
    });
    expect(a1.statusCode, a1.body).toBe(201);
    const a2 = await h
      .as(executive)
      .post('/api/insight/capability/assessments', { items: [{ item: 'delivery', rating: 3 }] });
    expect(a2.statusCode).toBe(201);
    expect(a2.json().items[0]).toMatchObject({ item: 'delivery', rating: 3, assessorName: 'Exec assessor' });

    const body = (await admin.get('/api/insight/capability')).json();
    const ind = byKey(body.indicators);
    expect(ind.get('sales_channel_diversity')).toMatchObject({ raw: 2, coverage: 1 });
    expect(ind.get('sales_channel_diversity')?.score).toBeCloseTo(200 / 3, 10);
    expect(ind.get('customer_understanding')?.raw).toBeCloseTo(100 / 3, 10);
    expect(ind.get('customer_understanding')?.score).toBeCloseTo(5000 / 90, 10);
    expect(ind.get('customer_understanding')?.coverage).toBe(0.5);
    expect(ind.get('delivery')).toMatchObject({ score: 100, assessment: { mean: 4, assessors: 2 } });
    expect(ind.get('customisation')?.score).toBeCloseTo(100 / 3, 10);
    expect(ind.get('complaint_handling')).toMatchObject({ score: null, missing: { reason: 'no_data' } });
    const caps = Object.fromEntries(body.capabilities.map((c: { key: string; score: number }) => [c.key, c.score]));
    expect(caps.insight).toBeCloseTo(5000 / 90, 10);
    expect(caps.value).toBeCloseTo(200 / 3, 10);
    expect(caps.lifecycle).toBeNull();
    expect(body.index).toBeCloseTo((5000 / 90 + 200 / 3) / 2, 10);
    expect(body.coverage).toBeCloseTo((0.5 / 4 + 3 / 8) / 3, 10);
    expect(body.checklist.find((c: { item: string }) => c.item === 'pwc_1')).toEqual({
      item: 'pwc_1',
      mean: 3,
      assessors: 1,
    });
  });

  it('settings: targets change the score; a stale version is a conflict', async () => {
    const d = (await admin.get('/api/insight/capability/settings')).json();
    expect(d).toMatchObject({ version: null, assessedTarget: 4 });
    expect(d.targets.sales_channel_diversity).toBe(3);
    const put = await admin.put('/api/insight/capability/settings', { targets: { sales_channel_diversity: 2 } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ version: 1 });
    expect(put.json().targets.market_feedback_speed).toBe(240);
    const stale = await admin.put('/api/insight/capability/settings', { assessedTarget: 5 });
    expect(stale.statusCode).toBe(409);
    const body = (await admin.get('/api/insight/capability')).json();
    expect(byKey(body.indicators).get('sales_channel_diversity')?.score).toBe(100);
    const bad = await admin.put('/api/insight/capability/settings', { targets: { nope: 1 }, version: 1 });
    expect(bad.statusCode).toBe(400);
  });

  it('snapshots: dated, tagged before/after a stage, oldest first as a trend', async () => {
    const before = await admin.post('/api/insight/capability/snapshots', { tag: 'before', stage: 'CRM rollout' });
    expect(before.statusCode, before.body).toBe(201);
    await admin.post('/api/insight/capability/assessments', { items: [{ item: 'immediacy', rating: 5 }] });
    const after = await admin.post('/api/insight/capability/snapshots', { tag: 'after', stage: 'CRM rollout' });
    const list = (await admin.get('/api/insight/capability/snapshots')).json().items;
    expect(list.map((s: { id: string }) => s.id)).toEqual([before.json().id, after.json().id]);
    expect(list[0]).toMatchObject({ tag: 'before', stage: 'CRM rollout' });
    // Immediacy (assessed 5 → 100) gives lifecycle a score: the index moves from (100 + 66.67 + 55.56)/3 … up.
    expect(list[0].capabilities.find((c: { key: string }) => c.key === 'lifecycle').score).toBeNull();
    expect(list[1].capabilities.find((c: { key: string }) => c.key === 'lifecycle').score).toBe(100);
    expect(list[1].index).toBeGreaterThan(list[0].index);
    expect((await admin.post('/api/insight/capability/snapshots', { tag: 'during' })).statusCode).toBe(400);
  });

  it('admin and executives only', async () => {
    for (const roles of [['agent'], ['hr'], ['manager'], ['marketing']] as const) {
      const who = h.as(await h.user([...roles]));
      expect((await who.get('/api/insight/capability')).statusCode).toBe(403);
      expect(
        (await who.post('/api/insight/capability/assessments', { items: [{ item: 'delivery', rating: 1 }] }))
          .statusCode,
      ).toBe(403);
    }
  });
});

// Referral rate and new-product share by hand, in an organisation of their own.
// Referral rate: customers at the period's start = R1–R4 (a purchase 500 days ago, inside the 365 days before the
// window's start, 364 days ago); referred in the period: two live parties (a third, deleted, does not count) →
// 2 / 4 × 100 = 50 per 100 customers; with the target set to 100 the score is 50.
// New-product share: X buys (10 days ago) A 100 (its project launched 30 days ago: new), B 200 (project launched 500
// days ago: not new although the product was created today), C 300 (no project: its creation today stands in: new),
// D 400 (its project has not launched: not new) → (100 + 300) / 1000 = 40 %.
describe('referral rate and new-product share', () => {
  it('are computed by hand', async () => {
    const org = await h.newOrg(`capref${Date.now()}`);
    const as = h.as(org.admin);
    const [r1] = await insertCustomers(db, org.orgId, [
      { name: 'R1', purchases: [{ day: daysAgo(500), amount: 10 }] },
      { name: 'R2', purchases: [{ day: daysAgo(500), amount: 10 }] },
      { name: 'R3', purchases: [{ day: daysAgo(400), amount: 10 }] },
      { name: 'R4', purchases: [{ day: daysAgo(700), amount: 10 }] },
    ]);
    const person = async (name: string) => {
      const res = await as.post('/api/parties', { kind: 'person', displayName: name, roles: [{ role: 'customer' }] });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string }>().id;
    };
    for (const name of ['Friend 1', 'Friend 2', 'Friend 3']) {
      const res = await as.post('/api/referrals', { referrerId: r1, referredId: await person(name) });
      expect(res.statusCode, res.body).toBe(201);
      if (name === 'Friend 3') {
        const gone = await as.delete(`/api/parties/${res.json<{ referredId: string }>().referredId}`);
        expect(gone.statusCode, gone.body).toBeLessThan(300);
      }
    }
    const product = async (name: string) => {
      const res = await as.post('/api/products', { name, price: '1.00', currency: 'CNY' });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string }>().id;
    };
    const [a, b, c, d] = [await product('A'), await product('B'), await product('C'), await product('D')];
    const project = (body: Record<string, unknown>) => as.post('/api/projects', { kind: 'product', ...body });
    for (const [name, productId, ideaOn, launchOn] of [
      ['Launch A', a, daysAgo(100), daysAgo(30)],
      ['Launch B', b, daysAgo(600), daysAgo(500)],
      ['Launch D', d, daysAgo(10), null],
    ] as const) {
      const res = await project({ name, productId, ideaOn, launchOn });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ productId });
    }
    // Only product projects name a product, and only one of the organisation's products.
    const notProduct = await as.post('/api/projects', { kind: 'activity', name: 'Fair', productId: a });
    expect(notProduct.statusCode).toBe(400);
    expect(JSON.stringify(notProduct.json())).toContain('productId');
    const foreign = await admin.post('/api/products', { name: 'Theirs', currency: 'CNY' });
    for (const productId of [foreign.json<{ id: string }>().id, '00000000-0000-4000-8000-000000000009']) {
      const res = await project({ name: 'Foreign', productId });
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json())).toContain('productId');
    }
    const x = await person('X');
    const sale = await as.post('/api/transactions', {
      partyId: x,
      occurredAt: `${daysAgo(10)}T12:00:00Z`,
      currency: 'CNY',
      lines: [
        { productId: a, amount: '100.00' },
        { productId: b, amount: '200.00' },
        { productId: c, amount: '300.00' },
        { productId: d, amount: '400.00' },
      ],
    });
    expect(sale.statusCode, sale.body).toBe(201);

    const put = await as.put('/api/insight/capability/settings', { targets: { referral_rate: 100 } });
    expect(put.statusCode, put.body).toBe(200);
    const body = (await as.get('/api/insight/capability')).json();
    const rate = byKey(body.indicators).get('referral_rate');
    expect(rate).toMatchObject({ raw: 50, score: 50, coverage: 1 });
    expect(body.business.newProductShare).toBeCloseTo(40, 10);
  });
});
