import { beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, setup, type Session } from './harness.ts';

// Practice organisations (docs/practice.md): made from the demo generator, isolated from the real organisation both
// ways (real ids answer not found), and reset to the same data twice (compared by the digest of the data).

const h = await setup();
type Detail = { id: string; slug: string; digest: string; rows: number; resets: number; accounts: { email: string }[] };
type Party = { id: string; displayName: string };

let hr: Session, practiceAdmin: Session, trainee: Session;
let created: { id: string; slug: string; adminEmail: string; password: string };
const real: Record<string, string> = {};

beforeAll(async () => {
  hr = await h.user(['hr']);
  const admin = h.as(h.org.admin);
  const customer = await admin.post('/api/parties', {
    kind: 'person',
    displayName: 'Real Customer Quokka',
    roles: [{ role: 'customer' }],
  });
  real.customer = customer.json<Party>().id;
  const scenarios = await admin.get('/api/practice/scenarios');
  real.scenario = scenarios.json<{ items: { id: string }[] }>().items[0]?.id as string;
  const session = await admin.post('/api/practice/sessions', {
    scenarioId: real.scenario,
    title: 'Real session',
    scheduledAt: '2026-02-01T09:00:00Z',
  });
  real.session = session.json<{ id: string }>().id;
  real.user = hr.userId;
}, 60_000);

describe('creating a practice organisation', () => {
  it('is for admins only', async () => {
    expect((await h.as(hr).post('/api/practice/orgs', {})).statusCode).toBe(403);
    expect((await h.as(hr).get('/api/practice/orgs')).statusCode).toBe(403);
  });

  it('makes a separate organisation from the demo generator, with the scenarios and its own admin', async () => {
    const res = await h.as(h.org.admin).post('/api/practice/orgs', { from: 'demo' });
    expect(res.statusCode, res.body).toBe(201);
    created = res.json();
    expect(created.slug).toContain('-practice-');
    practiceAdmin = await h.login(created.adminEmail, created.password);
    const parties = await h.as(practiceAdmin).get('/api/parties', { query: { limit: '200' } });
    expect(parties.statusCode).toBe(200);
    const names = parties.json<{ items: Party[] }>().items.map((p) => p.displayName);
    expect(names.length).toBeGreaterThan(10);
    // The seed is demo data, never a copy of the real organisation.
    expect(names).not.toContain('Real Customer Quokka');
    const scenarios = await h.as(practiceAdmin).get('/api/practice/scenarios');
    expect(scenarios.json<{ items: unknown[] }>().items).toHaveLength(5);
    const list = await h.as(h.org.admin).get('/api/practice/orgs');
    expect(list.json<{ items: { id: string }[] }>().items.map((o) => o.id)).toEqual([created.id]);
  }, 120_000);

  it('the admin adds trainee accounts; bad input is a 400 on the field', async () => {
    const url = `/api/practice/orgs/${created.id}/trainees`;
    expect((await h.as(h.org.admin).post(url, { email: 'not-an-email', displayName: 'T' })).statusCode).toBe(400);
    expect((await h.as(hr).post(url, { email: 'trainee@example.com', displayName: 'T' })).statusCode).toBe(403);
    const res = await h.as(h.org.admin).post(url, {
      email: 'trainee@example.com',
      displayName: 'Trainee Tui',
      password: PASSWORD,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await h.as(h.org.admin).post(url, { email: 'trainee@example.com', displayName: 'T' })).statusCode).toBe(
      409,
    );
    trainee = await h.login('trainee@example.com');
  });

  it('a practice organisation makes no practice organisation of its own', async () => {
    expect((await h.as(practiceAdmin).post('/api/practice/orgs', {})).statusCode).toBe(403);
  });
});

describe('isolation', () => {
  it('practice users find no record of the real organisation', async () => {
    for (const s of [practiceAdmin, trainee]) {
      const as = h.as(s);
      expect((await as.get(`/api/parties/${real.customer}`)).statusCode).toBe(404);
      expect((await as.get(`/api/practice/sessions/${real.session}`)).statusCode).toBe(404);
      expect((await as.get(`/api/practice/sessions/${real.session}/results`)).statusCode).toBe(404);
      expect((await as.get(`/api/practice/scenarios/${real.scenario}`)).statusCode).toBe(404);
      expect((await as.patch(`/api/parties/${real.customer}`, { displayName: 'x', version: 1 })).statusCode).toBe(404);
    }
    expect((await h.as(practiceAdmin).get(`/api/users/${real.user}`)).statusCode).toBe(404);
    // Its own admin does not manage it from inside: the registry lives in the real organisation.
    expect((await h.as(practiceAdmin).get(`/api/practice/orgs/${created.id}`)).statusCode).toBe(404);
    expect((await h.as(practiceAdmin).post(`/api/practice/orgs/${created.id}/reset`, {})).statusCode).toBe(404);
    const search = await h.as(trainee).get('/api/parties', { query: { q: 'Quokka' } });
    expect(search.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('real users find no record of the practice organisation', async () => {
    const practiceParty = (await h.as(practiceAdmin).get('/api/parties')).json<{ items: Party[] }>().items[0] as Party;
    const practiceScenario = (await h.as(practiceAdmin).get('/api/practice/scenarios')).json<{
      items: { id: string }[];
    }>().items[0]?.id;
    for (const s of [h.org.admin, hr]) {
      const as = h.as(s);
      expect((await as.get(`/api/parties/${practiceParty.id}`)).statusCode).toBe(404);
      expect((await as.get(`/api/practice/scenarios/${practiceScenario}`)).statusCode).toBe(404);
      const names = (await as.get('/api/parties', { query: { limit: '200' } }))
        .json<{ items: Party[] }>()
        .items.map((p) => p.displayName);
      expect(names).not.toContain(practiceParty.displayName);
    }
    expect((await h.as(h.org.admin).get(`/api/users/${trainee.userId}`)).statusCode).toBe(404);
  });
});

describe('reset', () => {
  it('restores the starting state: two resets give the same digest, and the accounts stay', async () => {
    const url = `/api/practice/orgs/${created.id}`;
    const start = (await h.as(h.org.admin).get(url)).json<Detail>();
    expect(start.rows).toBeGreaterThan(100);
    const made = await h.as(trainee).post('/api/parties', {
      kind: 'person',
      displayName: 'Trainee Made This',
      roles: [{ role: 'customer' }],
    });
    expect(made.statusCode, made.body).toBe(201);
    const changed = (await h.as(h.org.admin).get(url)).json<Detail>();
    expect(changed.digest).not.toBe(start.digest);

    const first = await h.as(h.org.admin).post(`${url}/reset`, {});
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<Detail>().digest).toBe(start.digest);
    const second = await h.as(h.org.admin).post(`${url}/reset`, {});
    expect(second.json<Detail>()).toMatchObject({ digest: start.digest, rows: start.rows, resets: 2 });
    expect(
      second
        .json<Detail>()
        .accounts.map((a) => a.email)
        .sort(),
    ).toEqual([created.adminEmail, 'trainee@example.com'].sort());
    // The trainee's record is gone; the trainee still signs in.
    const again = await h.login('trainee@example.com');
    expect((await h.as(again).get(`/api/parties/${made.json<Party>().id}`)).statusCode).toBe(404);
    // The real organisation is untouched.
    expect((await h.as(h.org.admin).get(`/api/parties/${real.customer}`)).statusCode).toBe(200);
  }, 180_000);
});
