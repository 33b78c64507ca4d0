import { beforeAll, describe, expect, it } from 'vitest';
import { setup, type Session } from './harness.ts';

// Scenario practice through the API (docs/practice.md, docs/metrics.md "Scenario practice"): the library, sessions
// with teams and steps, sheets by peer teams and the trainer, results with hand-computed values, completion on the
// training record, and who may do what.

const h = await setup();
type Scenario = { id: string; builtIn: string | null; version: number; title: { zh: string; en: string } };
type Team = { id: string; name: string; members: { userId: string }[] };
type Sess = { id: string; version: number; step: string; teams: Team[]; myTeamId: string | null; canManage: boolean };
type Crit = { criterion: string; peerAverage: number | null; trainerAverage: number | null; score: number | null };
type Results = {
  teams: {
    teamId: string;
    name: string;
    criteria: (Crit & { basis: string; peerSheets: number })[];
    total: number | null;
    basis: string;
  }[];
  people: { userId: string; total: number | null }[];
  note: string | null;
};

let trainer: Session, hr: Session, agent: Session, outsider: Session;
let a1: Session, a2: Session, b1: Session, b2: Session, c1: Session, c2: Session;
let airline: Scenario;
let s: Sess;
const team = (name: string) => s.teams.find((t) => t.name === name)?.id as string;
const sheet = (k: number, c: number, so: number, t: number) => ({
  scores: { knowledge: k, communication: c, solution: so, teamwork: t },
});

beforeAll(async () => {
  [trainer, hr, agent, outsider, a1, a2, b1, b2, c1, c2] = await Promise.all([
    h.user(['manager'], { name: 'Trainer' }),
    h.user(['hr']),
    h.user(['agent']),
    h.user(['agent']),
    h.user(['agent'], { name: 'A1' }),
    h.user(['employee'], { name: 'A2' }),
    h.user(['agent'], { name: 'B1' }),
    h.user(['employee'], { name: 'B2' }),
    h.user(['agent'], { name: 'C1' }),
    h.user(['employee'], { name: 'C2' }),
  ]);
});

describe('scenario library', () => {
  it('every organisation starts with the five built-ins in both languages', async () => {
    const res = await h.as(agent).get('/api/practice/scenarios');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: Scenario[] }>().items;
    expect(items.map((i) => i.builtIn).sort()).toEqual([
      'airline_delay',
      'appraisal_bottom_band',
      'key_account_at_risk',
      'lost_to_competitor',
      'repeat_complaint',
    ]);
    airline = items.find((i) => i.builtIn === 'airline_delay') as Scenario;
    expect(airline.title.en).toMatch(/Delayed flight/);
    expect(airline.title.zh).toMatch(/航班延误/);
  });

  it('trainers add and change scenarios; others are refused; bad input is a 400 on the field', async () => {
    const body = {
      title: { zh: '价格谈判', en: 'Price negotiation' },
      brief: { zh: '客户要求降价', en: 'The customer wants a lower price' },
      customerSide: { zh: '坚持降价', en: 'Insist' },
      staffSide: { zh: '守住底线', en: 'Hold the line' },
    };
    expect((await h.as(agent).post('/api/practice/scenarios', body)).statusCode).toBe(403);
    const bad = await h.as(trainer).post('/api/practice/scenarios', { ...body, title: { zh: '价格谈判' } });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('title');
    const res = await h.as(trainer).post('/api/practice/scenarios', body);
    expect(res.statusCode, res.body).toBe(201);
    const sc = res.json<Scenario & { criteria: Record<string, { en: string }> }>();
    expect(Object.keys(sc.criteria).sort()).toEqual(['communication', 'knowledge', 'solution', 'teamwork']);
    const patched = await h.as(hr).patch(`/api/practice/scenarios/${sc.id}`, { archived: true, version: sc.version });
    expect(patched.statusCode, patched.body).toBe(200);
    const stale = await h.as(hr).patch(`/api/practice/scenarios/${sc.id}`, { archived: false, version: sc.version });
    expect(stale.statusCode).toBe(409);
  });
});

describe('sessions and scoring', () => {
  it('a trainer plans a session with three teams; mistakes in the teams are 400s', async () => {
    const base = { scenarioId: airline.id, title: 'Gate drill', scheduledAt: '2026-03-02T09:00:00Z' };
    const teams = [
      {
        name: 'A',
        members: [
          { userId: a1.userId, role: 'staff' },
          { userId: a2.userId, role: 'customer' },
        ],
      },
      {
        name: 'B',
        members: [
          { userId: b1.userId, role: 'staff' },
          { userId: b2.userId, role: 'customer' },
        ],
      },
      {
        name: 'C',
        members: [
          { userId: c1.userId, role: 'staff' },
          { userId: c2.userId, role: 'observer' },
        ],
      },
    ];
    const withTrainer = [{ name: 'X', members: [{ userId: trainer.userId, role: 'staff' }] }];
    expect((await h.as(trainer).post('/api/practice/sessions', { ...base, teams: withTrainer })).statusCode).toBe(400);
    const twice = [...teams, { name: 'D', members: [{ userId: a1.userId, role: 'staff' }] }];
    expect((await h.as(trainer).post('/api/practice/sessions', { ...base, teams: twice })).statusCode).toBe(400);
    const ghost = [{ name: 'G', members: [{ userId: '00000000-0000-4000-8000-000000000000', role: 'staff' }] }];
    expect((await h.as(trainer).post('/api/practice/sessions', { ...base, teams: ghost })).statusCode).toBe(400);
    expect((await h.as(trainer).post('/api/practice/sessions', { ...base, scenarioId: a1.userId })).statusCode).toBe(
      400,
    );
    expect((await h.as(agent).post('/api/practice/sessions', { ...base, teams })).statusCode).toBe(403);
    const res = await h.as(trainer).post('/api/practice/sessions', { ...base, teams });
    expect(res.statusCode, res.body).toBe(201);
    s = res.json<Sess>();
    expect(s.step).toBe('form_teams');
    expect(s.teams.map((t) => t.members.length)).toEqual([2, 2, 2]);
  });

  it('players see their session and team; others do not find it', async () => {
    const mine = await h.as(a2).get(`/api/practice/sessions/${s.id}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json<Sess>().myTeamId).toBe(team('A'));
    expect(mine.json<Sess>().canManage).toBe(false);
    expect((await h.as(outsider).get(`/api/practice/sessions/${s.id}`)).statusCode).toBe(404);
    expect((await h.as(outsider).get(`/api/practice/sessions/${s.id}/results`)).statusCode).toBe(404);
    const list = await h.as(outsider).get('/api/practice/sessions');
    expect(list.json<{ items: { id: string }[] }>().items.map((i) => i.id)).not.toContain(s.id);
    expect((await h.as(hr).get('/api/practice/sessions')).json<{ items: { id: string }[] }>().items.length).toBe(1);
    expect(
      (await h.as(a1).patch(`/api/practice/sessions/${s.id}`, { version: s.version, step: 'play' })).statusCode,
    ).toBe(403);
  });

  it('sheets wait for the play; then peer teams and the trainer score, never a team itself', async () => {
    const early = await h
      .as(b1)
      .post(`/api/practice/sessions/${s.id}/scores`, { teamId: team('A'), ...sheet(6, 5, 7, 8) });
    expect(early.statusCode).toBe(409);
    const moved = await h.as(trainer).patch(`/api/practice/sessions/${s.id}`, { version: s.version, step: 'score' });
    expect(moved.statusCode, moved.body).toBe(200);
    s = moved.json<Sess>();
    const url = `/api/practice/sessions/${s.id}/scores`;
    expect((await h.as(a1).post(url, { teamId: team('A'), ...sheet(9, 9, 9, 9) })).statusCode).toBe(403);
    expect((await h.as(hr).post(url, { teamId: team('A'), ...sheet(9, 9, 9, 9) })).statusCode).toBe(403);
    expect((await h.as(outsider).post(url, { teamId: team('A'), ...sheet(9, 9, 9, 9) })).statusCode).toBe(404);
    expect((await h.as(b1).post(url, { teamId: team('A'), ...sheet(11, 5, 7, 8) })).statusCode).toBe(400);
    expect((await h.as(b1).post(url, { teamId: team('A'), ...sheet(0, 5, 7, 8) })).statusCode).toBe(400);
    expect((await h.as(b1).post(url, { teamId: team('A'), ...sheet(6.5, 5, 7, 8) })).statusCode).toBe(400);
    expect((await h.as(b1).post(url, { teamId: b1.userId, ...sheet(6, 5, 7, 8) })).statusCode).toBe(400);
    // Team A: B gives 6/5/7/8 (first 1s, replaced by B's second sheet), C gives 8/7/9/6, the trainer 9/4/8/7.
    expect((await h.as(b1).post(url, { teamId: team('A'), ...sheet(1, 1, 1, 1) })).statusCode).toBe(201);
    const replaced = await h.as(b2).post(url, { teamId: team('A'), ...sheet(6, 5, 7, 8) });
    expect(replaced.statusCode, replaced.body).toBe(201);
    expect(replaced.json<{ scorer: string }>().scorer).toBe('peer');
    expect((await h.as(c1).post(url, { teamId: team('A'), ...sheet(8, 7, 9, 6) })).statusCode).toBe(201);
    const t = await h.as(trainer).post(url, { teamId: team('A'), ...sheet(9, 4, 8, 7), comment: 'Calm, clear' });
    expect(t.json<{ scorer: string }>().scorer).toBe('trainer');
    // Team B: the trainer only. Team C: team A only.
    expect((await h.as(trainer).post(url, { teamId: team('B'), ...sheet(5, 5, 5, 5) })).statusCode).toBe(201);
    expect((await h.as(a2).post(url, { teamId: team('C'), ...sheet(6, 7, 8, 9) })).statusCode).toBe(201);
  });

  it('results: per criterion the mean of the peer average and the trainer average (hand-computed)', async () => {
    const res = await h.as(c2).get(`/api/practice/sessions/${s.id}/results`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<Results>();
    const a = r.teams.find((x) => x.name === 'A');
    // Peers: knowledge (6 + 8) / 2 = 7, communication (5 + 7) / 2 = 6, solution (7 + 9) / 2 = 8, teamwork (8 + 6) / 2 = 7.
    // Team: knowledge (7 + 9) / 2 = 8, communication (6 + 4) / 2 = 5, solution (8 + 8) / 2 = 8, teamwork (7 + 7) / 2 = 7.
    expect(a?.criteria.map((c) => [c.criterion, c.peerAverage, c.trainerAverage, c.score])).toEqual([
      ['knowledge', 7, 9, 8],
      ['communication', 6, 4, 5],
      ['solution', 8, 8, 8],
      ['teamwork', 7, 7, 7],
    ]);
    expect(a?.criteria[0]?.peerSheets).toBe(2);
    // (8 + 5 + 8 + 7) / 4 = 7.
    expect(a?.total).toBe(7);
    expect(a?.basis).toBe('both');
    const b = r.teams.find((x) => x.name === 'B');
    expect([b?.total, b?.basis, b?.criteria[0]?.peerAverage]).toEqual([5, 'trainer_only', null]);
    const c = r.teams.find((x) => x.name === 'C');
    // (6 + 7 + 8 + 9) / 4 = 7.5, peers only.
    expect([c?.total, c?.basis]).toEqual([7.5, 'peer_only']);
    expect(r.note).toMatch(/B, C/);
    // A person's result is their team's.
    expect(r.people.find((p) => p.userId === a1.userId)?.total).toBe(7);
    expect(r.people.find((p) => p.userId === b2.userId)?.total).toBe(5);
  });

  it('a new session without sheets answers 200 with nulls and a note, never NaN', async () => {
    const res = await h.as(trainer).post('/api/practice/sessions', {
      scenarioId: airline.id,
      title: 'Empty',
      scheduledAt: '2030-01-01T09:00:00Z',
    });
    const r = await h.as(trainer).get(`/api/practice/sessions/${res.json<Sess>().id}/results`);
    expect(r.statusCode).toBe(200);
    expect(r.json<Results>()).toMatchObject({ teams: [], people: [], note: expect.stringMatching(/Not enough data/) });
  });

  it('completing needs the summary; it records the training of participants with an employee record', async () => {
    const emp = await h.as(hr).post('/api/parties', {
      kind: 'person',
      displayName: 'B Two',
      roles: [{ role: 'employee', employment: { jobTitle: 'Agent' } }],
    });
    expect(emp.statusCode, emp.body).toBe(201);
    const user = await h.as(h.org.admin).get(`/api/users/${b2.userId}`);
    const link = await h.as(h.org.admin).patch(`/api/users/${b2.userId}`, {
      partyId: emp.json<{ id: string }>().id,
      version: user.json<{ version: number }>().version,
    });
    expect(link.statusCode, link.body).toBe(200);
    const url = `/api/practice/sessions/${s.id}`;
    const noSummary = await h.as(trainer).patch(url, { version: s.version, step: 'sum_up', complete: true });
    expect(noSummary.statusCode).toBe(400);
    const done = await h.as(trainer).patch(url, {
      version: s.version,
      step: 'sum_up',
      summary: 'Team A kept the passenger and the policy.',
      complete: true,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<{ completedAt: string | null }>().completedAt).not.toBeNull();
    const file = await h.as(hr).get(`/api/employees/${emp.json<{ id: string }>().id}`);
    expect(file.statusCode, file.body).toBe(200);
    const training = file.json<{ training: { title: string; completedOn: string | null }[] }>().training;
    expect(training).toHaveLength(1);
    expect(training[0]?.title).toMatch(/Scenario practice/);
    const again = await h.as(trainer).patch(url, { version: done.json<Sess>().version, summary: 'x' });
    expect(again.statusCode).toBe(409);
    const late = await h.as(trainer).post(`${url}/scores`, { teamId: team('B'), ...sheet(5, 5, 5, 5) });
    expect(late.statusCode).toBe(409);
  });
});
