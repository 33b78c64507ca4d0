import { beforeAll, describe, expect, it } from 'vitest';
import { setup } from './harness.ts';
import { peopleOrg, type PeopleOrg } from './people-fixture.ts';

// Incentives (POST/GET /api/employees/:id/incentives): the six kinds, money as a share of monthly pay, access.

const h = await setup();
let o: PeopleOrg;
let url: string;
type Incentive = { id: string; type: string; amount: string | null; shareOfMonthlyPay: number | null };
type Created = Incentive & { warnings: { code: string; share: number | null }[] };

beforeAll(async () => {
  o = await peopleOrg(h);
  url = `/api/employees/${o.parties.anna}/incentives`;
});

describe('recording incentives', () => {
  it('money under the share of monthly pay is kept with a warning (500 on 10,000 = 5 %)', async () => {
    const res = await h.as(o.lead).post(url, { type: 'money', givenOn: '2025-03-01', amount: 500, note: 'Bonus' });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json<Created>();
    expect(c).toMatchObject({ type: 'money', amount: '500.00', shareOfMonthlyPay: 0.05 });
    expect(c.warnings).toEqual([expect.objectContaining({ code: 'small_raise', share: 0.05 })]);
  });

  it('money at or above the share has no warning (2,000 on 10,000 = 20 %)', async () => {
    const res = await h.as(o.hr).post(url, { type: 'money', givenOn: '2025-04-01', amount: '2000.00' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Created>()).toMatchObject({ shareOfMonthlyPay: 0.2, warnings: [] });
  });

  it('the other five kinds carry no amount', async () => {
    for (const type of ['emotional', 'respect', 'communication', 'work', 'negative']) {
      const res = await h.as(o.boss).post(url, { type, givenOn: '2025-05-01', note: type });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<Created>()).toMatchObject({ type, amount: null, shareOfMonthlyPay: null, warnings: [] });
    }
  });

  it('bad input is a 400 on the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ type: 'money', givenOn: '2025-01-01' }, 'amount'],
      [{ type: 'respect', givenOn: '2025-01-01', amount: 5 }, 'amount'],
      [{ type: 'gift', givenOn: '2025-01-01' }, 'type'],
      [{ type: 'respect', givenOn: '2025-02-30' }, 'givenOn'],
      [{ type: 'money', givenOn: '2025-01-01', amount: 1.234 }, 'amount'],
      [{ type: 'respect', givenOn: '2025-01-01', givenBy: '00000000-0000-4000-8000-000000000000' }, 'givenBy'],
    ];
    for (const [body, field] of cases) {
      const res = await h.as(o.hr).post(url, body);
      expect(res.statusCode, `${JSON.stringify(body)} ${res.body}`).toBe(400);
      expect(JSON.stringify(res.json().error.details)).toContain(field);
    }
  });
});

describe('who sees and gives incentives', () => {
  it('the employee reads their log but may not give themselves one', async () => {
    const list = await h.as(o.anna).get(url);
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: Incentive[] }>().items).toHaveLength(7);
    expect((await h.as(o.anna).post(url, { type: 'respect', givenOn: '2025-01-01' })).statusCode).toBe(403);
  });

  it('agent, marketing, executive, a peer and an unrelated manager get 404 both ways', async () => {
    for (const who of [o.agent, o.marketing, o.executive, o.bo, o.otherManager]) {
      const list = await h.as(who).get(url);
      expect(list.statusCode).toBe(404);
      expect(list.body).not.toContain('500.00');
      expect((await h.as(who).post(url, { type: 'respect', givenOn: '2025-01-01' })).statusCode).toBe(404);
    }
  });

  it('filters by type and dates; amounts stay out of the audit log', async () => {
    const money = await h.as(o.boss).get(`${url}?type=money&from=2025-03-15`);
    expect(money.json<{ items: Incentive[] }>().items.map((i) => i.amount)).toEqual(['2000.00']);
    const audit = await h.db.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'incentive_create')
      .execute();
    expect(audit.length).toBe(7);
    expect(JSON.stringify(audit)).not.toMatch(/2000|500/);
  });
});
