import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { setup, type Session } from './harness.ts';
import { settingsSeen } from './settings-seen.ts';
import { today, valueHelpers, type Product } from './value-segments-fixture.ts';

// Value snapshots (docs/metrics.md "Value snapshots", "RFM"), the tier on the party page and the purchase flags on
// the timeline ("Purchase flags"), hand-computed. As of today, window 365 days:
//   A: 100 one day ago, 100 ten days ago, and a USD purchase (left out)     → R 1,   F 2, M 200
//   B: 50 one day ago and a refund of 10 the same day                        → R 1,   F 1, M 40
//   C: 300 and 100 thirty days ago (one purchase day)                        → R 30,  F 1, M 400
//   D: 20 each 100, 200 and 300 days ago                                     → R 100, F 3, M 60
//   E: 500 four hundred days ago: a snapshot row, not scored
// Scores ceil(5 × cume_dist()) over n = 4: R D 2, C 3, A 5, B 5 (tie); F B 3, C 3 (tie), A 4, D 5;
// M B 2, D 3, A 4, C 5. Segments: A champions (R4–5 F4–5 M4–5), B potential loyalists (R4–5 F2–3),
// C need attention (R3 F2–3), D at risk (R1–2 F3–5).

const h = await setup();
const admin = h.as(h.org.admin);
const v = valueHelpers(h, h.org.admin);
let agent: Session;
const p: Record<string, string> = {};
let tea: Product;
let cup: Product;

beforeAll(async () => {
  agent = await h.user(['agent']);
  tea = await v.product('Tea', 'tea');
  cup = await v.product('Cup', 'ware');
  for (const name of ['A', 'B', 'C', 'D', 'E', 'F']) {
    p[name] = (await v.party(name === 'A' ? agent : h.org.admin, name)).id;
  }
  const t = (amount: string) => [{ product: tea, amount }];
  await v.buy(p.A as string, 1, t('100.00'));
  await v.buy(p.A as string, 10, t('100.00'));
  await v.buy(p.A as string, 3, [], { amount: '70.00', currency: 'USD' });
  await v.buy(p.B as string, 1, t('50.00'));
  await v.buy(p.B as string, 1, [], { amount: '-10.00', hour: 15 });
  await v.buy(p.C as string, 30, t('300.00'));
  await v.buy(p.C as string, 30, t('100.00'), { hour: 16 });
  for (const ago of [100, 200, 300]) {
    await v.buy(p.D as string, ago, t('20.00'));
  }
  await v.buy(p.E as string, 400, t('500.00'));
  // F: only a refund; no snapshot row.
  await v.buy(p.F as string, 10, [], { amount: '-30.00' });
}, 60_000);

type Value = {
  value: null | {
    recencyDays: number;
    frequency: number;
    monetary: string;
    r: number | null;
    f: number | null;
    m: number | null;
    rfmSegment: string | null;
    valueClass: string | null;
    clv: string | null;
    purchaseDays: number;
  };
  note: string | null;
};
const valueOf = (id: string, s: Session = h.org.admin) => v.ok<Value>(h.as(s).get(`/api/parties/${id}/value`));

describe('value snapshots', () => {
  it('before any snapshot: the party page says so', async () => {
    expect(await valueOf(p.A as string)).toEqual({ partyId: p.A, value: null, note: 'No value snapshot yet' });
  });

  it('computes recency, frequency, monetary, scores and segments in one run (202, then done)', async () => {
    const run = await v.snapshot({ currency: 'CNY' });
    const got = await v.ok<Record<string, unknown>>(admin.get(`/api/value/snapshots/${run.id}`));
    expect(got).toMatchObject({
      asOf: today(),
      currency: 'CNY',
      windowDays: 365,
      status: 'done',
      customers: 5,
      scored: 4,
      leftOutTransactions: 1,
    });
    const rows = await Promise.all(['A', 'B', 'C', 'D'].map((n) => valueOf(p[n] as string)));
    expect(rows.map((r) => r.value && [r.value.recencyDays, r.value.frequency, r.value.monetary])).toEqual([
      [1, 2, '200.00'],
      [1, 1, '40.00'],
      [30, 1, '400.00'],
      [100, 3, '60.00'],
    ]);
    expect(rows.map((r) => r.value && [r.value.r, r.value.f, r.value.m, r.value.rfmSegment])).toEqual([
      [5, 4, 4, 'champions'],
      [5, 3, 2, 'potential_loyalists'],
      [3, 3, 5, 'need_attention'],
      [2, 5, 3, 'at_risk'],
    ]);
    // Classes with the default settings (no unit costs: profit = revenue; loyal = 2+ purchase days; high profit =
    // at or above the median of 200, 40, 400, 60 = 130): A true friend, B stranger, C butterfly, D barnacle. No
    // CLV model is fitted in this organisation: no CLV.
    expect(rows.map((r) => r.value?.valueClass)).toEqual(['true_friend', 'stranger', 'butterfly', 'barnacle']);
    expect(rows[0]?.value).toMatchObject({ clv: null, purchaseDays: 2 });
    const e = await valueOf(p.E as string);
    expect(e.value).toMatchObject({ r: null, f: null, m: null, rfmSegment: null, frequency: 0, recencyDays: 400 });
    expect(e.value?.valueClass).toBeNull();
    expect(e.note).toMatch(/No purchase in the 365 days/);
    const f = await valueOf(p.F as string);
    expect(f.value).toBeNull();
    expect(f.note).toMatch(/No purchase in CNY/);
  });

  it('the tier follows the party’s visibility; only admins, managers and marketing ask for a run', async () => {
    expect((await valueOf(p.A as string, agent)).value?.rfmSegment).toBe('champions');
    expect((await h.as(agent).get(`/api/parties/${p.B}/value`)).statusCode).toBe(404);
    expect((await h.as(agent).post('/api/value/snapshots', {})).statusCode).toBe(403);
    const future = await admin.post('/api/value/snapshots', { asOf: '2999-01-01' });
    expect(future.statusCode).toBe(400);
    expect((await admin.post('/api/value/snapshots', { windowDays: 0 })).statusCode).toBe(400);
    const list = await v.ok<{ items: { status: string }[] }>(h.as(agent).get('/api/value/snapshots'));
    expect(list.items.map((r) => r.status)).toEqual(['done']);
  });

  it('lists customers by value from the latest snapshot: filters, both sort orders, keyset pages, visibility', async () => {
    type Row = { partyId: string; name: string; monetary: string; recencyDays: number; rfmSegment: string | null };
    type Page = { asOf: string | null; currency: string | null; items: Row[]; nextCursor: string | null };
    const list = (query: string, s: Session = h.org.admin) => v.ok<Page>(h.as(s).get(`/api/value/customers?${query}`));
    const names = (page: Page) => page.items.map((r) => r.name);
    // Monetary in the window: C 400, A 200, D 60, B 40, E 0 (its purchase is outside the window).
    const first = await list('sort=monetary&limit=2');
    expect(first).toMatchObject({ asOf: today(), currency: 'CNY' });
    expect(names(first)).toEqual(['C', 'A']);
    const second = await list(`sort=monetary&limit=2&cursor=${encodeURIComponent(first.nextCursor ?? '')}`);
    expect(names(second)).toEqual(['D', 'B']);
    const third = await list(`sort=monetary&limit=2&cursor=${encodeURIComponent(second.nextCursor ?? '')}`);
    expect(names(third)).toEqual(['E']);
    expect(third.nextCursor).toBeNull();
    // Recency ascending: A and B tie at 1 day (party id decides, stably), then C, D, E.
    const recent = names(await list('sort=recencyDays&order=asc'));
    expect(recent.slice(2)).toEqual(['C', 'D', 'E']);
    expect(new Set(recent.slice(0, 2))).toEqual(new Set(['A', 'B']));
    // No CLV model here: every CLV is null; such customers come last, still paged without loss or repeat.
    const seen: string[] = [];
    let cursor = '';
    for (let i = 0; i < 5; i++) {
      const page = await list(`sort=clv&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...names(page));
      if (!page.nextCursor) {
        break;
      }
      cursor = page.nextCursor;
    }
    expect(seen.sort()).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(names(await list('rfmSegment=champions'))).toEqual(['A']);
    expect(names(await list('q=c&sort=frequency'))).toEqual(['C']);
    // The agent sees their own customer only; HR has no customer book (403); a bad cursor is a 400.
    expect(names(await list('sort=monetary', agent))).toEqual(['A']);
    expect((await h.as(await h.user(['hr'])).get('/api/value/customers')).statusCode).toBe(403);
    expect((await admin.get('/api/value/customers?cursor=nonsense')).statusCode).toBe(400);
    expect((await admin.get('/api/value/customers?valueClass=gold')).statusCode).toBe(400);
  });

  it('marketing gets org-wide numbers, but lists name only the customers marketing may see', async () => {
    const marketing = h.as(await h.user(['marketing']));
    type Rfm = { customers: number };
    const rfmOf = async (s: typeof admin) => (await s.get('/api/value/rfm?currency=CNY')).json<Rfm>().customers;
    expect(await rfmOf(marketing)).toBe(await rfmOf(admin));
    expect(await rfmOf(marketing)).toBe(4);
    // Private customers (the default): marketing is outside every customer's circle, so no list names one.
    const ids = async (url: string) =>
      (await marketing.get(url)).json<{ items: { partyId: string }[] }>().items.map((i) => i.partyId);
    expect(await ids('/api/value/rfm/customers?currency=CNY')).toEqual([]);
    expect(await ids('/api/value/classes/customers?currency=CNY')).toEqual([]);
    expect(await ids('/api/value/customers')).toEqual([]);
    // Under public_read everyone may read every customer: the lists show them.
    await sql`update organization set settings = settings || '{"customerVisibility": "public_read"}' where org_id = ${h.org.orgId}`.execute(
      h.db.db,
    );
    await settingsSeen(h);
    try {
      expect(await ids('/api/value/rfm/customers?currency=CNY')).toHaveLength(4);
      expect(await ids('/api/value/customers')).toHaveLength(5);
    } finally {
      await sql`update organization set settings = settings || '{"customerVisibility": "private"}' where org_id = ${h.org.orgId}`.execute(
        h.db.db,
      );
      await settingsSeen(h);
    }
  });

  it('an empty organisation gets a finished run with zeros', async () => {
    const other = await h.newOrg(`empty${Date.now().toString(36)}`);
    const none = await h.as(other.admin).get('/api/value/customers');
    expect(none.json()).toEqual({ asOf: null, currency: null, items: [], nextCursor: null });
    const res = await h.as(other.admin).post('/api/value/snapshots', {});
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json<{ id: string }>().id;
    let run: { status: string; customers: number | null } = { status: 'queued', customers: null };
    for (let i = 0; i < 200 && run.status !== 'done' && run.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 25));
      run = (await h.as(other.admin).get(`/api/value/snapshots/${id}`)).json();
    }
    expect(run).toMatchObject({ status: 'done', customers: 0, scored: 0, leftOutTransactions: 0 });
  });
});

describe('purchase flags on the party timeline', () => {
  it('flags a purchase above the customer’s own p99 and a first purchase in a new category', async () => {
    const g = (await v.party(h.org.admin, 'G')).id;
    // Six purchases of 10 (p99 = 10), then 100 (above it), then a first cup (a new category).
    for (const ago of [90, 80, 70, 60, 50, 40]) {
      await v.buy(g, ago, [{ product: tea, amount: '10.00' }]);
    }
    const big = await v.buy(g, 20, [{ product: tea, amount: '100.00' }]);
    const newCategory = await v.buy(g, 10, [{ product: cup, amount: '10.00' }]);
    // Within the usual amounts and categories: no flag.
    await v.buy(g, 5, [{ product: tea, amount: '10.00' }]);
    const items = (
      await v.ok<{ items: { event: { kind: string; data: Record<string, unknown> } }[] }>(
        admin.get(`/api/parties/${g}/timeline?types=value_flag`),
      )
    ).items;
    expect(items.map((i) => [i.event.kind, i.event.data.transactionId])).toEqual([
      ['value_flag.new_category', newCategory],
      ['value_flag.unusual_amount', big],
    ]);
    expect(items[1]?.event.data).toMatchObject({ amount: '100.00', p99: 10, history: 6, unusualAmount: true });
    expect(items[0]?.event.data).toMatchObject({ newCategories: 'ware', unusualAmount: false });
    // The first purchase ever is no "new category"; fewer than five earlier purchases: no p99 flag.
    const h2 = (await v.party(h.org.admin, 'H')).id;
    await v.buy(h2, 30, [{ product: tea, amount: '10.00' }]);
    await v.buy(h2, 20, [{ product: tea, amount: '500.00' }]);
    expect((await v.ok<{ items: unknown[] }>(admin.get(`/api/parties/${h2}/timeline?types=value_flag`))).items).toEqual(
      [],
    );
  });
});
