import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { setup, type Session } from './harness.ts';
import { peopleOrg, type PeopleOrg } from './people-fixture.ts';

// Appraisal cycles and their guards (docs/domain.md "People"), each in both directions, through the API.

const h = await setup();
let o: PeopleOrg;
type Cycle = { id: string; version: number; status: string; appraisalCount: number };
type Appraisal = {
  id: string;
  cycleId: string;
  partyId: string;
  version: number;
  scores: unknown[] | null;
  band: string | null;
  overallScore: number | null;
  criteria: { key: string }[];
  plan: { id: string; version: number } | null;
  reply: string | null;
};
const criteria = [
  { key: 'results', text: { zh: '业绩', en: 'Results' }, weight: 60 },
  { key: 'teamwork', text: { zh: '协作', en: 'Teamwork' }, weight: 40 },
];
const cycleBody = (periodStart: string, partyIds: string[] = [], orgUnitIds: string[] = []) => ({
  name: { zh: `考核 ${periodStart}`, en: `Review ${periodStart}` },
  periodStart,
  periodEnd: `${periodStart.slice(0, 4)}-12-31`,
  criteria,
  bottomBandPercent: 34,
  opensAt: '2030-01-01T00:00:00Z',
  participants: { orgUnitIds, partyIds },
});
const reasonOf = (res: { json: () => { error: { details?: { reason?: string } } } }) =>
  res.json().error.details?.reason;
const move = (id: string, status: string, version: number) =>
  h.as(o.hr).patch(`/api/appraisal-cycles/${id}`, { status, version });
/** Moves the clock of a cycle back (the notice period and the reply window are days long). */
const backdate = (id: string, column: 'published_at' | 'closed_at', days: number) =>
  sql`update appraisal_cycle set ${sql.ref(column)} = ${sql.ref(column)} - make_interval(days => ${days}) where id = ${id}`.execute(
    h.db.db,
  );
const mine = async (s: Session) => (await h.as(s).get('/api/me/appraisals')).json<{ items: Appraisal[] }>().items;
const score = (s: Session, a: Appraisal, results: number, teamwork: number, band?: string) =>
  h.as(s).patch(`/api/appraisals/${a.id}`, {
    scores: [
      { key: 'results', score: results, rationale: 'Targets met in three quarters of four' },
      { key: 'teamwork', score: teamwork, rationale: 'Helped two colleagues onboard' },
    ],
    ...(band ? { band } : {}),
    version: a.version,
  });

let cycle: Cycle;
let anna: Appraisal;

beforeAll(async () => {
  o = await peopleOrg(h);
});

describe('a cycle from draft to closed', () => {
  it('HR creates it; managers read cycles; others may not; bad drafts are 400', async () => {
    const res = await h.as(o.hr).post('/api/appraisal-cycles', cycleBody('2025-01-01', [], [o.units.support]));
    expect(res.statusCode, res.body).toBe(201);
    cycle = res.json<Cycle>();
    expect(cycle.status).toBe('draft');
    expect((await h.as(o.boss).post('/api/appraisal-cycles', cycleBody('2025-01-01'))).statusCode).toBe(403);
    expect((await h.as(o.boss).get('/api/appraisal-cycles')).statusCode).toBe(200);
    expect((await h.as(o.anna).get('/api/appraisal-cycles')).statusCode).toBe(403);
    const backwards = await h
      .as(o.hr)
      .post('/api/appraisal-cycles', { ...cycleBody('2025-01-01'), periodEnd: '2024-01-01' });
    expect(backwards.statusCode).toBe(400);
    const twice = await h.as(o.hr).post('/api/appraisal-cycles', {
      ...cycleBody('2025-01-01'),
      criteria: [criteria[0], criteria[0]],
    });
    expect(twice.statusCode).toBe(400);
  });

  it('CRITERIA_NOT_PUBLISHED: a draft does not open; a published cycle opens only after the notice days', async () => {
    const direct = await move(cycle.id, 'open', cycle.version);
    expect(direct.statusCode).toBe(409);
    expect(reasonOf(direct)).toBe('CRITERIA_NOT_PUBLISHED');
    const published = await move(cycle.id, 'published', cycle.version);
    expect(published.statusCode, published.body).toBe(200);
    cycle = published.json<Cycle>();
    expect(cycle.appraisalCount).toBe(3);
    const early = await move(cycle.id, 'open', cycle.version);
    expect(early.statusCode).toBe(409);
    expect(reasonOf(early)).toBe('CRITERIA_NOT_PUBLISHED');
    await backdate(cycle.id, 'published_at', 7);
    const opened = await move(cycle.id, 'open', cycle.version);
    expect(opened.statusCode, opened.body).toBe(200);
    cycle = opened.json<Cycle>();
  });

  it('published criteria are immutable', async () => {
    const res = await h.as(o.hr).patch(`/api/appraisal-cycles/${cycle.id}`, {
      criteria: [criteria[0]],
      version: cycle.version,
    });
    expect(res.statusCode).toBe(409);
    expect(reasonOf(res)).toBe('CRITERIA_IMMUTABLE');
  });

  it('the employee sees their own criteria before the scores, and nobody else’s appraisal', async () => {
    const own = await mine(o.anna);
    expect(own).toHaveLength(1);
    anna = own[0] as Appraisal;
    expect(anna.criteria.map((c) => c.key)).toEqual(['results', 'teamwork']);
    expect(anna.scores).toBeNull();
    const bo = (await mine(o.bo))[0] as Appraisal;
    for (const who of [o.anna, o.agent, o.marketing, o.executive, o.lead]) {
      expect((await h.as(who).get(`/api/appraisals/${bo.id}`)).statusCode).toBe(404);
    }
    for (const who of [o.bo, o.agent, o.marketing, o.executive, o.otherManager]) {
      expect((await h.as(who).get(`/api/appraisals/${anna.id}`)).statusCode).toBe(404);
    }
    for (const who of [o.lead, o.boss, o.hr]) {
      expect((await h.as(who).get(`/api/appraisals/${anna.id}`)).statusCode).toBe(200);
    }
    const leadList = (await h.as(o.lead).get(`/api/appraisals?cycleId=${cycle.id}`)).json<{ items: Appraisal[] }>();
    // The lead's own appraisal and their report's: not the peer's.
    expect(leadList.items.map((a) => a.partyId).sort()).toEqual([o.parties.anna, o.parties.lead].sort());
  });

  it('scores need every criterion with a rationale; the employee may not score', async () => {
    const noRationale = await h.as(o.lead).patch(`/api/appraisals/${anna.id}`, {
      scores: [
        { key: 'results', score: 2, rationale: ' ' },
        { key: 'teamwork', score: 2, rationale: 'ok' },
      ],
      version: anna.version,
    });
    expect(noRationale.statusCode).toBe(400);
    const missing = await h.as(o.lead).patch(`/api/appraisals/${anna.id}`, {
      scores: [{ key: 'results', score: 2, rationale: 'Missed targets' }],
      version: anna.version,
    });
    expect(missing.statusCode).toBe(400);
    expect((await score(o.anna, anna, 5, 5)).statusCode).toBe(403);
    const scored = await score(o.lead, anna, 1, 2, 'bottom');
    expect(scored.statusCode, scored.body).toBe(200);
    // (1 × 60 + 2 × 40) / 100 = 1.4
    anna = scored.json<Appraisal>();
    expect(anna).toMatchObject({ overallScore: 1.4, band: 'bottom' });
    const others = (await h.as(o.hr).get(`/api/appraisals?cycleId=${cycle.id}`)).json<{ items: Appraisal[] }>();
    for (const a of others.items.filter((x) => x.partyId !== o.parties.anna)) {
      expect((await score(o.hr, a, 4, 4, 'middle')).statusCode).toBe(200);
    }
  });

  it('IMPROVEMENT_PLAN_REQUIRED: the cycle closes only when the bottom band has its plans', async () => {
    cycle = (await move(cycle.id, 'calibrating', cycle.version)).json<Cycle>();
    const refused = await move(cycle.id, 'closed', cycle.version);
    expect(refused.statusCode).toBe(409);
    expect(reasonOf(refused)).toBe('IMPROVEMENT_PLAN_REQUIRED');
    const plan = { trainingItems: ['Account planning'], mentorId: o.boss.userId, startsOn: '2026-01-05' };
    const soon = await h.as(o.lead).post(`/api/appraisals/${anna.id}/improvement-plan`, {
      ...plan,
      reassessOn: '2026-03-05',
    });
    expect(soon.statusCode).toBe(400);
    const bo = (await mine(o.bo))[0] as Appraisal;
    const notBottom = await h.as(o.hr).post(`/api/appraisals/${bo.id}/improvement-plan`, {
      ...plan,
      reassessOn: '2026-03-06',
    });
    expect(reasonOf(notBottom)).toBe('NOT_BOTTOM_BAND');
    expect(
      (await h.as(o.anna).post(`/api/appraisals/${anna.id}/improvement-plan`, { ...plan, reassessOn: '2026-03-06' }))
        .statusCode,
    ).toBe(403);
    const made = await h.as(o.lead).post(`/api/appraisals/${anna.id}/improvement-plan`, {
      ...plan,
      reassessOn: '2026-03-06',
    });
    expect(made.statusCode, made.body).toBe(201);
    const closed = await move(cycle.id, 'closed', cycle.version);
    expect(closed.statusCode, closed.body).toBe(200);
    cycle = closed.json<Cycle>();
    expect((await score(o.lead, anna, 3, 3)).statusCode).toBe(409);
  });

  it('after the close the employee reads scores, band and plan, and replies within 14 days', async () => {
    anna = (await mine(o.anna))[0] as Appraisal;
    expect(anna).toMatchObject({ band: 'bottom', overallScore: 1.4 });
    expect(anna.scores).toHaveLength(2);
    expect(anna.plan).not.toBeNull();
    expect(
      (await h.as(o.lead).patch(`/api/appraisals/${anna.id}`, { reply: 'x', version: anna.version })).statusCode,
    ).toBe(403);
    const reply = await h.as(o.anna).patch(`/api/appraisals/${anna.id}`, {
      reply: 'The targets moved mid-year',
      version: anna.version,
    });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json<Appraisal>().reply).toBe('The targets moved mid-year');
    await backdate(cycle.id, 'closed_at', 15);
    const late = await h.as(o.anna).patch(`/api/appraisals/${anna.id}`, { reply: 'Later', version: anna.version + 1 });
    expect(late.statusCode).toBe(409);
    expect(reasonOf(late)).toBe('REPLY_WINDOW_CLOSED');
  });
});

describe('APPRAISAL_TOO_FREQUENT', () => {
  const publish = async (start: string, partyIds: string[]) => {
    const c = (await h.as(o.hr).post('/api/appraisal-cycles', cycleBody(start, partyIds))).json<Cycle>();
    return move(c.id, 'published', c.version);
  };
  it('two cycles within 12 months are fine, a third is refused for those in it, not for others', async () => {
    expect((await publish('2025-07-01', [o.parties.anna])).statusCode).toBe(200);
    const third = await publish('2025-10-01', [o.parties.anna]);
    expect(third.statusCode).toBe(409);
    expect(third.json().error.details).toMatchObject({ reason: 'APPRAISAL_TOO_FREQUENT', partyIds: [o.parties.anna] });
    // 12 months after the first cycle started, Anna's window has moved on.
    expect((await publish('2026-01-01', [o.parties.anna])).statusCode).toBe(200);
  });
  it('an organisation may allow one a year, never three', async () => {
    const settings = (await h.as(o.hr).get('/api/people/settings')).json<{ version: number }>();
    const three = await h.app.inject({
      method: 'PUT',
      url: '/api/people/settings',
      headers: { cookie: o.hr.cookie, 'x-csrf-token': o.hr.csrf },
      payload: { maxAppraisalsPerYear: 3, version: settings.version },
    });
    expect(three.statusCode).toBe(400);
    const one = await h.app.inject({
      method: 'PUT',
      url: '/api/people/settings',
      headers: { cookie: o.hr.cookie, 'x-csrf-token': o.hr.csrf },
      payload: { maxAppraisalsPerYear: 1, version: settings.version },
    });
    expect(one.statusCode, one.body).toBe(200);
    // Bo was in one cycle (2025-01-01): a second within 12 months is now refused, one after is not.
    expect(reasonOf(await publish('2025-06-01', [o.parties.bo]))).toBe('APPRAISAL_TOO_FREQUENT');
    expect((await publish('2026-01-01', [o.parties.bo])).statusCode).toBe(200);
  });
});

describe('a separation for performance (IMPROVEMENT_PLAN_REQUIRED)', () => {
  const separate = async (s: Session, party: string, reason: string, exitType = 'involuntary') => {
    const file = (await h.as(o.hr).get(`/api/employees/${party}`)).json<{ version: number }>();
    return h.as(s).post(`/api/employees/${party}/separation`, {
      exitOn: '2026-01-31',
      exitType,
      reason,
      version: file.version,
    });
  };
  it('is refused without a completed plan still below the bar, allowed with one', async () => {
    const noPlan = await separate(o.hr, o.parties.bo, 'performance');
    expect(noPlan.statusCode).toBe(409);
    expect(reasonOf(noPlan)).toBe('IMPROVEMENT_PLAN_REQUIRED');
    const refused = await separate(o.hr, o.parties.anna, 'performance');
    expect(reasonOf(refused)).toBe('IMPROVEMENT_PLAN_REQUIRED');
    const plan = (await mine(o.anna)).find((a) => a.cycleId === cycle.id)?.plan as { id: string; version: number };
    const early = await h.as(o.lead).patch(`/api/improvement-plans/${plan.id}`, {
      reassessedOn: '2026-03-01',
      outcome: 'below',
      version: plan.version,
    });
    expect(early.statusCode).toBe(400);
    const met = await h.as(o.lead).patch(`/api/improvement-plans/${plan.id}`, {
      reassessedOn: '2026-03-06',
      outcome: 'met',
      version: plan.version,
    });
    expect(met.statusCode, met.body).toBe(200);
    expect(reasonOf(await separate(o.hr, o.parties.anna, 'performance'))).toBe('IMPROVEMENT_PLAN_REQUIRED');
    const below = await h.as(o.lead).patch(`/api/improvement-plans/${plan.id}`, {
      reassessedOn: '2026-03-06',
      outcome: 'below',
      version: plan.version + 1,
    });
    expect(below.statusCode).toBe(200);
    expect((await separate(o.lead, o.parties.anna, 'performance')).statusCode).toBe(403);
    const done = await separate(o.hr, o.parties.anna, 'performance');
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json()).toMatchObject({ reason: 'performance', stage: 'alumni' });
  });
  it('other reasons need no plan', async () => {
    const res = await separate(o.hr, o.parties.bo, 'external_competitiveness', 'voluntary');
    expect(res.statusCode, res.body).toBe(201);
  });
});
