import { describe, expect, it } from 'vitest';
import { setup, type Session } from './harness.ts';

// The occasion calendar (lunar dates computed by the calendar library) and suggestions: customers who bought around
// the same occasion in earlier years (21 days before to 3 days after), or in the occasion's categories, under the
// reader's visibility. Mid-Autumn fell on 2024-09-17 and 2025-10-06.

const h = await setup();
const admin = h.org.admin;
const agentA = await h.user(['agent']);
const agentB = await h.user(['agent']);

async function customer(by: Session, name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await h
    .as(by)
    .post('/api/parties', { kind: 'person', displayName: name, roles: [{ role: 'customer' }], ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}
async function buy(partyId: string, on: string, productId?: string) {
  const res = await h.as(admin).post('/api/transactions', {
    partyId,
    currency: 'CNY',
    occurredAt: `${on}T10:00:00Z`,
    ...(productId ? { lines: [{ productId }] } : { amount: '100.00' }),
  });
  expect(res.statusCode, res.body).toBe(201);
}
const mooncake = await h
  .as(admin)
  .post('/api/products', { name: '月饼礼盒', category: 'mooncakes', currency: 'CNY', price: '88.00' });
const mooncakeId = mooncake.json<{ id: string }>().id;

const a = await customer(agentA, 'Anna');
await buy(a, '2024-09-10'); // 7 days before Mid-Autumn 2024
await buy(a, '2025-10-09'); // 3 days after Mid-Autumn 2025: the window's last day
const b = await customer(agentB, 'Bo');
await buy(b, '2025-07-01', mooncakeId); // outside every window, but mooncakes
const c = await customer(agentA, 'Cai');
await buy(c, '2025-10-10'); // 4 days after: outside
const d = await customer(agentA, 'Dai', { birthday: '1980-03-10' });
await buy(d, '2025-02-17'); // 21 days before the 2025 birthday: the window's first day

type Suggestions = {
  date: string | null;
  items: { partyId: string; score: number; reasons: { code: string }[]; reason: string }[];
  note: string | null;
};
const suggest = async (who: Session, key: string, year = 2026) => {
  const res = await h.as(who).get(`/api/care/occasions/${key}/suggestions?year=${year}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Suggestions>();
};

describe('occasion calendar', () => {
  it('gives the lunar festivals on their Gregorian dates, sorted, the birthday last', async () => {
    const expected = {
      2026: {
        spring_festival: '2026-02-17',
        lantern: '2026-03-03',
        qingming: '2026-04-05',
        dragon_boat: '2026-06-19',
        mid_autumn: '2026-09-25',
      },
      2027: {
        spring_festival: '2027-02-06',
        lantern: '2027-02-20',
        qingming: '2027-04-05',
        dragon_boat: '2027-06-09',
        mid_autumn: '2027-09-15',
      },
    };
    for (const [year, dates] of Object.entries(expected)) {
      const res = await h.as(agentA).get(`/api/care/occasions?year=${year}`);
      expect(res.statusCode, res.body).toBe(200);
      const items = res.json<{ items: { key: string; date: string | null; lunar: boolean }[] }>().items;
      for (const [key, date] of Object.entries(dates)) {
        expect(items.find((i) => i.key === key)).toMatchObject({ date, lunar: true });
      }
      expect(items.at(-1)).toMatchObject({ key: 'birthday', date: null });
      const order = items.flatMap((i) => (i.date ? [i.date] : []));
      expect(order).toEqual([...order].sort());
    }
  });

  it('refuses a year outside the calendar, and plain employees', async () => {
    expect((await h.as(admin).get('/api/care/occasions?year=1800')).statusCode).toBe(400);
    expect((await h.as(admin).get('/api/care/occasions/easter/suggestions')).statusCode).toBe(400);
    const employee = await h.user(['employee']);
    expect((await h.as(employee).get('/api/care/occasions')).statusCode).toBe(403);
  });
});

describe('occasion suggestions', () => {
  it('names who bought around the occasion in earlier years, with the reason', async () => {
    const s = await suggest(admin, 'mid_autumn');
    expect(s.date).toBe('2026-09-25');
    expect(s.items).toEqual([
      expect.objectContaining({
        partyId: a,
        score: 4,
        reasons: [{ code: 'bought_around_occasion', years: [2024, 2025], purchases: 2 }],
      }),
    ]);
    expect(s.items[0]?.reason).toBe('bought around this occasion in 2024, 2025');
  });

  it('adds the customers of the occasion’s categories once they are set', async () => {
    const denied = await h
      .as(agentA)
      .put('/api/care/occasions/mid_autumn/categories', { categories: ['mooncakes'], version: null });
    expect(denied.statusCode).toBe(403);
    const set = await h
      .as(admin)
      .put('/api/care/occasions/mid_autumn/categories', { categories: ['mooncakes'], version: null });
    expect(set.statusCode, set.body).toBe(200);
    const stale = await h.as(admin).put('/api/care/occasions/mid_autumn/categories', { categories: [], version: null });
    expect(stale.statusCode).toBe(409);
    const s = await suggest(admin, 'mid_autumn');
    expect(s.items.map((i) => [i.partyId, i.score])).toEqual([
      [a, 4],
      [b, 1],
    ]);
    expect(s.items[1]?.reasons).toEqual([{ code: 'category', categories: ['mooncakes'] }]);
    // Each agent sees only their own customers.
    expect((await suggest(agentB, 'mid_autumn')).items.map((i) => i.partyId)).toEqual([b]);
    expect((await suggest(agentA, 'mid_autumn')).items.map((i) => i.partyId)).toEqual([a]);
  });

  it('looks around each customer’s own birthday', async () => {
    const s = await suggest(admin, 'birthday');
    expect(s.date).toBeNull();
    expect(s.items.map((i) => i.partyId)).toEqual([d]);
    expect(s.items[0]?.reasons).toEqual([{ code: 'bought_around_occasion', years: [2025], purchases: 1 }]);
  });

  it('answers an empty list with a note when nobody qualifies', async () => {
    const s = await suggest(admin, 'christmas');
    expect(s.items).toEqual([]);
    expect(s.note).toContain('Not enough data');
  });
});
