import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setup, type Harness, type Session } from './harness.ts';

// The bin: deleted parties listed for whoever could restore them, with who deleted them; restore takes them out; an
// admin purges those older than the retention period, which erases their personal data for good (docs/domain.md
// "The bin").

let h: Harness;
let admin: Session;
let agent: Session;
let other: Session;

const create = async (s: Session, displayName: string, extra: object = {}) => {
  const res = await h.as(s).post('/api/parties', {
    kind: 'person',
    displayName,
    roles: [{ role: 'customer' }],
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
};
const remove = async (s: Session, id: string) =>
  expect((await h.as(s).delete(`/api/parties/${id}`)).statusCode).toBe(204);
const bin = async (s: Session) => {
  const res = await h.as(s).get('/api/bin?limit=100');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: { id: string; name: string; deletedBy: { id: string; name: string } | null }[] }>();
};
/** Moves a deletion back in time (the retention period is 30 days; a test cannot wait for it). */
const deletedDaysAgo = (id: string, days: number) =>
  sql`update party set deleted_at = now() - make_interval(days => ${days}) where id = ${id}`.execute(h.db.db);

beforeAll(async () => {
  h = await setup();
  admin = h.org.admin;
  agent = await h.user(['agent'], { name: 'Agent Bin' });
  other = await h.user(['agent']);
});
afterAll(() => h.app.close());

describe('the bin', () => {
  it('lists a deleted party with who deleted it, to those who could restore it, until it is restored', async () => {
    const id = await create(agent, 'Binned Bella');
    const live = await create(agent, 'Live Larry');
    await remove(agent, id);
    const mine = await bin(agent);
    expect(mine.items.map((i) => i.id)).toEqual([id]);
    expect(mine.items[0]).toMatchObject({
      type: 'party',
      name: 'Binned Bella',
      deletedBy: { id: agent.userId, name: 'Agent Bin' },
    });
    expect((await bin(admin)).items.map((i) => i.id)).toContain(id);
    expect((await bin(other)).items.map((i) => i.id)).not.toContain(id);
    expect((await bin(admin)).items.map((i) => i.id)).not.toContain(live);

    expect((await h.as(agent).post(`/api/parties/${id}/restore`)).statusCode).toBe(200);
    expect((await bin(agent)).items).toEqual([]);
    const audit = (await h.as(admin).get(`/api/audit?entityType=party&entityId=${id}`)).json().items;
    expect(audit.map((a: { action: string }) => a.action).slice(0, 2)).toEqual(['restore', 'delete']);
  });

  it('pages newest deletion first', async () => {
    const a = await create(other, 'Page A');
    const b = await create(other, 'Page B');
    await remove(other, a);
    await remove(other, b);
    await deletedDaysAgo(a, 2);
    const first = (await h.as(other).get('/api/bin?limit=1')).json();
    expect(first.items.map((i: { id: string }) => i.id)).toEqual([b]);
    const second = (await h.as(other).get(`/api/bin?limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((i: { id: string }) => i.id)).toEqual([a]);
  });

  it('purges (admin only) what has been in the bin for the retention period, and erases it for good', async () => {
    const old = await create(agent, 'Purge Paula', {
      emails: ['paula@example.test'],
      phones: ['+8613800138000'],
      tags: ['vip'],
    });
    const recent = await create(agent, 'Recent Rita');
    const live = await create(agent, 'Still Here');
    const note = await h.as(agent).post('/api/interactions', {
      partyId: old,
      channel: 'phone',
      subject: 'Paula called',
      body: 'Paula asked about her order',
      outcome: 'Paula happy',
    });
    expect(note.statusCode, note.body).toBe(201);
    await remove(agent, old);
    await remove(agent, recent);
    await deletedDaysAgo(old, 31);
    await deletedDaysAgo(recent, 29);

    expect((await h.as(agent).post('/api/bin/purge', { type: 'party', ids: [old] })).statusCode).toBe(403);
    const res = await h.as(admin).post('/api/bin/purge', { type: 'party', ids: [old, recent, live, old] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      purged: [old],
      skipped: [
        { id: recent, reason: 'retention' },
        { id: live, reason: 'not_in_bin' },
      ],
    });

    const gone = (await h.as(admin).get(`/api/parties/${old}`)).json();
    expect(gone).toMatchObject({ displayName: '—', emails: [], phones: [], tags: [] });
    expect((await bin(admin)).items.map((i) => i.id)).not.toContain(old);
    expect((await h.as(admin).post(`/api/parties/${old}/restore`)).statusCode).toBe(409);
    // Nothing names her any more: not the search, not her interactions, not the audit trail's before/after.
    const found = (await h.as(admin).get('/api/parties?status=deleted&q=Paula')).json().items;
    expect(found).toEqual([]);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from interaction where party_id = ${old} and (subject like '%Paula%' or body like '%Paula%' or outcome like '%Paula%')`.execute(
      h.db.db,
    );
    expect(rows[0]?.n).toBe(0);
    const audit = (await h.as(admin).get(`/api/audit?entityType=party&entityId=${old}`)).json().items;
    expect(audit[0]).toMatchObject({ action: 'purge' });
    expect(JSON.stringify(audit)).not.toContain('Paula');
    expect(JSON.stringify(audit)).not.toContain('paula@example.test');

    // Purging again finds nothing to purge.
    const again = await h.as(admin).post('/api/bin/purge', { type: 'party', ids: [old] });
    expect(again.json()).toEqual({ purged: [], skipped: [{ id: old, reason: 'not_in_bin' }] });
  });

  it('refuses a malformed purge on its field', async () => {
    for (const [body, field] of [
      [{ type: 'party', ids: [] }, 'ids'],
      [{ type: 'case', ids: [admin.userId] }, 'type'],
      [{ type: 'party', ids: ['nope'] }, 'ids'],
      [{ type: 'party', ids: [admin.userId], extra: 1 }, ''],
    ] as const) {
      const res = await h.as(admin).post('/api/bin/purge', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.json().error.details)).toContain(field);
    }
    expect((await h.as(admin).get('/api/bin?type=case')).statusCode).toBe(400);
  });
});
