import { describe, expect, it } from 'vitest';
import { setup, type Session } from './harness.ts';

// The home cards that read other modules (docs/metrics.md "Home cards"): HR's turnover, grievances by SLA state and
// HR-department relationships by quadrant; the manager's appraisals due; the employee's appraisals, surveys and
// grievances. Hand-made fixture: two employees with HR-quadrant scores (one partnership, one basic), one named
// grievance filed by the first, no appraisal cycles and no surveys.

const h = await setup();
const hr = await h.user(['hr']);
const manager = await h.user(['manager']);
const agent = await h.user(['agent']);

type Card = { key: string; role: string; data: Record<string, unknown> };
const cards = async (who: Session) => {
  const res = await h.as(who).get('/api/home');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ cards: Card[] }>().cards;
};
const data = (list: Card[], key: string) => list.find((c) => c.key === key)?.data;

/** A user linked to an employee record with the given HR-quadrant scores. */
async function employee(name: string, initiativeScore: number, participationScore: number): Promise<Session> {
  const s = await h.user(['employee'], { name });
  const p = await h.as(hr).post('/api/parties', {
    kind: 'person',
    displayName: name,
    roles: [{ role: 'employee', initiativeScore, participationScore }],
  });
  expect(p.statusCode, p.body).toBe(201);
  await h.db.db.updateTable('app_user').set({ party_id: p.json().id }).where('id', '=', s.userId).execute();
  return s;
}

const lina = await employee('Lina', 4, 5);
await employee('Bo', 1, 2);
const filed = await h.as(lina).post('/api/grievances', { subject: 'Unpaid overtime', description: 'Three weekends' });
expect(filed.statusCode, filed.body).toBe(201);

describe('home cards from other modules', () => {
  it('HR: turnover, attrition bands, grievances by SLA state, relationships by HR quadrant', async () => {
    const list = await cards(hr);
    expect(list.map((c) => c.key)).toEqual(['turnover', 'attrition_bands', 'grievances_sla', 'hr_relationships']);
    // Nobody has left: a rate of 0, never NaN.
    expect(data(list, 'turnover')).toMatchObject({ rate: 0, leavers: 0 });
    const sla = data(list, 'grievances_sla') as { open: number; onTrack: number; atRisk: number; breached: number };
    expect(sla.open).toBe(1);
    expect(sla.onTrack + sla.atRisk + sla.breached).toBeLessThanOrEqual(1);
    // Initiative 4 and participation 5 are both high (≥ 3): partnership; 1 and 2 are both low: basic.
    expect(data(list, 'hr_relationships')).toEqual({ relationships: 2, partnership: 1, basic: 1 });
  });

  it('manager: appraisals due next to the team cards (none without a cycle)', async () => {
    const list = await cards(manager);
    expect(list.map((c) => c.key)).toEqual(['team_at_risk', 'tasks', 'appraisals_due', 'team_engagement']);
    expect(data(list, 'appraisals_due')).toEqual({ due: 0, total: 0 });
  });

  it('employee: my appraisals, open surveys and my grievances are their own', async () => {
    const list = await cards(lina);
    expect(list.map((c) => c.key)).toEqual(['my_tasks_today', 'my_appraisals', 'open_surveys', 'my_grievances']);
    expect(data(list, 'my_appraisals')).toEqual({ total: 0, awaitingReply: 0 });
    expect(data(list, 'open_surveys')).toEqual({ open: 0, total: 0 });
    expect(data(list, 'my_grievances')).toEqual({ total: 1, open: 1 });
  });

  it('an agent sees no HR card and no grievance counts', async () => {
    const list = await cards(agent);
    expect(list.some((c) => c.role === 'hr' || c.key === 'grievances_sla')).toBe(false);
  });
});
