import { describe, expect, it } from 'vitest';
import { setup } from './harness.ts';

// The home page per role (docs/metrics.md "Home cards"): each role's cards, each under the caller's visibility.

const h = await setup();
const admin = h.as(h.org.admin);
const agent1 = await h.user(['agent']);
const agent2 = await h.user(['agent']);
const executive = await h.user(['executive']);
const hr = await h.user(['hr']);
const manager = await h.user(['manager']);
const employee = await h.user(['employee']);
const hrManager = await h.user(['hr', 'manager']);

for (const [name, owner] of [
  ['At risk of agent 1', agent1],
  ['At risk of agent 2', agent2],
] as const) {
  const res = await admin.post('/api/parties', {
    kind: 'organization',
    displayName: name,
    ownerId: owner.userId,
    roles: [{ role: 'customer', stage: 'at_risk' }],
  });
  expect(res.statusCode, res.body).toBe(201);
}

type Card = { key: string; role: string; titleKey: string; data: Record<string, unknown> };
const cards = async (who: typeof agent1) => {
  const res = await h.as(who).get('/api/home');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ cards: Card[] }>().cards;
};

describe('home cards per role', () => {
  it('executive: value, chain, capability, key-person exposure and customers at risk over the organisation', async () => {
    const list = await cards(executive);
    expect(list.map((c) => c.key)).toEqual(['value', 'chain', 'capability', 'key_person', 'at_risk_customers']);
    expect(list.every((c) => c.role === 'executive' && c.titleKey === `home.cards.${c.key}`)).toBe(true);
    expect(list.find((c) => c.key === 'at_risk_customers')?.data).toEqual({ count: 2 });
    expect(list.find((c) => c.key === 'chain')?.data).toMatchObject({ note: 'correlation_not_causation' });
  });

  it("agent: my customers at risk are the agent's own", async () => {
    const list = await cards(agent1);
    expect(list.map((c) => c.key)).toEqual(['my_tasks_today', 'my_at_risk', 'my_open_cases']);
    expect(list.find((c) => c.key === 'my_at_risk')?.data).toEqual({ count: 1 });
    expect(list.find((c) => c.key === 'my_open_cases')?.data).toEqual({ count: 0 });
  });

  it('manager: the team’s customers at risk (none here), tasks, team engagement', async () => {
    const list = await cards(manager);
    expect(list.map((c) => c.key)).toEqual(['team_at_risk', 'tasks', 'appraisals_due', 'team_engagement']);
    expect(list[0]?.data).toEqual({ count: 0 });
    expect(list[3]?.data).toEqual({ groups: [] });
  });

  it('HR: attrition bands; roles add up; employees get their own card', async () => {
    expect((await cards(hr)).map((c) => c.key)).toEqual([
      'turnover',
      'attrition_bands',
      'grievances_sla',
      'hr_relationships',
    ]);
    expect((await cards(hrManager)).map((c) => c.role)).toEqual([...Array(4).fill('manager'), ...Array(4).fill('hr')]);
    expect((await cards(employee)).map((c) => c.key)).toEqual([
      'my_tasks_today',
      'my_appraisals',
      'open_surveys',
      'my_grievances',
    ]);
    expect((await h.app.inject({ method: 'GET', url: '/api/home' })).statusCode).toBe(401);
  });
});
