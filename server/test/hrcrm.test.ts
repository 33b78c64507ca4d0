import { describe, expect, it } from 'vitest';
import type { HrEvaluation, HrGroup, HrProcess, HrService, RelationshipHistoryItem } from '../src/api.ts';
import { setup, type Session } from './harness.ts';

const h = await setup();
const hr = await h.user(['hr'], { name: 'Hua HR' });
const exec = await h.user(['executive']);
const agent = await h.user(['agent']);
const today = new Date().toISOString().slice(0, 10);
const month = today.slice(0, 7);

async function party(s: Session, name: string, role: string, stakeholderGroup?: string) {
  const res = await h.as(s).post('/api/parties', {
    kind: 'person',
    displayName: name,
    roles: [{ role, ...(stakeholderGroup ? { stakeholderGroup } : {}) }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

const scale = (id: string, dimension: string, pairing: string) => ({
  id,
  type: 'scale',
  required: false,
  min: 1,
  max: 7,
  dimension,
  pairing,
  text: { zh: id, en: id },
});

/** A gap survey aimed at an audience, opened, and answered through its links (one answer set per invitee). */
async function gapSurvey(audience: Record<string, unknown>, partyIds: string[], answers: Record<string, number>[]) {
  const made = await h.as(hr).post('/api/surveys', {
    kind: 'gap',
    title: { zh: '期望调查', en: 'Expectations' },
    audience,
    minGroupSize: 3,
    questions: [
      scale('q_exp', 'quality', 'expected'),
      scale('q_per', 'quality', 'perceived'),
      scale('s_exp', 'service', 'expected'),
      scale('s_per', 'service', 'perceived'),
    ],
  });
  expect(made.statusCode, made.body).toBe(201);
  const sv = made.json<{ id: string; version: number }>();
  const opened = await h.as(hr).patch(`/api/surveys/${sv.id}`, { status: 'open', version: sv.version });
  expect(opened.statusCode, opened.body).toBe(200);
  const inv = await h.as(hr).post(`/api/surveys/${sv.id}/invitations`, { partyIds });
  expect(inv.statusCode, inv.body).toBe(200);
  const links = inv.json<{ items: { token: string }[] }>().items;
  for (const [i, a] of answers.entries()) {
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/public/surveys/${links[i]?.token ?? ''}/responses`,
      payload: { answers: Object.entries(a).map(([questionId, value]) => ({ questionId, value })) },
      remoteAddress: `10.7.0.${i}`,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  return { id: sv.id, tokens: links.map((l) => l.token) };
}

describe('HR-department CRM: groups and assessments', () => {
  it('lists the eight groups on two wings, with parties by quadrant', async () => {
    const a = await party(h.org.admin, 'Manager One', 'partner', 'line_managers');
    await party(h.org.admin, 'Manager Two', 'partner', 'line_managers');
    expect(
      (
        await h.as(h.org.admin).put(`/api/parties/${a}/roles/partner/relationship`, {
          initiativeScore: 2,
          participationScore: 5,
          reason: 'They set the agenda',
        })
      ).statusCode,
    ).toBe(200);
    const groups = (await h.as(h.org.admin).get('/api/hr-crm/groups')).json<{ items: HrGroup[] }>().items;
    expect(groups.map((g) => g.key)).toEqual([
      'marketing_staff',
      'line_managers',
      'employees',
      'strategic_decision_makers',
      'company_clients',
      'potential_employees',
      'government_community',
      'natural_environment',
    ]);
    const lm = groups.find((g) => g.key === 'line_managers');
    expect(lm).toMatchObject({
      nameEn: 'Line managers',
      side: 'internal',
      assessment: null,
      parties: { count: 2, byQuadrant: { reactive: 1, unscored: 1, basic: 0, proactive: 0, partnership: 0 } },
      process: { done: 0, total: 7 },
    });
    // HR sees only the parties it may see: these partners are the admin's records.
    const forHr = (await h.as(hr).get('/api/hr-crm/groups')).json<{ items: HrGroup[] }>().items;
    expect(forHr.find((g) => g.key === 'line_managers')?.parties.count).toBe(0);
    const fly = (await h.as(exec).get('/api/hr-crm/butterfly')).json<{ internal: HrGroup[]; external: HrGroup[] }>();
    expect(fly.internal).toHaveLength(4);
    expect(fly.external.map((g) => g.key)).toContain('natural_environment');
  });

  it('keeps HR’s assessment on two scales apart, with targets and a history newest first', async () => {
    const url = '/api/hr-crm/groups/line_managers/assessment';
    const first = await h.as(hr).put(url, {
      initiativeScore: 2,
      participationScore: 4,
      targetQuadrant: 'partnership',
      targetQuadrantBy: '2027-12-31',
      reason: 'HR executes what managers demand',
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<HrGroup>().assessment).toMatchObject({
      quadrant: 'reactive',
      targetQuadrant: 'partnership',
      targetQuadrantBy: '2027-12-31',
      level: null,
      assessedBy: { name: 'Hua HR' },
    });
    const second = (
      await h.as(hr).put(url, { level: 'accountable', reason: 'We call back after each hire' })
    ).json<HrGroup>();
    expect(second.assessment).toMatchObject({ quadrant: 'reactive', level: 'accountable', initiativeScore: 2 });
    const third = (await h.as(hr).put(url, { initiativeScore: 4, reason: 'Joint workforce planning' })).json<HrGroup>();
    expect(third.assessment).toMatchObject({ quadrant: 'partnership', level: 'accountable' });
    const hist = (await h.as(exec).get(`${url}/history`)).json<{ items: RelationshipHistoryItem[] }>().items;
    expect(hist.map((x) => [x.reason, x.quadrant, x.level])).toEqual([
      ['Joint workforce planning', 'partnership', 'accountable'],
      ['We call back after each hire', 'reactive', 'accountable'],
      ['HR executes what managers demand', 'reactive', null],
    ]);
  });

  it('answers 403 to roles that may not, 404 to unknown groups, 400 to bad input', async () => {
    const url = '/api/hr-crm/groups/line_managers/assessment';
    expect((await h.as(agent).get('/api/hr-crm/groups')).statusCode).toBe(403);
    expect((await h.as(agent).get('/api/hr-crm/butterfly')).statusCode).toBe(403);
    expect((await h.as(exec).put(url, { initiativeScore: 3, reason: 'no' })).statusCode).toBe(403);
    expect((await h.as(exec).post('/api/hr-crm/services', { nameZh: 'x', nameEn: 'x' })).statusCode).toBe(403);
    expect(
      (await h.as(hr).put('/api/hr-crm/groups/nobody/assessment', { initiativeScore: 3, reason: 'x' })).statusCode,
    ).toBe(404);
    expect((await h.as(hr).get('/api/hr-crm/groups/nobody/process')).statusCode).toBe(404);
    expect((await h.as(hr).get('/api/hr-crm/groups/nobody/evaluation')).statusCode).toBe(404);
    expect((await h.as(hr).put(url, { initiativeScore: 6, reason: 'x' })).statusCode).toBe(400);
    expect((await h.as(hr).put(url, { initiativeScore: 3 })).statusCode).toBe(400);
    expect((await h.as(hr).put(url, { targetLevel: 'legendary', reason: 'x' })).statusCode).toBe(400);
    const bad = await h.as(hr).get('/api/hr-crm/groups/line_managers/evaluation?from=2026-05-01&to=2026-04-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toEqual(['query', 'to']);
    expect(
      (await h.as(hr).post('/api/hr-crm/groups/line_managers/activities', { r: 'reach', title: 'x' })).statusCode,
    ).toBe(400);
    expect(
      (await h.as(hr).patch('/api/hr-crm/groups/line_managers/process/collect', { ownerUserId: agent.email }))
        .statusCode,
    ).toBe(400);
  });
});

describe('HR-department CRM: catalogue, process and evaluation', () => {
  it('keeps a catalogue with groups, measures and deliveries', async () => {
    const made = await h.as(hr).post('/api/hr-crm/services', {
      nameZh: '招聘',
      nameEn: 'Recruiting',
      ownerUserId: hr.userId,
      groups: [
        {
          groupKey: 'line_managers',
          expectedValue: 'Roles filled in 30 days',
          measure: { kind: 'indicator', ref: 'time_to_fill' },
        },
        { groupKey: 'potential_employees', measure: { kind: 'survey_dimension', ref: 'service' } },
      ],
    });
    expect(made.statusCode, made.body).toBe(201);
    const s = made.json<HrService>();
    expect(s).toMatchObject({ ownerName: 'Hua HR', active: true, deliveries: 0 });
    expect(s.groups[0]).toEqual({
      groupKey: 'line_managers',
      expectedValue: 'Roles filled in 30 days',
      measure: { kind: 'indicator', ref: 'time_to_fill' },
    });
    const deliver = (body: Record<string, unknown>) => h.as(hr).post(`/api/hr-crm/services/${s.id}/deliveries`, body);
    expect((await deliver({ groupKey: 'line_managers', deliveredOn: '2026-03-01', quantity: 3 })).statusCode).toBe(201);
    expect((await deliver({ groupKey: 'employees', deliveredOn: '2026-03-01' })).statusCode).toBe(400);
    expect((await deliver({ groupKey: 'line_managers', deliveredOn: '2026-13-01' })).statusCode).toBe(400);
    expect((await h.as(exec).get(`/api/hr-crm/services/${s.id}/deliveries`)).json().items).toHaveLength(1);
    const patched = await h.as(hr).patch(`/api/hr-crm/services/${s.id}`, { active: false });
    expect(patched.json<HrService>()).toMatchObject({ active: false, deliveries: 1 });
    expect(
      (await h.as(hr).post('/api/hr-crm/services', { nameZh: 'x', nameEn: 'x', groups: [{ groupKey: 'aliens' }] }))
        .statusCode,
    ).toBe(400);
    const gone = await h.as(hr).post('/api/hr-crm/services', { nameZh: '临时', nameEn: 'Temp' });
    expect((await h.as(hr).delete(`/api/hr-crm/services/${gone.json().id}`)).statusCode).toBe(204);
    expect((await h.as(hr).get(`/api/hr-crm/services/${gone.json().id}`)).statusCode).toBe(404);
  });

  it('computes expected vs perceived per dimension against a hand-computed gap fixture', async () => {
    const members = [
      await party(h.org.admin, 'LM Alpha', 'partner', 'line_managers'),
      await party(h.org.admin, 'LM Beta', 'partner', 'line_managers'),
      await party(h.org.admin, 'LM Gamma', 'partner', 'line_managers'),
    ];
    // Quality: expected (6 + 7 + 5) / 3 = 6, perceived (4 + 5 + 3) / 3 = 4, gap −2.
    // Service (the third skipped it): expected (5 + 4) / 2 = 4.5, perceived (5 + 6) / 2 = 5.5, gap +1.
    await gapSurvey({ kind: 'stakeholderGroup', stakeholderGroup: 'line_managers' }, members, [
      { q_exp: 6, q_per: 4, s_exp: 5, s_per: 5 },
      { q_exp: 7, q_per: 5, s_exp: 4, s_per: 6 },
      { q_exp: 5, q_per: 3 },
    ]);
    // Another group's survey is no part of it.
    await gapSurvey(
      { kind: 'stakeholderGroup', stakeholderGroup: 'marketing_staff' },
      [await party(h.org.admin, 'Mk One', 'partner', 'marketing_staff')],
      [{ q_exp: 1, q_per: 7 }],
    );
    expect(
      (
        await h.as(hr).post('/api/hr-crm/groups/line_managers/contributions', {
          text: 'Mentored 4 new hires',
          value: 1200,
          recordedOn: today,
        })
      ).statusCode,
    ).toBe(201);
    const ev = (await h.as(exec).get('/api/hr-crm/groups/line_managers/evaluation')).json<HrEvaluation>();
    expect(ev.note).toBeNull();
    expect(ev.dimensions).toEqual([
      {
        key: 'quality',
        label: 'Quality',
        expected: 6,
        perceived: 4,
        gap: -2,
        trend: [{ period: month, expected: 6, perceived: 4, gap: -2 }],
      },
      {
        key: 'service',
        label: 'Service',
        expected: 4.5,
        perceived: 5.5,
        gap: 1,
        trend: [{ period: month, expected: 4.5, perceived: 5.5, gap: 1 }],
      },
    ]);
    expect(ev.contributions).toEqual([
      expect.objectContaining({
        text: 'Mentored 4 new hires',
        value: '1200.00',
        recordedOn: today,
        recordedBy: { id: hr.userId, name: 'Hua HR' },
      }),
    ]);
    // A window with no answers: 200, no numbers, a note.
    const empty = (
      await h.as(hr).get('/api/hr-crm/groups/line_managers/evaluation?from=2099-01-01&to=2099-12-31')
    ).json<HrEvaluation>();
    expect(empty.dimensions).toEqual([]);
    expect(empty.contributions).toEqual([]);
    expect(empty.note).toMatch(/Not enough data/);
  });

  it('leaves out a survey held to the anonymity minimum until it reaches it', async () => {
    const staff = [];
    for (const n of ['E1', 'E2', 'E3']) {
      staff.push(await party(hr, `Staff ${n}`, 'employee'));
    }
    const sv = await gapSurvey({ kind: 'employees' }, staff, [
      { q_exp: 7, q_per: 1 },
      { q_exp: 7, q_per: 2 },
    ]);
    const ev = (await h.as(hr).get('/api/hr-crm/groups/employees/evaluation')).json<HrEvaluation>();
    expect(ev.dimensions).toEqual([]);
    expect(ev.note).toMatch(/anonymity minimum/);
    const third = await h.app.inject({
      method: 'POST',
      url: `/api/public/surveys/${sv.tokens[2] ?? ''}/responses`,
      payload: {
        answers: [
          { questionId: 'q_exp', value: 4 },
          { questionId: 'q_per', value: 3 },
        ],
      },
      remoteAddress: '10.7.1.1',
    });
    expect(third.statusCode, third.body).toBe(201);
    // Three answers reach the minimum: quality expected (7 + 7 + 4) / 3 = 6, perceived (1 + 2 + 3) / 3 = 2.
    const now = (await h.as(hr).get('/api/hr-crm/groups/employees/evaluation')).json<HrEvaluation>();
    expect(now.dimensions.map((d) => [d.key, d.expected, d.perceived, d.gap])).toEqual([['quality', 6, 2, -4]]);
    // Executives do not read employee-side surveys: the same evaluation is empty for them.
    expect((await h.as(exec).get('/api/hr-crm/groups/employees/evaluation')).json<HrEvaluation>().dimensions).toEqual(
      [],
    );
  });

  it('runs the seven steps with numbers computed at read time', async () => {
    const a = await h.as(hr).post('/api/hr-crm/groups/line_managers/activities', {
      r: 'relationship',
      title: 'Quarterly workforce planning',
      objective: 'Agree hiring plans together',
      budget: 5000,
      plannedOn: '2026-04-01',
    });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ budget: '5000.00', status: 'planned', groupKey: 'line_managers' });
    await h.as(hr).post('/api/hr-crm/groups/line_managers/activities', {
      r: 'response',
      title: 'Cancelled idea',
      status: 'cancelled',
    });
    const done = await h
      .as(hr)
      .patch(`/api/hr-crm/activities/${a.json().id}`, { status: 'done', outcome: 'Plan agreed' });
    expect(done.json()).toMatchObject({ status: 'done', outcome: 'Plan agreed' });
    const step = await h.as(hr).patch('/api/hr-crm/groups/line_managers/process/activities', {
      state: 'done',
      ownerUserId: hr.userId,
      dueOn: '2026-06-30',
      evidence: 'Minutes of the planning meeting',
    });
    expect(step.statusCode, step.body).toBe(200);
    expect(step.json()).toMatchObject({
      step: 'activities',
      state: 'done',
      ownerName: 'Hua HR',
      facts: { planned: 1, done: 1 },
    });
    const [lm1, lm2] = (await h.as(h.org.admin).get('/api/parties?stakeholderGroup=line_managers&limit=2')).json()
      .items;
    expect(
      (await h.as(h.org.admin).post(`/api/parties/${lm1.id}/links`, { toPartyId: lm2.id, type: 'reports_to' }))
        .statusCode,
    ).toBe(201);
    const p = (await h.as(exec).get('/api/hr-crm/groups/line_managers/process')).json<HrProcess>();
    expect(p.steps.map((s) => s.step)).toEqual([
      'collect',
      'segment',
      'needs',
      'activities',
      'network',
      'value',
      'evaluate',
    ]);
    const facts = Object.fromEntries(p.steps.map((s) => [s.step, s.facts]));
    expect(facts).toMatchObject({
      segment: { segmentsUsed: 0 },
      needs: { gapSurveys: 1 },
      activities: { planned: 1, done: 1 },
      network: { links: 1 },
      value: { deliveries: 3 },
      evaluate: { dimensions: 2 },
    });
    expect(facts.collect?.partyCount).toBeGreaterThanOrEqual(5);
    expect(facts.collect?.profileCompleteness).toBe(0);
    expect(p.steps.find((s) => s.step === 'collect')?.state).toBe('not_started');
    const g = (await h.as(hr).get('/api/hr-crm/groups')).json<{ items: HrGroup[] }>().items;
    expect(g.find((x) => x.key === 'line_managers')?.process.done).toBe(1);
  });
});
