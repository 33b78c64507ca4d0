import { describe, expect, it } from 'vitest';
import { setup, type Session } from './harness.ts';

// Multi-value list filters, "add to segment" and "export selected" from a selection, and the board's value
// (docs/domain.md "Lists and filters", docs/metrics.md "Board value").

const h = await setup();
const admin = h.as(h.org.admin);
const a = await h.user(['agent'], { name: 'Agent A' });
const b = await h.user(['agent'], { name: 'Agent B' });
const marketing = await h.user(['marketing']);

const party = async (who: Session, displayName: string, stage: string, extra: Record<string, unknown> = {}) => {
  const res = await h.as(who).post('/api/parties', {
    kind: 'person',
    displayName,
    roles: [{ role: 'customer', stage }],
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
};
const a1 = await party(a, '筛选甲一', 'new', { tags: ['VIP'] });
const a2 = await party(a, '筛选甲二', 'loyal', { tags: ['重点'] });
const a3 = await party(a, '筛选甲三', 'churned', { kind: 'organization' });
const b1 = await party(b, '筛选乙一', 'new', { tags: ['VIP'] });
const b2 = await party(b, '筛选乙二', 'loyal');

const names = async (who: Session, query: string) => {
  const res = await h.as(who).get(`/api/parties?q=筛选&limit=100&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res
    .json<{ items: { displayName: string }[] }>()
    .items.map((p) => p.displayName)
    .sort();
};

describe('multi-value filters', () => {
  it('take repeated parameters or comma lists, any value matching', async () => {
    const both = ['筛选乙一', '筛选乙二', '筛选甲一', '筛选甲二'].sort();
    expect(await names(h.org.admin, 'stage=new,loyal')).toEqual(both);
    expect(await names(h.org.admin, 'stage=new&stage=loyal')).toEqual(both);
    expect(await names(h.org.admin, 'tag=VIP,重点')).toEqual(['筛选乙一', '筛选甲一', '筛选甲二'].sort());
    expect(await names(h.org.admin, `ownerId=${a.userId},${b.userId}&stage=churned`)).toEqual(['筛选甲三']);
    expect(await names(h.org.admin, 'kind=organization,person&role=customer,partner&stage=churned')).toEqual([
      '筛选甲三',
    ]);
    expect(await names(h.org.admin, 'stage=')).toHaveLength(5);
  });

  it('answer 400 on the field for an unknown value', async () => {
    for (const [param, value] of [
      ['stage', 'new,nowhere'],
      ['role', 'customer,alien'],
      ['kind', 'robot'],
      ['ownerId', 'me,not-a-user'],
    ]) {
      const res = await admin.get(`/api/parties?${param}=${value}`);
      expect(res.statusCode, `${param}=${value}`).toBe(400);
      expect(JSON.stringify(res.json().error.details)).toContain(param);
    }
  });

  it('never show an agent the customers of others, whatever the filter (export too)', async () => {
    expect(await names(a, `ownerId=${b.userId}`)).toEqual([]);
    expect(await names(a, `ownerId=me,${b.userId}&stage=new,loyal`)).toEqual(['筛选甲一', '筛选甲二']);
    const csv = (await h.as(a).get(`/api/parties/export?raw=true&q=筛选&stage=new,loyal&columns=displayName`)).body;
    expect(
      csv
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n')
        .slice(1)
        .sort(),
    ).toEqual(['筛选甲一', '筛选甲二']);
  });
});

describe('export selected', () => {
  it('exports only the ids given, under the same access rules; more than the bulk limit is refused', async () => {
    const rows = async (who: Session, ids: string[]) =>
      (await h.as(who).get(`/api/parties/export?raw=true&columns=displayName&ids=${ids.join(',')}`)).body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n')
        .slice(1)
        .sort();
    expect(await rows(h.org.admin, [a1, b2])).toEqual(['筛选乙二', '筛选甲一']);
    expect(await rows(a, [a1, b2])).toEqual(['筛选甲一']);
    const many = Array.from({ length: 201 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect((await admin.get(`/api/parties/export?ids=${many.join(',')}`)).statusCode).toBe(400);
  });
});

describe('add to segment', () => {
  it('adds parties the editor reads in full, audited; refuses hidden ones, other roles and too many', async () => {
    const seg = await admin.post('/api/segments', {
      name: '手选客户',
      rule: { field: 'tags', op: 'any', value: ['不存在的标签'] },
    });
    expect(seg.statusCode, seg.body).toBe(201);
    const id = seg.json<{ id: string }>().id;
    const add = await admin.post(`/api/segments/${id}/members`, { ids: [a1, b1] });
    expect(add.statusCode, add.body).toBe(200);
    expect(add.json()).toMatchObject({ added: 2, already: 0 });
    const again = await admin.post(`/api/segments/${id}/members`, { ids: [a1, a2] });
    expect(again.json()).toMatchObject({ added: 1, already: 1 });
    const members = (await admin.get(`/api/segments/${id}/members?limit=100`)).json<{ items: { id: string }[] }>();
    expect(members.items.map((m) => m.id).sort()).toEqual([a1, a2, b1].sort());
    // Agents read the segment's members they may see only, and may not add.
    const theirs = (await h.as(a).get(`/api/segments/${id}/members?limit=100`)).json<{ items: { id: string }[] }>();
    expect(theirs.items.map((m) => m.id).sort()).toEqual([a1, a2].sort());
    expect((await h.as(a).post(`/api/segments/${id}/members`, { ids: [a3] })).statusCode).toBe(403);
    // Marketing edits segments but does not see these private customers: not found, nothing added.
    const hidden = await h.as(marketing).post(`/api/segments/${id}/members`, { ids: [a3] });
    expect(hidden.statusCode).toBe(404);
    const many = Array.from({ length: 201 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect((await admin.post(`/api/segments/${id}/members`, { ids: many })).statusCode).toBe(400);
    const audit = await admin.get(`/api/audit?action=segment.add_members&entityId=${id}`);
    const entries = audit.json<{ items: { after: { added: string[] } }[] }>().items;
    expect(entries.map((e) => e.after.added.length).sort()).toEqual([1, 2]);
  });
});

describe('board value', () => {
  it('totals count, revenue (12 months) and CLV per stage over what the reader sees, with card values', async () => {
    const buy = async (who: Session, partyId: string, amount: string, occurredAt?: string) => {
      const res = await h.as(who).post('/api/transactions', { partyId, amount, currency: 'CNY', occurredAt });
      expect(res.statusCode, res.body).toBe(201);
    };
    await buy(a, a1, '100.00');
    await buy(a, a1, '20.50');
    await buy(a, a2, '300.00');
    await buy(a, a2, '999.00', new Date(Date.now() - 400 * 86_400_000).toISOString());
    await buy(b, b1, '50.00');
    const board = async (who: Session, query = '') => {
      const res = await h.as(who).get(`/api/value/board?role=customer&q=筛选${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{
        currency: string;
        columns: { stage: string; count: number; revenue: string; clv: string | null }[];
        cards: { partyId: string; revenue: string }[];
      }>();
    };
    const all = await board(h.org.admin, `&ids=${a1},${b2}`);
    expect(all.currency).toBe('CNY');
    const col = (x: typeof all, stage: string) => x.columns.find((c) => c.stage === stage);
    expect(col(all, 'new')).toMatchObject({ count: 2, revenue: '170.50', clv: null });
    expect(col(all, 'loyal')).toMatchObject({ count: 2, revenue: '300.00' });
    expect(col(all, 'churned')).toMatchObject({ count: 1, revenue: '0.00' });
    expect(col(all, 'prospect')).toMatchObject({ count: 0, revenue: '0.00' });
    expect(all.cards.sort((x, y) => x.partyId.localeCompare(y.partyId))).toEqual(
      [
        { partyId: a1, stage: 'new', revenue: '120.50', clv: null },
        { partyId: b2, stage: 'loyal', revenue: '0.00', clv: null },
      ].sort((x, y) => x.partyId.localeCompare(y.partyId)),
    );
    const mine = await board(a, `&ids=${b1}`);
    expect(col(mine, 'new')).toMatchObject({ count: 1, revenue: '120.50' });
    expect(col(mine, 'loyal')).toMatchObject({ count: 1, revenue: '300.00' });
    expect(mine.cards).toEqual([]);
    const filtered = await board(h.org.admin, `&ownerId=${b.userId}`);
    expect(col(filtered, 'new')).toMatchObject({ count: 1, revenue: '50.00' });
    const empty = (await admin.get('/api/value/board?role=supplier')).json();
    expect(empty).toMatchObject({ note: 'not_enough_data', currency: null });
    expect((await h.as(await h.user(['hr'])).get('/api/value/board')).statusCode).toBe(403);
    expect((await admin.get('/api/value/board?role=alien')).statusCode).toBe(400);
  });
});
