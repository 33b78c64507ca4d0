import { describe, expect, it } from 'vitest';
import { attritionScores } from '../src/modules/people/index.ts';
import { setup } from './harness.ts';
import { peopleOrg } from './people-fixture.ts';

// Attrition risk with the default weights (docs/metrics.md "Attrition risk"), hand-computed. Support's eNPS is −100
// (five detractors, at the anonymity minimum): group risk 1 → 15 points for everyone in Support.
// - Anna (hired 2022-03, P5 at 10,000 against a 12,500 midpoint: compa 0.8, never raised, a contract ending in 30 days
//   without renewal intent): 15 + 15 + 15 + 15 = 60, high.
// - Bo (hired 2021-05, 12,000: compa 0.96 → risk 0.2 → 3, never raised 15, group 15) = 33, medium.
// - Lead (M1 without a band, raised three months ago, group 15) = 15, low.

const h = await setup();
const o = await peopleOrg(h);
const db = h.db.db;
const orgId = h.org.orgId;
const day = (offset: number, months = 0) => {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() + months);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};
const file = async (id: string) =>
  (await h.as(o.hr).get(`/api/employees/${id}`)).json<{
    version: number;
    contracts: { id: string; version: number }[];
  }>();

const bands = await h.app.inject({
  method: 'PUT',
  url: '/api/pay-bands',
  headers: { cookie: o.hr.cookie, 'x-csrf-token': o.hr.csrf },
  payload: { bands: [{ grade: 'P5', min: 10000, mid: 12500, max: 15000 }] },
});
expect(bands.statusCode, bands.body).toBe(200);
const raise = await h.as(o.hr).patch(`/api/employees/${o.parties.lead}`, {
  salary: 22000,
  effectiveOn: day(0, -3),
  version: (await file(o.parties.lead)).version,
});
expect(raise.statusCode, raise.body).toBe(200);
const contract = await h.as(o.hr).patch(`/api/employees/${o.parties.anna}`, {
  contract: { type: 'fixed_term', startOn: '2024-01-01', endOn: day(30) },
  version: (await file(o.parties.anna)).version,
});
expect(contract.statusCode, contract.body).toBe(200);

// A closed eNPS survey of Support (five answers of 0), yesterday.
const survey = await db
  .insertInto('survey')
  .values({
    org_id: orgId,
    kind: 'enps',
    title: JSON.stringify({ zh: '调查', en: 'Survey' }),
    audience: JSON.stringify({ kind: 'employees' }),
    anonymous: true,
    min_group_size: 5,
    closes_at: `${day(-1)}T12:00:00Z`,
    status: 'closed',
    questions: JSON.stringify([{ id: 'enps', type: 'nps', text: { zh: '推荐', en: 'Recommend' } }]),
  })
  .returning('id')
  .executeTakeFirstOrThrow();
for (let i = 0; i < 5; i++) {
  const r = await db
    .insertInto('survey_response')
    .values({
      org_id: orgId,
      survey_id: survey.id,
      party_id: null,
      anonymous: true,
      respondent_role: 'employee',
      org_unit_id: o.units.support,
      stakeholder_group: null,
      submitted_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('survey_answer')
    .values({
      org_id: orgId,
      response_id: r.id,
      survey_id: survey.id,
      question_id: 'enps',
      item: '',
      num: 0,
      choices: null,
      text_value: null,
    })
    .execute();
}

interface Item {
  partyId: string;
  score: number;
  band: string;
  factors: { key: string; contribution: number; detail: string }[];
}
const risk = (who = o.hr, q = '') => h.as(who).get(`/api/people/attrition-risk${q}`);
const contributions = (i: Item) =>
  Object.fromEntries(i.factors.filter((f) => f.contribution).map((f) => [f.key, f.contribution]));

describe('attrition risk', () => {
  it('scores everyone for HR, highest first, with each factor’s contribution', async () => {
    const res = await risk();
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: Item[] }>().items;
    expect(items.map((i) => [i.partyId, i.score, i.band])).toEqual([
      [o.parties.anna, 60, 'high'],
      [o.parties.bo, 33, 'medium'],
      [o.parties.lead, 15, 'low'],
    ]);
    expect(contributions(items[0] as Item)).toEqual({
      no_raise_or_promotion: 15,
      compa_ratio: 15,
      group_engagement: 15,
      contract_ending: 15,
    });
    expect(contributions(items[1] as Item)).toEqual({
      no_raise_or_promotion: 15,
      compa_ratio: 3,
      group_engagement: 15,
    });
    expect(items[0]?.factors.find((f) => f.key === 'group_engagement')?.detail).toBe('Group eNPS -100 (n=5)');
    expect(res.json().weights.compa_ratio).toBe(15);
  });

  it('pages by cursor and filters by band and unit', async () => {
    const first = (await risk(o.hr, '?limit=2')).json<{ items: Item[]; nextCursor: string }>();
    expect(first.items).toHaveLength(2);
    const second = (await risk(o.hr, `?limit=2&cursor=${first.nextCursor}`)).json<{
      items: Item[];
      nextCursor: null;
    }>();
    expect(second.items.map((i) => i.partyId)).toEqual([o.parties.lead]);
    expect(second.nextCursor).toBeNull();
    expect((await risk(o.hr, '?band=high')).json().items.map((i: Item) => i.partyId)).toEqual([o.parties.anna]);
    expect((await risk(o.hr, `?orgUnitId=${o.units.sales}`)).json().items).toEqual([]);
    expect((await risk(o.hr, '?cursor=nonsense')).statusCode).toBe(400);
    expect((await risk(o.hr, '?band=extreme')).statusCode).toBe(400);
  });

  it('shows a manager their direct and indirect reports only, and refuses other roles', async () => {
    const mine = (await risk(o.boss)).json<{ items: Item[] }>().items.map((i) => i.partyId);
    expect(mine.sort()).toEqual([o.parties.anna, o.parties.lead].sort());
    expect((await risk(o.otherManager)).json().items.map((i: Item) => i.partyId)).toEqual([o.parties.bo]);
    for (const who of [o.agent, o.marketing, o.executive, o.anna]) {
      expect((await risk(who)).statusCode).toBe(403);
    }
  });

  it('gives other modules the score of given employees', async () => {
    const scores = await attritionScores(db, orgId, [o.parties.anna, o.parties.lead]);
    expect(scores.get(o.parties.anna)).toEqual({ score: 60, band: 'high' });
    expect(scores.get(o.parties.lead)).toEqual({ score: 15, band: 'low' });
    expect((await attritionScores(db, orgId, [])).size).toBe(0);
  });

  it('flags a unit where fewer than half of the expiring contracts are meant to be renewed', async () => {
    const flagged = (await h.as(o.hr).get('/api/people/contract-renewals')).json();
    expect(flagged.items).toEqual([
      { orgUnitId: o.units.support, name: 'Support', expiring: 1, withIntent: 0, share: 0, flagged: true },
    ]);
    expect((await h.as(o.hr).get('/api/people/contract-renewals?withinDays=10')).json().items).toEqual([]);
    const c = (await file(o.parties.anna)).contracts[0] as { id: string; version: number };
    const res = await h.as(o.boss).patch(`/api/employees/${o.parties.anna}/contracts/${c.id}`, {
      renewalIntent: 'renew',
      version: c.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await h.as(o.hr).get('/api/people/contract-renewals')).json().items[0]).toMatchObject({
      withIntent: 1,
      share: 1,
      flagged: false,
    });
    // With the intent to renew, Anna's contract adds nothing: 45, medium.
    expect((await attritionScores(db, orgId, [o.parties.anna])).get(o.parties.anna)).toEqual({
      score: 45,
      band: 'medium',
    });
    expect((await h.as(o.otherManager).get('/api/people/contract-renewals')).json().items).toEqual([]);
    expect((await h.as(o.agent).get('/api/people/contract-renewals')).statusCode).toBe(403);
    expect((await h.as(o.hr).get('/api/people/contract-renewals?withinDays=0')).statusCode).toBe(400);
  });

  it('back-tests the score on the past 12 months of leavers', async () => {
    const sep = await h.as(o.hr).post(`/api/employees/${o.parties.bo}/separation`, {
      exitOn: day(0, -1),
      exitType: 'voluntary',
      reason: 'personal',
      version: (await file(o.parties.bo)).version,
    });
    expect(sep.statusCode, sep.body).toBe(201);
    // Scored a year ago (the survey and the raise came later): Anna 15 + 15 = 30 (her contract ended more than the
    // window later), Bo 15 + 3 = 18, Lead 15: nobody in the top band; Bo left.
    const res = await h.as(o.hr).get('/api/people/attrition-risk/backtest');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      population: 3,
      leavers: 1,
      topBandSize: 0,
      leaversInTopBand: 0,
      share: 0,
      note: null,
    });
    const empty = (await h.as(o.hr).get('/api/people/attrition-risk/backtest?asOf=1950-01-01')).json();
    expect(empty).toMatchObject({ population: 0, leavers: 0, share: 0 });
    expect(empty.note).toMatch(/Not enough data/);
    expect((await h.as(o.boss).get('/api/people/attrition-risk/backtest')).statusCode).toBe(403);
    // Bo has left: no longer scored.
    expect((await risk()).json().items.map((i: Item) => i.partyId)).not.toContain(o.parties.bo);
  });
});
