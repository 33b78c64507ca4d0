import { beforeAll, describe, expect, it } from 'vitest';
import { setup, type Session } from './harness.ts';
import { peopleOrg, type PeopleOrg } from './people-fixture.ts';

// The employee file (GET/PATCH /api/employees/:id), contracts, pay bands and compa-ratio, through the API.

const h = await setup();
let o: PeopleOrg;
const put = (s: Session, url: string, body: unknown) =>
  h.app.inject({ method: 'PUT', url, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: body as object });
type File = {
  salary: string | null;
  version: number;
  compaRatio: number | null;
  payBand: { mid: string } | null;
  payHistory: { salary: string; previousSalary: string | null; kind: string }[];
  promotions: { fromGrade: string | null; toGrade: string | null }[];
  events: { kind: string; from: string | null; to: string | null }[];
  contracts: { id: string; version: number; renewalIntent: string | null }[];
  training: { title: string }[];
  warnings: { code: string; share: number | null }[];
  relation: string;
  stage: string;
};
const file = async (s: Session, id = o.parties.anna) => {
  const res = await h.as(s).get(`/api/employees/${id}`);
  return { status: res.statusCode, body: res.json<File>(), raw: res.body };
};

beforeAll(async () => {
  o = await peopleOrg(h);
  const bands = await put(h.org.admin, '/api/pay-bands', {
    bands: [
      { grade: 'P5', min: 8000, mid: 10000, max: 12000 },
      { grade: 'P6', min: 11000, mid: 14000, max: 17000 },
    ],
  });
  expect(bands.statusCode, bands.body).toBe(200);
});

describe('who sees the file', () => {
  it('the circle reads it with pay: HR, admin, the employee, the direct and the indirect manager', async () => {
    for (const [who, relation] of [
      [o.hr, 'hr'],
      [h.org.admin, 'hr'],
      [o.anna, 'self'],
      [o.lead, 'chain'],
      [o.boss, 'chain'],
    ] as const) {
      const f = await file(who);
      expect(f.status, f.raw).toBe(200);
      expect(f.body.relation).toBe(relation);
      expect(f.body.salary).toBe('10000');
    }
  });

  it('everyone else gets 404: agent, marketing, executive, a peer, an unrelated manager', async () => {
    for (const who of [o.agent, o.marketing, o.executive, o.bo, o.otherManager]) {
      const f = await file(who);
      expect(f.status, f.raw).toBe(404);
      expect(f.raw).not.toContain('10000');
    }
  });

  it('a manager sees direct and indirect reports only', async () => {
    expect((await file(o.boss, o.parties.lead)).status).toBe(200);
    expect((await file(o.boss, o.parties.bo)).status).toBe(404);
    expect((await file(o.lead, o.parties.bo)).status).toBe(404);
    expect((await file(o.otherManager, o.parties.bo)).status).toBe(200);
  });

  it('a party that is no employee is not found; a bad id is a 400', async () => {
    const customer = await h.as(o.agent).post('/api/parties', { kind: 'person', displayName: 'Not staff' });
    expect((await file(o.hr, customer.json<{ id: string }>().id)).status).toBe(404);
    expect((await h.as(o.hr).get('/api/employees/nope')).statusCode).toBe(400);
  });

  it('pay band and compa-ratio: 10000 / mid 10000 = 1', async () => {
    const f = await file(o.hr);
    expect(f.body.payBand?.mid).toBe('10000.00');
    expect(f.body.compaRatio).toBe(1);
  });
});

describe('changing the file', () => {
  it('only HR changes it: the chain and the employee get 403, others 404', async () => {
    const { version } = (await file(o.hr)).body;
    for (const who of [o.anna, o.lead, o.boss]) {
      const res = await h.as(who).patch(`/api/employees/${o.parties.anna}`, { jobTitle: 'X', version });
      expect(res.statusCode, res.body).toBe(403);
    }
    for (const who of [o.agent, o.bo, o.executive]) {
      const res = await h.as(who).patch(`/api/employees/${o.parties.anna}`, { jobTitle: 'X', version });
      expect(res.statusCode, res.body).toBe(404);
    }
  });

  it('a small raise is kept with a warning; the pay history, band and compa-ratio follow', async () => {
    const { version } = (await file(o.hr)).body;
    const res = await h.as(o.hr).patch(`/api/employees/${o.parties.anna}`, {
      salary: 10500,
      effectiveOn: '2025-01-01',
      version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json<File>();
    expect(f.salary).toBe('10500');
    // 500 on 10,000 is 5 %, under the default 10 %: a warning, not a refusal.
    expect(f.warnings).toEqual([expect.objectContaining({ code: 'small_raise', share: 0.05, threshold: 0.1 })]);
    expect(f.payHistory[0]).toMatchObject({ salary: '10500', previousSalary: '10000', kind: 'raise' });
    expect(f.compaRatio).toBe(1.05);
    expect(f.version).toBe(version + 1);
  });

  it('a raise at or above the share has no warning', async () => {
    const { version } = (await file(o.hr)).body;
    const res = await h.as(o.hr).patch(`/api/employees/${o.parties.anna}`, { salary: 11550, version });
    expect(res.json<File>().warnings).toEqual([]);
  });

  it('a promotion records grade and title, an employment event, and a promotion pay change', async () => {
    const { version } = (await file(o.hr)).body;
    const res = await h.as(o.hr).patch(`/api/employees/${o.parties.anna}`, {
      grade: 'P6',
      jobTitle: 'Senior engineer',
      salary: 14000,
      promotion: true,
      version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json<File>();
    expect(f.promotions[0]).toMatchObject({ fromGrade: 'P5', toGrade: 'P6' });
    expect(f.events.map((e) => `${e.kind}:${e.from}>${e.to}`).sort()).toEqual([
      'grade:P5>P6',
      'job_title:Engineer>Senior engineer',
    ]);
    expect(f.payHistory[0]?.kind).toBe('promotion');
    expect(f.compaRatio).toBe(1);
  });

  it('a stale version is a 409; unknown fields and bad values are 400 on the field', async () => {
    const res = await h.as(o.hr).patch(`/api/employees/${o.parties.anna}`, { jobTitle: 'Y', version: 1 });
    expect(res.statusCode).toBe(409);
    const bad = await h.as(o.hr).patch(`/api/employees/${o.parties.anna}`, { salary: -5, version: 1 });
    expect(bad.statusCode).toBe(400);
    const unknown = await h.as(o.hr).patch(`/api/employees/${o.parties.anna}`, { exitReason: 'performance' });
    expect(unknown.statusCode).toBe(400);
    const stage = await h.as(o.hr).patch(`/api/employees/${o.parties.anna}`, {
      stage: 'nowhere',
      version: (await file(o.hr)).body.version,
    });
    expect(stage.statusCode).toBe(400);
  });

  it('stage moves go through the stage path with a reason', async () => {
    const { version } = (await file(o.hr)).body;
    const res = await h.as(o.hr).patch(`/api/employees/${o.parties.anna}`, {
      stage: 'departing',
      reason: 'Resigned',
      version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<File>().stage).toBe('departing');
  });

  it('contracts and training are added; the chain sets renewal intent, the employee may not', async () => {
    const { version } = (await file(o.hr)).body;
    const res = await h.as(o.hr).patch(`/api/employees/${o.parties.anna}`, {
      contract: { type: 'fixed_term', startOn: '2024-03-01', endOn: '2026-02-28' },
      training: { title: 'Negotiation', hours: 8 },
      version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json<File>();
    expect(f.training.map((t) => t.title)).toEqual(['Negotiation']);
    const c = f.contracts[0];
    const url = `/api/employees/${o.parties.anna}/contracts/${c?.id}`;
    expect((await h.as(o.anna).patch(url, { renewalIntent: 'renew', version: c?.version })).statusCode).toBe(403);
    expect((await h.as(o.bo).patch(url, { renewalIntent: 'renew', version: c?.version })).statusCode).toBe(404);
    const set = await h.as(o.boss).patch(url, { renewalIntent: 'not_renew', version: c?.version });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ renewalIntent: 'not_renew', version: 2 });
    const backwards = await h.as(o.hr).patch(`/api/employees/${o.parties.anna}`, {
      contract: { type: 'fixed_term', startOn: '2024-03-01', endOn: '2023-01-01' },
      version: (await file(o.hr)).body.version,
    });
    expect(backwards.statusCode).toBe(400);
  });
});

describe('salary outside the circle', () => {
  it('is in no list, export or audit row', async () => {
    for (const who of [o.agent, o.marketing, o.executive, o.bo]) {
      const list = await h.as(who).get('/api/parties?limit=500');
      expect(list.statusCode).toBe(200);
      expect(list.body).not.toContain('14000');
      const exported = await h.as(who).get('/api/parties/export');
      expect(exported.body).not.toContain('14000');
    }
    const audit = await h.db.db.selectFrom('audit_log').select(['before', 'after']).execute();
    const text = JSON.stringify(audit);
    expect(text).not.toMatch(/10500|11550|14000/);
    expect(text).toContain('[redacted]');
  });
});

describe('pay bands', () => {
  it('managers read them, HR changes them, bad bands are 400 on the field', async () => {
    expect((await h.as(o.boss).get('/api/pay-bands')).statusCode).toBe(200);
    expect((await h.as(o.agent).get('/api/pay-bands')).statusCode).toBe(403);
    expect((await put(o.boss, '/api/pay-bands', { bands: [] })).statusCode).toBe(403);
    const bad = await put(o.hr, '/api/pay-bands', { bands: [{ grade: 'P9', min: 5, mid: 4, max: 6 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toEqual(['body', 'bands', 0, 'mid']);
    const twice = await put(o.hr, '/api/pay-bands', {
      bands: [
        { grade: 'P9', min: 1, mid: 2, max: 3 },
        { grade: 'P9', min: 1, mid: 2, max: 3 },
      ],
    });
    expect(twice.statusCode).toBe(400);
  });
});
