import { beforeAll, describe, expect, it } from 'vitest';
import { takeSegmentSnapshots } from '../src/modules/value/index.ts';
import { setup, type Session } from './harness.ts';
import { valueHelpers } from './value-segments-fixture.ts';

// Dynamic segments through the API (docs/metrics.md "Segments"): every field and operator on a hand-made book,
// counts and members under the reader's visibility, monthly membership history, and bad input.

const h = await setup();
const admin = h.as(h.org.admin);
const v = valueHelpers(h, h.org.admin);

let agent1: Session;
let agent2: Session;
let marketing: Session;
let employee: Session;
let east: string;
let group: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  east = (await v.ok<{ id: string }>(admin.post('/api/org-units', { name: 'East' }))).id;
  const west = (await v.ok<{ id: string }>(admin.post('/api/org-units', { name: 'West' }))).id;
  agent1 = await h.user(['agent'], { orgUnitId: east });
  agent2 = await h.user(['agent'], { orgUnitId: west });
  marketing = await h.user(['marketing']);
  employee = await h.user(['employee']);
  group = (
    await v.ok<{ key: string }>(
      admin.post('/api/stakeholder-groups', { key: 'press', nameZh: '媒体', nameEn: 'Press', side: 'external' }),
    )
  ).key;

  const tea = await v.product('Longjing', 'tea');
  const cup = await v.product('Cup', 'ware');
  // Alice: east's, loyal, vip + tea; bought tea 100 days ago and a cup 40 days ago.
  ids.alice = (
    await v.party(agent1, 'Alice', { tags: ['vip', 'tea'], roles: [{ role: 'customer', stage: 'loyal' }] })
  ).id;
  // Bob: east's, new, tea; bought tea for 300 ten days ago.
  ids.bob = (await v.party(agent1, 'Bob', { tags: ['tea'], roles: [{ role: 'customer', stage: 'new' }] })).id;
  // Carol: west's, at risk, never bought.
  ids.carol = (await v.party(agent2, 'Carol', { roles: [{ role: 'customer', stage: 'at_risk' }] })).id;
  // Dan: an organisation without owner, a partner in the press group.
  ids.dan = (
    await v.party(h.org.admin, 'Dan Ltd', {
      kind: 'organization',
      ownerId: null,
      roles: [{ role: 'partner', stakeholderGroup: group }],
    })
  ).id;
  // Eve: deleted customer who bought: never a member.
  ids.eve = (await v.party(agent1, 'Eve', { tags: ['vip'] })).id;
  await v.buy(ids.alice, 100, [{ product: tea, amount: '100.00' }]);
  await v.buy(ids.alice, 40, [{ product: cup, amount: '50.00' }]);
  await v.buy(ids.bob, 10, [{ product: tea, amount: '300.00' }]);
  await v.buy(ids.eve, 5, [{ product: tea, amount: '999.00' }]);
  await v.ok(admin.delete(`/api/parties/${ids.eve}`));
}, 60_000);

type Preview = { count: number; note: string | null; sample: { id: string; displayName: string }[] };
const preview = async (rule: unknown, s: Session = h.org.admin) =>
  v.ok<Preview>(h.as(s).post('/api/segments/preview', { rule }));
const names = async (rule: unknown, s?: Session) => {
  const p = await preview(rule, s);
  const got = p.sample.map((m) => m.displayName).sort();
  expect(p.count).toBe(got.length);
  return got;
};

describe('rule compilation: each field and operator', () => {
  it('party fields, roles, stage, stakeholder group, owner and org unit', async () => {
    expect(await names({ field: 'kind', op: 'in', value: ['organization'] })).toEqual(['Dan Ltd']);
    expect(await names({ field: 'role', op: 'in', value: ['customer'] })).toEqual(['Alice', 'Bob', 'Carol']);
    expect(await names({ field: 'stage', op: 'in', value: ['loyal', 'new'] })).toEqual(['Alice', 'Bob']);
    expect(await names({ field: 'stage', op: 'in', value: ['loyal'], role: 'partner' })).toEqual([]);
    expect(await names({ field: 'stakeholderGroup', op: 'in', value: [group] })).toEqual(['Dan Ltd']);
    expect(await names({ field: 'tags', op: 'any', value: ['vip', 'tea'] })).toEqual(['Alice', 'Bob']);
    expect(await names({ field: 'tags', op: 'all', value: ['vip', 'tea'] })).toEqual(['Alice']);
    expect(await names({ field: 'tags', op: 'none', value: ['tea'] })).toEqual(['Carol', 'Dan Ltd']);
    expect(await names({ field: 'owner', op: 'in', value: [agent1.userId] })).toEqual(['Alice', 'Bob']);
    expect(await names({ field: 'owner', op: 'none' })).toEqual(['Dan Ltd']);
    expect(await names({ field: 'orgUnit', op: 'in', value: [east] })).toEqual(['Alice', 'Bob']);
    expect(await names({ field: 'createdAt', op: 'before', value: '2000-01-01' })).toEqual([]);
    expect(await names({ field: 'createdAt', op: 'after', value: '2000-01-01' })).toHaveLength(4);
  });

  it('purchases: last purchase and categories bought (refund-free, deleted parties left out)', async () => {
    expect(await names({ field: 'lastPurchase', op: 'withinDays', value: 30 })).toEqual(['Bob']);
    expect(await names({ field: 'lastPurchase', op: 'notWithinDays', value: 30 })).toEqual([
      'Alice',
      'Carol',
      'Dan Ltd',
    ]);
    expect(await names({ field: 'lastPurchase', op: 'never' })).toEqual(['Carol', 'Dan Ltd']);
    const d = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    expect(await names({ field: 'lastPurchase', op: 'after', value: d(50) })).toEqual(['Alice', 'Bob']);
    expect(await names({ field: 'lastPurchase', op: 'before', value: d(20) })).toEqual(['Alice']);
    expect(await names({ field: 'categoriesBought', op: 'any', value: ['ware'] })).toEqual(['Alice']);
    expect(await names({ field: 'categoriesBought', op: 'all', value: ['tea', 'ware'] })).toEqual(['Alice']);
    expect(await names({ field: 'categoriesBought', op: 'none', value: ['tea'] })).toEqual(['Carol', 'Dan Ltd']);
  });

  it('and / or / not', async () => {
    const rule = {
      or: [
        {
          and: [
            { field: 'role', op: 'in', value: ['customer'] },
            { not: { field: 'tags', op: 'any', value: ['vip'] } },
          ],
        },
        { field: 'kind', op: 'in', value: ['organization'] },
      ],
    };
    expect(await names(rule)).toEqual(['Bob', 'Carol', 'Dan Ltd']);
  });

  it('value scores read the latest value snapshot; before one exists they match no one, with a note', async () => {
    const before = await preview({ field: 'rfmSegment', op: 'in', value: ['loyal'] });
    expect(before.count).toBe(0);
    expect(before.note).toMatch(/No value snapshot/);
    await v.snapshot();
    // Two buyers (hand-computed, docs/metrics.md "RFM"): Alice r3 f5 m3 → loyal; Bob r5 f3 m5 → potential loyalist.
    expect(await names({ field: 'rfmSegment', op: 'in', value: ['loyal'] })).toEqual(['Alice']);
    expect(await names({ field: 'rfmSegment', op: 'in', value: ['potential_loyalists'] })).toEqual(['Bob']);
    expect(await names({ field: 'monetary', op: 'gte', value: 200 })).toEqual(['Bob']);
    expect(await names({ field: 'frequency', op: 'eq', value: 2 })).toEqual(['Alice']);
    expect(await names({ field: 'recencyDays', op: 'lte', value: 40 })).toEqual(['Alice', 'Bob']);
    expect(await names({ field: 'r', op: 'eq', value: 5 })).toEqual(['Bob']);
    expect(await names({ field: 'f', op: 'eq', value: 5 })).toEqual(['Alice']);
    expect(await names({ field: 'm', op: 'lte', value: 3 })).toEqual(['Alice']);
    // The default scorer leaves class and CLV null.
    expect(await names({ field: 'valueClass', op: 'in', value: ['true_friend'] })).toEqual([]);
    expect(await names({ field: 'clv', op: 'gte', value: 0 })).toEqual([]);
    expect((await preview({ field: 'r', op: 'eq', value: 5 })).note).toBeNull();
  });
});

describe('segments: definitions, counts and members', () => {
  let seg: { id: string; version: number };

  it('marketing defines a segment; agents and employees may not; names are unique among active ones', async () => {
    const body = { name: 'Tea lovers', rule: { field: 'tags', op: 'any', value: ['tea', 'vip'] } };
    expect((await h.as(agent1).post('/api/segments', body)).statusCode).toBe(403);
    expect((await h.as(employee).get('/api/segments')).statusCode).toBe(403);
    seg = await v.ok(h.as(marketing).post('/api/segments', body), 201);
    expect((await h.as(marketing).post('/api/segments', { ...body, name: 'TEA LOVERS' })).statusCode).toBe(409);
    const list = await v.ok<{ items: { id: string }[] }>(h.as(agent1).get('/api/segments'));
    expect(list.items.map((s) => s.id)).toContain(seg.id);
  });

  it('counts and lists only the customers the reader may see', async () => {
    const count = async (s: Session) =>
      (await v.ok<{ count: number }>(h.as(s).get(`/api/segments/${seg.id}/count`))).count;
    expect(await count(h.org.admin)).toBe(2);
    expect(await count(agent1)).toBe(2);
    expect(await count(agent2)).toBe(0);
    const agent2Customers = await names({ field: 'role', op: 'in', value: ['customer'] }, agent2);
    expect(agent2Customers).toEqual(['Carol']);
  });

  it('pages members by name and by value (keyset)', async () => {
    const first = await v.ok<{ items: { displayName: string }[]; nextCursor: string }>(
      admin.get(`/api/segments/${seg.id}/members?limit=1`),
    );
    expect(first.items.map((m) => m.displayName)).toEqual(['Alice']);
    const second = await v.ok<{ items: { displayName: string }[]; nextCursor: string | null }>(
      admin.get(`/api/segments/${seg.id}/members?limit=1&cursor=${encodeURIComponent(first.nextCursor)}`),
    );
    expect(second.items.map((m) => m.displayName)).toEqual(['Bob']);
    expect(second.nextCursor).toBeNull();
    const byValue = await v.ok<{ items: { displayName: string; monetary: string; rfmSegment: string }[] }>(
      admin.get(`/api/segments/${seg.id}/members?sort=-monetary`),
    );
    expect(byValue.items.map((m) => [m.displayName, m.monetary, m.rfmSegment])).toEqual([
      ['Bob', '300.00', 'potential_loyalists'],
      ['Alice', '150.00', 'loyal'],
    ]);
    const page1 = await v.ok<{ nextCursor: string }>(
      admin.get(`/api/segments/${seg.id}/members?sort=-monetary&limit=1`),
    );
    const page2 = await v.ok<{ items: { displayName: string }[] }>(
      admin.get(
        `/api/segments/${seg.id}/members?sort=-monetary&limit=1&cursor=${encodeURIComponent(page1.nextCursor)}`,
      ),
    );
    expect(page2.items.map((m) => m.displayName)).toEqual(['Alice']);
    expect((await admin.get(`/api/segments/${seg.id}/members?sort=-monetary&cursor=bad`)).statusCode).toBe(400);
  });

  it('monthly membership shows who entered and left, under the reader’s visibility', async () => {
    await takeSegmentSnapshots(h.db.db, { orgId: h.org.orgId, month: '2026-01-01' });
    // Alice leaves (tags cleared), Carol enters (tagged vip).
    const alice = await v.ok<{ version: number }>(admin.get(`/api/parties/${ids.alice}`));
    await v.ok(admin.patch(`/api/parties/${ids.alice}`, { tags: [], version: alice.version }));
    const carol = await v.ok<{ version: number }>(admin.get(`/api/parties/${ids.carol}`));
    await v.ok(admin.patch(`/api/parties/${ids.carol}`, { tags: ['vip'], version: carol.version }));
    await takeSegmentSnapshots(h.db.db, { orgId: h.org.orgId, month: '2026-02-01' });
    // Taking February again replaces it; an earlier month is skipped.
    await takeSegmentSnapshots(h.db.db, { orgId: h.org.orgId, month: '2026-02-01' });
    await takeSegmentSnapshots(h.db.db, { orgId: h.org.orgId, month: '2025-12-01' });
    const all = await v.ok<{ months: unknown[] }>(admin.get(`/api/segments/${seg.id}/history`));
    expect(all.months).toEqual([
      { month: '2026-01-01', members: 2, entered: 2, left: 0 },
      { month: '2026-02-01', members: 2, entered: 1, left: 1 },
    ]);
    const east = await v.ok<{ months: unknown[] }>(h.as(agent1).get(`/api/segments/${seg.id}/history`));
    expect(east.months).toEqual([
      { month: '2026-01-01', members: 2, entered: 2, left: 0 },
      { month: '2026-02-01', members: 1, entered: 0, left: 1 },
    ]);
  });

  it('changes with the version, archives, and answers 404 for another organisation’s segment', async () => {
    const upd = await v.ok<{ version: number; name: string }>(
      h.as(marketing).patch(`/api/segments/${seg.id}`, { name: 'Tea people', version: seg.version }),
    );
    expect(upd.name).toBe('Tea people');
    expect(
      (await h.as(marketing).patch(`/api/segments/${seg.id}`, { name: 'X', version: seg.version })).statusCode,
    ).toBe(409);
    const other = await h.newOrg(`seg${Date.now().toString(36)}`);
    expect((await h.as(other.admin).get(`/api/segments/${seg.id}`)).statusCode).toBe(404);
    expect((await h.as(other.admin).get(`/api/segments/${seg.id}/count`)).statusCode).toBe(404);
    const archived = await v.ok<{ archived: boolean }>(
      admin.patch(`/api/segments/${seg.id}`, { archived: true, version: upd.version }),
    );
    expect(archived.archived).toBe(true);
    const active = await v.ok<{ items: { id: string }[] }>(admin.get('/api/segments'));
    expect(active.items.map((s) => s.id)).not.toContain(seg.id);
  });
});

describe('bad rules: 400 on the field, never a 500', () => {
  const bad = async (rule: unknown) => {
    const res = await admin.post('/api/segments/preview', { rule });
    expect(res.statusCode, res.body).toBe(400);
    return res.json<{ error: { code: string; details: unknown } }>().error;
  };

  it('unknown fields and operators, wrong values, too deep, too big, unknown references', async () => {
    await bad({ field: 'salary', op: 'gte', value: 1 });
    await bad({ field: 'tags', op: 'like', value: ['x'] });
    await bad({ field: 'role', op: 'in', value: ['emperor'] });
    await bad({ field: 'role', op: 'in', value: [] });
    await bad({ field: 'clv', op: 'gte', value: 'lots' });
    await bad({ field: 'tags', op: 'any', value: ["x'); drop table party; --"], extra: 1 });
    await bad({ and: [] });
    let deep: unknown = { field: 'kind', op: 'in', value: ['person'] };
    for (let i = 0; i < 7; i++) {
      deep = { not: deep };
    }
    await bad(deep);
    await bad({ or: Array.from({ length: 61 }, () => ({ field: 'kind', op: 'in', value: ['person'] })) });
    // Deeper than a recursive parser would survive: refused before the tree is parsed.
    const leaf = JSON.stringify({ field: 'kind', op: 'in', value: ['person'] });
    const veryDeep = await h.app.inject({
      method: 'POST',
      url: '/api/segments/preview',
      headers: { cookie: h.org.admin.cookie, 'x-csrf-token': h.org.admin.csrf, 'content-type': 'application/json' },
      payload: `{"rule":${'{"and":['.repeat(3000)}${leaf}${']}'.repeat(3000)}}`,
    });
    expect(veryDeep.statusCode, veryDeep.body.slice(0, 200)).toBe(400);
    const unknownOwner = await bad({ field: 'owner', op: 'in', value: ['00000000-0000-4000-8000-000000000000'] });
    expect(JSON.stringify(unknownOwner.details)).toContain('unknown_reference');
  });

  it('a value quoted like SQL is only ever a parameter', async () => {
    expect(await names({ field: 'tags', op: 'any', value: ["x'); drop table party; --"] })).toEqual([]);
    expect(await names({ field: 'role', op: 'in', value: ['customer'] })).toHaveLength(3);
  });
});
