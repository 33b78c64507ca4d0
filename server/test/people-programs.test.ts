import { describe, expect, it } from 'vitest';
import { setup } from './harness.ts';
import { peopleOrg } from './people-fixture.ts';

// PDCA cycles and vision reviews: boss manages Sales; Support has no manager, so only HR writes there. Anna and Bo
// are employees of Support; the agent is a user of Sales.

const h = await setup();
const o = await peopleOrg(h);
const pdca = {
  title: 'Shorter first replies',
  ownerPartyId: o.parties.lead,
  goal: 'First reply within 2 hours',
  measures: [{ text: 'Median first reply', target: '2h' }],
  startsOn: '2026-01-05',
  endsOn: '2026-06-30',
};
const create = (who = o.boss, body: Record<string, unknown> = {}) =>
  h.as(who).post('/api/pdca-cycles', { ...pdca, orgUnitId: o.units.sales, ...body });

describe('PDCA cycles', () => {
  it('lets a manager run the cycles of their unit and nobody else’s', async () => {
    const res = await create();
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'plan',
      turn: 1,
      ownerPartyId: o.parties.lead,
      ownerName: 'Lead Li',
      measures: [{ text: 'Median first reply', target: '2h' }],
      notes: null,
    });
    const id = res.json().id;
    expect((await create(o.boss, { orgUnitId: o.units.support })).statusCode).toBe(403);
    expect((await create(o.boss, { orgUnitId: null })).statusCode).toBe(403);
    expect((await create(o.hr, { orgUnitId: o.units.support })).statusCode).toBe(201);
    expect((await h.as(o.otherManager).get(`/api/pdca-cycles/${id}`)).statusCode).toBe(404);
    expect((await h.as(o.otherManager).get('/api/pdca-cycles')).json().items).toEqual([]);
    expect((await h.as(o.boss).get('/api/pdca-cycles')).json().items.map((c: { id: string }) => c.id)).toEqual([id]);
    expect((await h.as(o.executive).get('/api/pdca-cycles')).json().items).toHaveLength(2);
    expect((await h.as(o.executive).get(`/api/pdca-cycles/${id}`)).statusCode).toBe(200);
    expect((await h.as(o.executive).patch(`/api/pdca-cycles/${id}`, { notes: 'x', version: 1 })).statusCode).toBe(403);
    for (const who of [o.agent, o.anna, o.marketing]) {
      expect((await h.as(who).get('/api/pdca-cycles')).statusCode).toBe(403);
      expect((await create(who)).statusCode).toBe(403);
    }
    const audit = await h.db.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'pdca_cycle')
      .where('entity_id', '=', id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('moves one step forward, and from act back to plan for the next turn', async () => {
    const c = (await create()).json();
    const move = (status: string, version: number) =>
      h.as(o.boss).patch(`/api/pdca-cycles/${c.id}`, { status, version });
    const skip = await move('check', 1);
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.details).toMatchObject({ code: 'PDCA_ILLEGAL_MOVE', from: 'plan', to: 'check' });
    let version = 1;
    for (const s of ['do', 'check', 'act', 'plan']) {
      const res = await move(s, version);
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().version;
    }
    const turn2 = (await h.as(o.boss).get(`/api/pdca-cycles/${c.id}`)).json();
    expect(turn2).toMatchObject({ status: 'plan', turn: 2 });
    expect((await move('closed', version)).statusCode).toBe(409);
    for (const s of ['do', 'check', 'act', 'closed']) {
      const res = await move(s, version);
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().version;
    }
    expect((await move('plan', version)).statusCode).toBe(409);
    const stale = await h.as(o.boss).patch(`/api/pdca-cycles/${c.id}`, { notes: 'late', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const patched = await h.as(o.boss).patch(`/api/pdca-cycles/${c.id}`, {
      measures: [{ text: 'Median first reply', target: '2h', actual: '2.5h' }],
      notes: 'Close but not there',
      version,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().measures[0].actual).toBe('2.5h');
  });

  it('refuses bad input on the field', async () => {
    const owner = await create(o.boss, { ownerPartyId: '00000000-0000-4000-8000-000000000000' });
    expect(owner.statusCode).toBe(400);
    expect(owner.json().error.details[0].path).toEqual(['body', 'ownerPartyId']);
    expect((await create(o.boss, { endsOn: '2025-01-01' })).statusCode).toBe(400);
    expect((await create(o.hr, { orgUnitId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(400);
    const c = (await create()).json();
    expect((await h.as(o.boss).patch(`/api/pdca-cycles/${c.id}`, { notes: 'no version' })).statusCode).toBe(400);
  });
});

describe('vision reviews', () => {
  const review = { year: 2026, vision: 'Every customer has a named owner', reviewedOn: '2026-01-20' };
  it('keeps one review per unit and year, written by the unit’s manager or HR', async () => {
    const sales = await h.as(o.boss).post('/api/vision-reviews', {
      ...review,
      orgUnitId: o.units.sales,
      participantPartyIds: [o.parties.lead, o.parties.anna],
      changes: 'Added ownership',
    });
    expect(sales.statusCode, sales.body).toBe(201);
    expect(sales.json()).toMatchObject({
      year: 2026,
      reviewedOn: '2026-01-20',
      participantPartyIds: [o.parties.lead, o.parties.anna],
    });
    const again = await h.as(o.hr).post('/api/vision-reviews', { ...review, orgUnitId: o.units.sales });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.code).toBe('VISION_REVIEW_EXISTS');
    expect((await h.as(o.boss).post('/api/vision-reviews', { ...review, orgUnitId: o.units.support })).statusCode).toBe(
      403,
    );
    const support = await h.as(o.hr).post('/api/vision-reviews', { ...review, orgUnitId: o.units.support });
    expect(support.statusCode).toBe(201);
    expect((await h.as(o.hr).post('/api/vision-reviews', { ...review, year: 2027 })).statusCode).toBe(201);
    expect((await h.as(o.hr).post('/api/vision-reviews', { ...review, year: 2027 })).statusCode).toBe(409);
    const bad = await h.as(o.hr).post('/api/vision-reviews', {
      ...review,
      year: 2028,
      participantPartyIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(bad.statusCode).toBe(400);
    expect((await h.as(o.anna).post('/api/vision-reviews', { ...review, year: 2029 })).statusCode).toBe(403);

    // Employees read their own unit's and the organisation's; managers theirs; executives all.
    const ids = async (who = o.hr) =>
      ((await h.as(who).get('/api/vision-reviews')).json().items as { orgUnitId: string | null }[])
        .map((v) => v.orgUnitId)
        .sort();
    expect(await ids(o.anna)).toEqual([o.units.support, null].sort());
    expect(await ids(o.executive)).toHaveLength(3);
    expect(await ids(o.boss)).toEqual([o.units.sales, null].sort());
    expect((await h.as(o.anna).get(`/api/vision-reviews/${sales.json().id}`)).statusCode).toBe(404);
    expect(
      (await h.as(o.boss).patch(`/api/vision-reviews/${support.json().id}`, { vision: 'x', version: 1 })).statusCode,
    ).toBe(404);
    const changed = await h
      .as(o.boss)
      .patch(`/api/vision-reviews/${sales.json().id}`, { changes: 'Owners and backups', version: 1 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ changes: 'Owners and backups', version: 2 });
  });
});
