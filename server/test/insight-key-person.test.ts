import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { setup } from './harness.ts';
import { insertCustomers } from './value-fixture.ts';

// Key-person risk (docs/metrics.md "Key-person risk") through the API, by hand. asOf 2026-06-30: the window is
// [2025-07-01, 2026-07-01). Revenue of the organisation: 100 + 300 + 200 + 250 + 50 + 100 (unowned) = 1000.
//   A: c1 100 (backup B, active), c2 300 (no backup), c8 (only a purchase in 2024)  → R 400, covered 100, c = 0.25
//   B: c3 200 (backup A), c4 nothing (backup C), c9 50 − 80 (floored at 0)          → R 200, covered 200, c = 1
//   C: c5 250 (backup = C itself: none), c6 50 (backup D, deactivated)              → R 300, covered 0,   c = 0
// Shares 0.4, 0.2, 0.3; exposure 0.4 × 0.75 = 0.3, 0, 0.3. Over owners (200, 300, 400): top-20 % = 400/900,
// Gini = (−2·200 + 0 + 2·400) / (3 · 900) = 400/2700.

const h = await setup();
const admin = h.as(h.org.admin);
const unit = (await admin.post('/api/org-units', { name: 'Sales' })).json<{ id: string; version: number }>();
const other = (await admin.post('/api/org-units', { name: 'Key accounts' })).json<{ id: string }>();
const a = await h.user(['agent'], { name: 'A', orgUnitId: unit.id });
const b = await h.user(['agent'], { name: 'B', orgUnitId: unit.id });
const c = await h.user(['agent'], { name: 'C', orgUnitId: other.id });
const d = await h.user(['agent'], { name: 'D' });
const manager = await h.user(['manager'], { name: 'M' });
const hr = await h.user(['hr']);
const executive = await h.user(['executive']);
const marketing = await h.user(['marketing']);
const setManager = await h.app.inject({
  method: 'PATCH',
  url: `/api/org-units/${unit.id}`,
  headers: { cookie: h.org.admin.cookie, 'x-csrf-token': h.org.admin.csrf },
  payload: { managerUserId: manager.userId, version: unit.version },
});
expect(setManager.statusCode, setManager.body).toBe(200);

const jan = (day: number, amount: number) => ({ day: `2026-01-${String(day).padStart(2, '0')}`, amount });
const [c1, c2, c3, c4, c5, c6, , c8] = await insertCustomers(h.db.db, h.org.orgId, [
  { name: 'c1', ownerId: a.userId, purchases: [jan(2, 100)] },
  { name: 'c2', ownerId: a.userId, purchases: [jan(3, 300)] },
  { name: 'c3', ownerId: b.userId, purchases: [jan(4, 200)] },
  { name: 'c4', ownerId: b.userId, purchases: [] },
  { name: 'c5', ownerId: c.userId, purchases: [jan(5, 250)] },
  { name: 'c6', ownerId: c.userId, purchases: [jan(6, 50)] },
  { name: 'c7', purchases: [jan(7, 100)] },
  { name: 'c8', ownerId: a.userId, purchases: [{ day: '2024-06-01', amount: 1000 }] },
  { name: 'c9', ownerId: b.userId, purchases: [jan(8, 50), jan(9, -80)] },
]);
const backups: [string | undefined, string][] = [
  [c1, b.userId],
  [c3, a.userId],
  [c4, c.userId],
  [c5, c.userId],
  [c6, d.userId],
];
for (const [party, backup] of backups) {
  await sql`update party set backup_owner_id = ${backup} where org_id = ${h.org.orgId} and id = ${party}`.execute(
    h.db.db,
  );
}
await sql`update app_user set active = false where org_id = ${h.org.orgId} and id = ${d.userId}`.execute(h.db.db);

const q = '/api/insight/key-person-risk?asOf=2026-06-30';
type Owner = { userId: string; customers: number; customersWithBackup: number; revenue: number } & Record<
  'revenueShare' | 'backupCoverage' | 'exposure',
  number
>;
const byUser = (owners: Owner[]) => new Map(owners.map((o) => [o.userId, o]));

describe('key-person risk', () => {
  it('exposure and backup coverage for three owners, by hand', async () => {
    const res = await admin.get(q);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ currency: 'CNY', orgRevenue: 1000, unownedRevenue: 100, note: null });
    expect(body.from).toBe('2025-07-01T00:00:00.000Z');
    const owners = byUser(body.owners);
    expect(body.owners.map((o: Owner) => o.userId)).toEqual([a.userId, c.userId, b.userId]);
    expect(owners.get(a.userId)).toMatchObject({ customers: 3, customersWithBackup: 1, revenue: 400 });
    expect(owners.get(a.userId)?.revenueShare).toBeCloseTo(0.4, 12);
    expect(owners.get(a.userId)?.backupCoverage).toBeCloseTo(0.25, 12);
    expect(owners.get(a.userId)?.exposure).toBeCloseTo(0.3, 12);
    expect(owners.get(b.userId)).toMatchObject({ customers: 3, customersWithBackup: 2, revenue: 200 });
    expect(owners.get(b.userId)?.backupCoverage).toBeCloseTo(1, 12);
    expect(owners.get(b.userId)?.exposure).toBeCloseTo(0, 12);
    expect(owners.get(c.userId)).toMatchObject({ customers: 2, customersWithBackup: 0, revenue: 300 });
    expect(owners.get(c.userId)?.exposure).toBeCloseTo(0.3, 12);
    expect(body.owners[0].attritionRisk).toBeNull();
    expect(body.concentration.n).toBe(3);
    expect(body.concentration.top20Share).toBeCloseTo(400 / 900, 12);
    expect(body.concentration.gini).toBeCloseTo(400 / 2700, 12);
  });

  it('an empty window: zeros and a note, never NaN', async () => {
    const body = (await admin.get('/api/insight/key-person-risk?asOf=1990-01-01')).json();
    expect(body).toMatchObject({ orgRevenue: 0, owners: [], note: 'not_enough_data' });
    expect((await admin.get('/api/insight/key-person-risk?asOf=2026-02-30')).statusCode).toBe(400);
  });

  it('what if A leaves; what if A and B leave', async () => {
    const one = await admin.post('/api/insight/key-person-risk/simulate', { userIds: [a.userId], asOf: '2026-06-30' });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({
      uncovered: { customers: 2, revenue: 300, revenueShare: 0.3 },
      coveredByBackup: { customers: 1, revenue: 100 },
      bySegment: [{ segment: null, customers: 2, revenue: 300 }],
    });
    expect(one.json().customers.map((x: { partyId: string }) => x.partyId)).toEqual([c2, c8]);
    const two = await admin.post('/api/insight/key-person-risk/simulate', {
      userIds: [a.userId, b.userId],
      asOf: '2026-06-30',
    });
    expect(two.json()).toMatchObject({
      uncovered: { customers: 5, revenue: 600, revenueShare: 0.6 },
      coveredByBackup: { customers: 1, revenue: 0 },
    });
    const bad = await admin.post('/api/insight/key-person-risk/simulate', { userIds: [c1] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toEqual(['body', 'userIds', 0]);
  });

  it('bulk backups: a wrong row changes nothing and names itself; a right batch lowers the exposure, audited', async () => {
    const missing = await admin.post('/api/insight/key-person-risk/backups', {
      assignments: [
        { partyId: c2, backupOwnerId: c.userId },
        { partyId: a.userId, backupOwnerId: c.userId },
      ],
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.details[0].path).toEqual(['body', 'assignments', 1, 'partyId']);
    const same = await admin.post('/api/insight/key-person-risk/backups', {
      assignments: [
        { partyId: c2, backupOwnerId: c.userId },
        { partyId: c5, backupOwnerId: c.userId },
      ],
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.details[0].path).toEqual(['body', 'assignments', 1, 'backupOwnerId']);
    const inactive = await admin.post('/api/insight/key-person-risk/backups', {
      assignments: [{ partyId: c2, backupOwnerId: d.userId }],
    });
    expect(inactive.statusCode).toBe(400);
    expect(byUser((await admin.get(q)).json().owners).get(a.userId)?.exposure).toBeCloseTo(0.3, 12);

    const ok = await admin.post('/api/insight/key-person-risk/backups', {
      assignments: [
        { partyId: c2, backupOwnerId: c.userId },
        { partyId: c1, backupOwnerId: b.userId },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ changed: 1, unchanged: 1 });
    const after = byUser((await admin.get(q)).json().owners).get(a.userId);
    expect(after?.backupCoverage).toBeCloseTo(1, 12);
    expect(after?.exposure).toBeCloseTo(0, 12);
    const audit = (await admin.get(`/api/audit?entityId=${c2}`)).json().items;
    expect(audit[0]).toMatchObject({ action: 'update', after: { backup_owner_id: c.userId } });
    const history = (await admin.get(`/api/parties/${c2}/history?field=backup_owner`)).json().items;
    expect(history[0]).toMatchObject({ to: c.userId });
  });
});

describe('attrition risk from the people module', () => {
  it('an owner linked to an employee party carries its score: key-person risk = exposure × score / 100', async () => {
    // C was hired 12 months ago (inside the default 6–24 month risk window), nothing else recorded.
    const hired = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
    const res = await h.as(hr).post('/api/parties', {
      kind: 'person',
      displayName: 'C as an employee',
      roles: [{ role: 'employee', stage: 'stable', employment: { orgUnitId: other.id, hireDate: hired } }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const party = res.json<{ id: string }>().id;
    await sql`update app_user set party_id = ${party} where org_id = ${h.org.orgId} and id = ${c.userId}`.execute(
      h.db.db,
    );
    const scored = (await h.as(hr).get('/api/people/attrition-risk')).json<{
      items: { partyId: string; score: number; band: string }[];
    }>();
    const mine = scored.items.find((i) => i.partyId === party);
    expect(mine?.score).toBeGreaterThan(0);
    const owner = byUser((await admin.get(q)).json().owners).get(c.userId) as Owner & {
      attritionRisk: { score: number; band: string };
      keyPersonRisk: number;
    };
    expect(owner.attritionRisk).toEqual({ score: mine?.score, band: mine?.band });
    expect(owner.keyPersonRisk).toBeCloseTo((0.3 * (mine?.score ?? 0)) / 100, 12);
    // The employee party is on the employee side: not one of anyone's customers.
    expect(owner.customers).toBe(2);
  });
});

describe('who reads key-person risk', () => {
  it("a manager sees their unit's owners, shares of the organisation, no org concentration", async () => {
    const body = (await h.as(manager).get(q)).json();
    expect(body.owners.map((o: Owner) => o.userId).sort()).toEqual([a.userId, b.userId].sort());
    expect(body.orgRevenue).toBe(1000);
    expect(body.concentration).toBeNull();
    const outside = await h.as(manager).post('/api/insight/key-person-risk/simulate', { userIds: [c.userId] });
    expect(outside.statusCode).toBe(400);
  });

  it('HR and executives read it; agents and marketing get 403', async () => {
    expect((await h.as(hr).get(q)).statusCode).toBe(200);
    expect((await h.as(executive).get(q)).json().owners).toHaveLength(3);
    expect((await h.as(a).get(q)).statusCode).toBe(403);
    expect((await h.as(marketing).get(q)).statusCode).toBe(403);
    const res = await h.as(a).post('/api/insight/key-person-risk/backups', {
      assignments: [{ partyId: c2, backupOwnerId: b.userId }],
    });
    expect(res.statusCode).toBe(403);
  });
});
