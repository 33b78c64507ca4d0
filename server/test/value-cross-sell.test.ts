import { beforeAll, describe, expect, it } from 'vitest';
import { setup, type Session } from './harness.ts';
import { valueHelpers, type Product } from './value-segments-fixture.ts';

// Cross-sell rules, the cross-sell ratio, suggestions and share of wallet (docs/metrics.md "Cross-sell ratio and
// association rules", "Share of wallet") on six baskets computed by hand:
//   c1 (agent1): b1 {tea, ware}, b2 {tea, ware}      c2 (agent1): b3 {tea, ware, snack}
//   c3 (agent2): b4 {snack}, b5 {tea}                c4 (agent2): b6 {ware}, and a refund (not a basket)
// N = 6; tea 4, ware 4, snack 2; tea+ware 3, tea+snack 1, ware+snack 1.

const h = await setup();
const admin = h.as(h.org.admin);
const v = valueHelpers(h, h.org.admin);
let agent1: Session;
let agent2: Session;
const c = { c1: '', c2: '', c3: '', c4: '' };
let tea: Product;
let cup: Product;

beforeAll(async () => {
  agent1 = await h.user(['agent']);
  agent2 = await h.user(['agent']);
  tea = await v.product('Longjing', 'tea');
  cup = await v.product('Cup', 'ware');
  const cake = await v.product('Cake', 'snack');
  c.c1 = (await v.party(agent1, 'C1')).id;
  c.c2 = (await v.party(agent1, 'C2')).id;
  c.c3 = (await v.party(agent2, 'C3')).id;
  c.c4 = (await v.party(agent2, 'C4')).id;
  const T = { product: tea, amount: '100.00' };
  const W = { product: cup, amount: '50.00' };
  const S = { product: cake, amount: '40.00' };
  await v.buy(c.c1, 60, [T, W]);
  await v.buy(c.c1, 50, [T, W]);
  await v.buy(c.c2, 40, [T, W, S]);
  await v.buy(c.c3, 30, [S]);
  await v.buy(c.c3, 20, [T]);
  await v.buy(c.c4, 10, [W]);
  await v.buy(c.c4, 5, [], { amount: '-20.00' });
}, 60_000);

type Rule = {
  antecedent: string;
  consequent: string;
  count: number;
  support: number;
  confidence: number;
  lift: number;
};
type CrossSell = {
  baskets: number;
  basketsLeftOut: number;
  rules: (Rule & { antecedentName: string | null })[];
  crossSell: { activeCustomers: number; multiCategoryCustomers: number; ratio: number };
  note: string | null;
};
const rules = (s: Session, q = '') => v.ok<CrossSell>(h.as(s).get(`/api/value/cross-sell/rules${q}`));
const pick = (r: Rule) => [r.antecedent, r.consequent, r.count, r.support, r.confidence, r.lift];

describe('association rules and the cross-sell ratio', () => {
  it('support, confidence and lift of every pair, both directions', async () => {
    const all = await rules(h.org.admin, '?minCount=1&minLift=0');
    expect(all.baskets).toBe(6);
    expect(all.basketsLeftOut).toBe(0);
    // No rule passes, the baskets are still counted.
    const none = await rules(h.org.admin, '?minCount=1&minLift=1000');
    expect(none).toMatchObject({ baskets: 6, basketsLeftOut: 0, rules: [] });
    const got = Object.fromEntries(all.rules.map((r) => [`${r.antecedent}>${r.consequent}`, r]));
    expect(Object.keys(got).sort()).toEqual(
      ['snack>tea', 'snack>ware', 'tea>snack', 'tea>ware', 'ware>snack', 'ware>tea'].sort(),
    );
    // tea ⇒ ware: 3/6 baskets, 3 of tea's 4, lift 0.75 / (4/6) = 1.125.
    expect(got['tea>ware']?.count).toBe(3);
    expect(got['tea>ware']?.support).toBeCloseTo(0.5, 12);
    expect(got['tea>ware']?.confidence).toBeCloseTo(0.75, 12);
    expect(got['tea>ware']?.lift).toBeCloseTo(1.125, 12);
    // snack ⇒ tea: 1/6, 1 of snack's 2, lift 0.5 / (4/6) = 0.75; tea ⇒ snack: 1 of 4, 0.25 / (2/6) = 0.75.
    expect(
      [got['snack>tea']?.support, got['snack>tea']?.confidence, got['snack>tea']?.lift].map((x) => x?.toFixed(6)),
    ).toEqual(['0.166667', '0.500000', '0.750000']);
    expect(got['tea>snack']?.confidence).toBeCloseTo(0.25, 12);
    expect(got['tea>snack']?.lift).toBeCloseTo(0.75, 12);
    // The defaults (count ≥ 2, lift ≥ 1) keep tea ⇔ ware only, highest lift first.
    const kept = await rules(h.org.admin);
    expect(kept.rules.map(pick)).toEqual([
      ['tea', 'ware', 3, 0.5, 0.75, 1.125],
      ['ware', 'tea', 3, 0.5, 0.75, 1.125],
    ]);
    // Customers with two or more categories among those who bought: c1, c2, c3 of four.
    expect(kept.crossSell).toEqual({ activeCustomers: 4, multiCategoryCustomers: 3, ratio: 0.75 });
  });

  it('product level: the same pairs by product, with names', async () => {
    const byProduct = await rules(h.org.admin, '?level=product');
    const got = byProduct.rules.map((r) => `${r.antecedentName}:${r.count}:${r.lift}`).sort();
    expect(got).toEqual(['Cup:3:1.125', 'Longjing:3:1.125']);
    expect(byProduct.rules.map((r) => r.antecedent)).toContain(tea.id);
  });

  it("an agent's rules and ratio cover only the customers they may see", async () => {
    const mine = await rules(agent1);
    expect(mine.baskets).toBe(3);
    // tea and ware in all three of agent1's baskets: lift 1.
    expect(mine.rules.map(pick)).toEqual([
      ['tea', 'ware', 3, 1, 1, 1],
      ['ware', 'tea', 3, 1, 1, 1],
    ]);
    expect(mine.crossSell).toEqual({ activeCustomers: 2, multiCategoryCustomers: 2, ratio: 1 });
    const theirs = await rules(agent2);
    expect(theirs.rules).toEqual([]);
    expect(theirs.crossSell).toEqual({ activeCustomers: 2, multiCategoryCustomers: 1, ratio: 0.5 });
  });

  it('an empty or future period answers zeros with a note; bad input is a 400', async () => {
    const empty = await rules(h.org.admin, '?from=2090-01-01&to=2091-01-01');
    expect(empty).toMatchObject({ baskets: 0, rules: [], crossSell: { activeCustomers: 0, ratio: 0 } });
    expect(empty.note).toMatch(/Not enough data/);
    for (const q of ['?level=brand', '?minCount=0', '?from=2026-02-01&to=2026-01-01', '?minLift=-1']) {
      expect((await admin.get(`/api/value/cross-sell/rules${q}`)).statusCode, q).toBe(400);
    }
    const employee = await h.user(['employee']);
    expect((await h.as(employee).get('/api/value/cross-sell/rules')).statusCode).toBe(403);
  });
});

describe('suggestions on the party page', () => {
  it('what customers who bought what this one bought also bought, and it has not', async () => {
    const s = await v.ok<{ items: unknown[] }>(admin.get(`/api/parties/${c.c4}/suggestions`));
    expect(s.items).toEqual([
      {
        productId: tea.id,
        name: 'Longjing',
        category: 'tea',
        because: { productId: cup.id, name: 'Cup' },
        count: 3,
        confidence: 0.75,
        lift: 1.125,
      },
    ]);
    // c1 bought tea and cups already; snack pairs are below the minimum count.
    expect(
      (await v.ok<{ items: unknown[]; note: string }>(admin.get(`/api/parties/${c.c1}/suggestions`))).items,
    ).toEqual([]);
    expect((await h.as(agent1).get(`/api/parties/${c.c4}/suggestions`)).statusCode).toBe(404);
  });
});

describe('share of wallet', () => {
  const put = (s: Session, partyId: string, body: unknown) =>
    h.app.inject({
      method: 'PUT',
      url: `/api/parties/${partyId}/wallet`,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      payload: body as object,
    });

  it('our spend per category against the estimate, per customer and over the book', async () => {
    const res = await put(agent1, c.c1, {
      currency: 'cny',
      categories: [
        { category: 'tea', estimatedSpend: 1000 },
        { category: 'ware', estimatedSpend: '500.50' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const w = res.json<{
      currency: string;
      categories: { category: string; estimatedSpend: string; ourSpend: string; share: number }[];
      total: { estimatedSpend: string; ourSpend: string; share: number };
    }>();
    expect(w.currency).toBe('CNY');
    // c1 bought tea for 2 × 100 and cups for 2 × 50.
    expect(w.categories.map((x) => [x.category, x.estimatedSpend, x.ourSpend])).toEqual([
      ['tea', '1000.00', '200.00'],
      ['ware', '500.50', '100.00'],
    ]);
    expect(w.categories[0]?.share).toBeCloseTo(0.2, 12);
    expect(w.categories[1]?.share).toBeCloseTo(100 / 500.5, 12);
    expect(w.total).toMatchObject({ estimatedSpend: '1500.50', ourSpend: '300.00' });
    expect(w.total.share).toBeCloseTo(300 / 1500.5, 12);
    expect(
      (await put(agent2, c.c3, { currency: 'CNY', categories: [{ category: 'snack', estimatedSpend: 100 }] }))
        .statusCode,
    ).toBe(200);

    const book = await v.ok<{ customers: number; averageShare: number; aggregateShare: number }>(
      admin.get('/api/value/wallet'),
    );
    expect(book.customers).toBe(2);
    // Mean of 300/1500.5 and 40/100; aggregate 340/1600.5.
    expect(book.averageShare).toBeCloseTo((300 / 1500.5 + 0.4) / 2, 12);
    expect(book.aggregateShare).toBeCloseTo(340 / 1600.5, 12);
    const agent1Book = await v.ok<{ customers: number; averageShare: number }>(h.as(agent1).get('/api/value/wallet'));
    expect(agent1Book.customers).toBe(1);
    expect(agent1Book.averageShare).toBeCloseTo(300 / 1500.5, 12);
  });

  it('a customer you may not see is a 404; bad estimates are 400s; an empty list clears', async () => {
    expect((await put(agent2, c.c1, { currency: 'CNY', categories: [] })).statusCode).toBe(404);
    expect((await h.as(agent2).get(`/api/parties/${c.c1}/wallet`)).statusCode).toBe(404);
    const bad = [
      { currency: 'CNY', categories: [{ category: 'tea', estimatedSpend: -1 }] },
      {
        currency: 'CNY',
        categories: [
          { category: 'tea', estimatedSpend: 1 },
          { category: 'tea', estimatedSpend: 2 },
        ],
      },
      { currency: 'C', categories: [] },
      { currency: 'CNY', categories: [{ category: 'tea', estimatedSpend: '1.234' }] },
    ];
    for (const body of bad) {
      expect((await put(agent1, c.c1, body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    const cleared = await put(agent1, c.c1, { currency: 'CNY', categories: [] });
    expect(cleared.json()).toMatchObject({ categories: [], total: { share: null } });
    expect(cleared.json().note).toMatch(/No wallet estimate/);
  });
});
