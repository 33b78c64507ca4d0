import { beforeAll, describe, expect, it } from 'vitest';
import { setup, type Session } from './harness.ts';
import { peopleOrg, type PeopleOrg } from './people-fixture.ts';

// Turnover (GET /api/people/turnover) against a hand-computed fixture (docs/metrics.md "Turnover rate").
// Employed before 2025: Lead (2020), Bo (2021), Anna (2022), Dan (2019). Cai is hired on 2025-02-10 and leaves
// voluntarily on 2025-03-15 (a first-year leaver); Dan is let go on 2025-03-31 (restructuring).
//   Jan: 4 → 4, Feb: 4 → 5, Mar: 5 → 3 with 2 separations (average 4: rate 50 %, first-year 25 %), Apr: 3 → 3.
//   Jan–Apr: 4 → 3, average 3.5, 2 separations: 57.14 %, first-year 28.57 %.

const h = await setup();
let o: PeopleOrg;
let caiId: string;
type Line = {
  key: string;
  separations: number;
  voluntary: number;
  involuntary: number;
  headcountStart: number;
  headcountEnd: number;
  averageHeadcount: number;
  rate: number;
  firstYearSeparations: number;
  firstYearRate: number;
};
type Turnover = { rows: Line[]; total: Line; note: string | null };
const get = (s: Session, qs: string) => h.as(s).get(`/api/people/turnover?${qs}`);

beforeAll(async () => {
  o = await peopleOrg(h);
  const hire = async (name: string, hireDate: string, managerId: string) => {
    const res = await h.as(o.hr).post('/api/parties', {
      kind: 'person',
      displayName: name,
      roles: [{ role: 'employee', stage: 'stable', employment: { orgUnitId: o.units.support, managerId, hireDate } }],
    });
    return res.json<{ id: string; roles: { version: number }[] }>();
  };
  const cai = await hire('Cai', '2025-02-10', o.lead.userId);
  caiId = cai.id;
  const dan = await hire('Dan', '2019-06-01', o.otherManager.userId);
  for (const [p, exitOn, exitType, reason] of [
    [cai, '2025-03-15', 'voluntary', 'external_competitiveness'],
    [dan, '2025-03-31', 'involuntary', 'restructuring'],
  ] as const) {
    const res = await h.as(o.hr).post(`/api/employees/${p.id}/separation`, {
      exitOn,
      exitType,
      reason,
      version: p.roles[0]?.version,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
});

describe('turnover', () => {
  it('per month: headcount from employment history, separations by type, first-year turnover', async () => {
    const res = await get(o.hr, 'from=2025-01-01&to=2025-04-30&groupBy=month');
    expect(res.statusCode, res.body).toBe(200);
    const t = res.json<Turnover>();
    expect(t.rows.map((r) => [r.key, r.headcountStart, r.headcountEnd, r.separations])).toEqual([
      ['2025-01', 4, 4, 0],
      ['2025-02', 4, 5, 0],
      ['2025-03', 5, 3, 2],
      ['2025-04', 3, 3, 0],
    ]);
    expect(t.rows[2]).toMatchObject({
      voluntary: 1,
      involuntary: 1,
      averageHeadcount: 4,
      rate: 50,
      firstYearSeparations: 1,
      firstYearRate: 25,
    });
    expect(t.total).toMatchObject({
      headcountStart: 4,
      headcountEnd: 3,
      averageHeadcount: 3.5,
      separations: 2,
      rate: 57.14,
      firstYearRate: 28.57,
    });
    expect(t.note).toBeNull();
  });

  it('per org unit over the range', async () => {
    const t = (await get(o.hr, 'from=2025-01-01&to=2025-04-30&groupBy=orgUnit')).json<Turnover>();
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]).toMatchObject({ key: o.units.support, separations: 2, rate: 57.14 });
  });

  it('a manager counts their reports only; executives the organisation; agents are refused', async () => {
    // Boss's reports: Lead, Anna and Cai (through Lead). Jan 1: 2; Apr 30: 2; Cai left: 1 / 2 = 50 %.
    const boss = (await get(o.boss, 'from=2025-01-01&to=2025-04-30')).json<Turnover>();
    expect(boss.total).toMatchObject({ headcountStart: 2, headcountEnd: 2, separations: 1, voluntary: 1, rate: 50 });
    expect((await get(o.executive, 'from=2025-01-01&to=2025-04-30')).json<Turnover>().total.separations).toBe(2);
    for (const who of [o.agent, o.marketing, o.anna]) {
      expect((await get(who, 'from=2025-01-01&to=2025-04-30')).statusCode).toBe(403);
    }
  });

  it('an empty organisation answers zeros with a note; bad ranges are 400', async () => {
    const other = await h.newOrg('turnover-empty');
    const empty = (await get(other.admin, 'from=2025-01-01&to=2025-02-28')).json<Turnover>();
    expect(empty.total).toMatchObject({ rate: 0, averageHeadcount: 0, separations: 0 });
    expect(empty.note).toMatch(/Not enough data/);
    expect((await get(o.hr, 'from=2025-05-01&to=2025-01-01')).statusCode).toBe(400);
    expect((await get(o.hr, 'from=2000-01-01&to=2025-01-01')).statusCode).toBe(400);
    expect((await get(o.hr, 'groupBy=week')).statusCode).toBe(400);
    expect((await get(o.hr, 'from=2025-13-01')).statusCode).toBe(400);
  });
});

describe('exit interviews', () => {
  it('HR records them (departing → alumni); reasons are aggregated; others may not', async () => {
    const eve = await h.as(o.hr).post('/api/parties', {
      kind: 'person',
      displayName: 'Eve',
      roles: [
        { role: 'employee', stage: 'stable', employment: { orgUnitId: o.units.support, hireDate: '2026-01-01' } },
      ],
    });
    const eveId = eve.json<{ id: string; roles: { version: number }[] }>().id;
    const sep = await h.as(o.hr).post(`/api/employees/${eveId}/separation`, {
      exitOn: '2099-01-31',
      exitType: 'voluntary',
      reason: 'promotion',
      version: eve.json<{ roles: { version: number }[] }>().roles[0]?.version,
    });
    expect(sep.json()).toMatchObject({ stage: 'departing' });
    const body = { heldOn: '2025-03-20', reasons: ['promotion'], wouldRejoin: true, rehireEligible: true };
    expect((await h.as(o.lead).post(`/api/employees/${eveId}/exit-interview`, body)).statusCode).toBe(404);
    const res = await h.as(o.hr).post(`/api/employees/${eveId}/exit-interview`, body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ stage: 'alumni', reasons: ['promotion'] });
    const cai = await h.as(o.hr).post(`/api/employees/${caiId}/exit-interview`, {
      ...body,
      reasons: ['external_competitiveness', 'promotion', 'promotion'],
      wouldRejoin: false,
    });
    expect(cai.statusCode, cai.body).toBe(201);
    expect((await h.as(o.hr).post(`/api/employees/${caiId}/exit-interview`, { ...body, reasons: [] })).statusCode).toBe(
      400,
    );
    expect((await h.as(o.anna).post(`/api/employees/${o.parties.anna}/exit-interview`, body)).statusCode).toBe(403);
    const agg = await h.as(o.hr).get('/api/people/exit-reasons?from=2025-01-01');
    expect(agg.json()).toEqual({
      interviews: 2,
      reasons: [
        { reason: 'promotion', count: 2, share: 1 },
        { reason: 'external_competitiveness', count: 1, share: 0.5 },
      ],
      wouldRejoin: 1,
      rehireEligible: 2,
    });
    expect((await h.as(o.boss).get('/api/people/exit-reasons')).statusCode).toBe(403);
  });
});
