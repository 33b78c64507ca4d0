import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { setup } from './harness.ts';
import { engagementSurvey, npsSurvey } from './insight-chain-fixture.ts';
import { insertCustomers } from './value-fixture.ts';

// The service-profit chain (docs/metrics.md "The chain") through the API, by hand. Employee period 2026-01-01 to
// 2026-07-01; engagement (mean of "overall", 1–5) per unit from one closed survey, minimum group 5:
//   U1 2, U2 3, U3 4, U4 (4,4,5,5,5) 4.6, U5 5; U6 (2 answers) and U7 (3) are below the minimum: left out, counted.
// Customer NPS per unit, each answer attributed to the owner at its time (customer m moved from a2 to a1 on 1 May):
//   U1 [m 0 (June), 10] → 0; U2 [m 10 (March), 10, 0, 8] → 25; U3 [10, 7] → 50; U4 [10 (Feb)] → 100;
//   U5 [9, 9, 6] → 33.33; U8 [10] has no employee score.
// x = 2, 3, 4, 4.6, 5; y = 0, 25, 50, 100, 33.33: mean x 3.72, mean y 41.67; Σdxdy = 126.667, Σdx² = 5.968,
// Σdy² = 5555.56 → r = 126.667 / √(5.968 · 5555.56) = 0.695639; Fisher: z = 0.859, SE = 1/√2 → [−0.483163, 0.977795].
// Ranks of y: 1, 2, 4, 5, 3 → Σd² = 6 → ρ = 1 − 6·6 / (5·24) = 0.7.

const h = await setup();
const admin = h.as(h.org.admin);
const db = h.db.db;
const orgId = h.org.orgId;
const unitNames = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8'];
const units: string[] = [];
for (const name of unitNames) {
  units.push((await admin.post('/api/org-units', { name })).json<{ id: string }>().id);
}
const u = (i: number) => units[i - 1] as string;
const agents: string[] = [];
for (const i of [1, 2, 3, 4, 5, 8]) {
  agents[i] = (await h.user(['agent'], { name: `a${i}`, orgUnitId: u(i) })).userId;
}
const a = (i: number) => agents[i] as string;

await engagementSurvey(db, orgId, '2026-06-15T00:00:00Z', [
  [u(1), [2, 2, 2, 2, 2]],
  [u(2), [3, 3, 3, 3, 3]],
  [u(3), [4, 4, 4, 4, 4]],
  [u(4), [4, 4, 5, 5, 5]],
  [u(5), [5, 5, 5, 5, 5]],
  [u(6), [1, 1]],
  [u(7), [1, 1, 1]],
]);
const one = (owner: string) => ({ ownerId: owner, purchases: [] });
const [m, c1, c21, c22, c23, c31, c32, c4, c51, c52, c53, c8] = await insertCustomers(db, orgId, [
  one(a(1)),
  one(a(1)),
  one(a(2)),
  one(a(2)),
  one(a(2)),
  one(a(3)),
  one(a(3)),
  one(a(4)),
  one(a(5)),
  one(a(5)),
  one(a(5)),
  one(a(8)),
]);
await sql`insert into party_history (org_id, party_id, field, from_value, to_value, at)
  values (${orgId}, ${m}, 'owner', ${a(2)}, ${a(1)}, '2026-05-01T00:00:00Z')`.execute(db);
const s = (p: string | undefined, at: string, v: number): [string, string, number] => [
  p as string,
  `${at}T10:00:00Z`,
  v,
];
await npsSurvey(db, orgId, [
  s(m, '2026-06-01', 0),
  s(c1, '2026-03-05', 10),
  s(m, '2026-03-01', 10),
  s(c21, '2026-03-10', 10),
  s(c22, '2026-04-10', 0),
  s(c23, '2026-04-20', 8),
  s(c31, '2026-04-01', 10),
  s(c32, '2026-05-01', 7),
  s(c4, '2026-02-10', 10),
  s(c51, '2026-04-15', 9),
  s(c52, '2026-05-15', 9),
  s(c53, '2026-05-20', 6),
  s(c8, '2026-04-01', 10),
]);

const q = 'from=2026-01-01&to=2026-07-01&employeeMetric=engagement&customerMetric=nps';
type Point = { key: string; employees: number; customers: number; employeeScore: number; customerScore: number };
const byKey = (points: Point[]) => new Map(points.map((p) => [p.key, p]));

describe('the service-profit chain by org unit', () => {
  it('points, Pearson r with its Fisher interval and Spearman ρ, by hand; small groups left out and counted', async () => {
    const res = await admin.get(`/api/insight/chain?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.points).toHaveLength(5);
    const points = byKey(body.points);
    expect(points.get(u(1))).toMatchObject({ employees: 5, customers: 2, employeeScore: 2, customerScore: 0 });
    expect(points.get(u(2))).toMatchObject({ customers: 4, employeeScore: 3, customerScore: 25 });
    expect(points.get(u(4))).toMatchObject({ employeeScore: 4.6, customerScore: 100 });
    expect(points.get(u(5))?.customerScore).toBeCloseTo(100 / 3, 10);
    expect(points.has(u(6)) || points.has(u(7)) || points.has(u(8))).toBe(false);
    expect(body.excludedGroups).toBe(2);
    expect(body.unitsWithoutEmployeeScore).toBe(1);
    expect(body.pearson.n).toBe(5);
    expect(body.pearson.r).toBeCloseTo(0.695639, 6);
    expect(body.pearson.ci95[0]).toBeCloseTo(-0.483163, 6);
    expect(body.pearson.ci95[1]).toBeCloseTo(0.977795, 6);
    expect(body.spearman.rho).toBeCloseTo(0.7, 12);
    expect(body.benchmark).toMatchObject({ low: 0.2, high: 0.35 });
    expect(body).toMatchObject({ note: 'correlation_not_causation', dataNote: null });
  });

  it('lag: +3 months (employee leads) and −1 month (customer leads) move the customer period', async () => {
    const later = (await admin.get(`/api/insight/chain?${q}&lagMonths=3`)).json();
    expect(later.customerPeriod).toEqual({ from: '2026-04-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z' });
    const points = byKey(later.points);
    expect(points.get(u(1))?.customerScore).toBe(-100);
    expect(points.get(u(2))?.customerScore).toBe(-50);
    expect(points.has(u(4))).toBe(false);
    expect(later.pearson.n).toBe(4);
    const earlier = (await admin.get(`/api/insight/chain?${q}&lagMonths=-1`)).json();
    expect(earlier.customerPeriod.from).toBe('2025-12-01T00:00:00.000Z');
    expect(byKey(earlier.points).get(u(1))?.customerScore).toBe(100);
  });

  it('by owner: each owner carries their unit’s employee score', async () => {
    const body = (await admin.get(`/api/insight/chain?${q}&level=owner`)).json();
    const points = byKey(body.points);
    expect(points.get(a(2))).toMatchObject({ employeeScore: 3, customerScore: 25, customers: 4 });
    expect(body.pearson.r).toBeCloseTo(0.695639, 6);
  });

  it('not enough data: no points, null statistics, a note, never NaN', async () => {
    const res = await admin.get('/api/insight/chain?from=2030-01-01&to=2030-02-01&customerMetric=retention');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      points: [],
      pearson: { r: null, ci95: null, n: 0 },
      spearman: { rho: null, n: 0 },
      dataNote: 'not_enough_data',
    });
    expect((await admin.get('/api/insight/chain?customerMetric=revenueGrowth')).statusCode).toBe(200);
    expect((await admin.get('/api/insight/chain?from=2026-02-01&to=2026-01-01')).statusCode).toBe(400);
    expect((await admin.get('/api/insight/chain?lagMonths=99')).statusCode).toBe(400);
  });

  it('HR and executives read it; agents and managers get 403', async () => {
    expect((await h.as(await h.user(['hr'])).get(`/api/insight/chain?${q}`)).statusCode).toBe(200);
    expect((await h.as(await h.user(['manager'])).get(`/api/insight/chain?${q}`)).statusCode).toBe(403);
    expect((await h.as(await h.user(['agent'])).get(`/api/insight/chain?${q}`)).statusCode).toBe(403);
  });
});
