import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Harness, Session } from './harness.ts';

// The setting the case tests share: an agent, an outsider agent, and a policy whose business minutes are wall minutes.

// A 24/7 UTC calendar makes business minutes equal to wall minutes, so clocks can be moved by backdating rows.
export const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
export const targets = {
  low: { firstResponseMinutes: 120, resolveMinutes: 600 },
  normal: { firstResponseMinutes: 60, resolveMinutes: 240 },
  high: { firstResponseMinutes: 30, resolveMinutes: 120 },
  urgent: { firstResponseMinutes: 10, resolveMinutes: 60 },
};

export async function casesFixture(h: Harness) {
  const admin = () => h.as(h.org.admin);
  const agent = await h.user(['agent']);
  const outsider = await h.user(['agent']);
  const policyRes = await admin().post('/api/sla-policies', { name: '24/7', timeZone: 'UTC', hours: allDay, targets });
  const policy = policyRes.json<{ id: string }>();

  async function party(body: Record<string, unknown>, by: Session = h.org.admin): Promise<string> {
    const res = await h.as(by).post('/api/parties', {
      kind: 'person',
      roles: [{ role: 'customer', stage: 'loyal' }],
      ownerId: agent.userId,
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }
  async function openCase(body: Record<string, unknown>, by: Session = agent) {
    const res = await h.as(by).post('/api/cases', {
      type: 'complaint',
      subject: 'Late delivery',
      channel: 'phone',
      slaPolicyId: policy.id,
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; version: number; status: string; [k: string]: unknown }>();
  }
  /** Moves a case's creation (and its history) back by `minutes`, as if it had been opened earlier. */
  async function backdate(id: string, minutes: number) {
    await sql`update service_case set created_at = created_at - make_interval(mins => ${minutes}),
      first_response_due_at = first_response_due_at - make_interval(mins => ${minutes}), resolve_due_at = resolve_due_at - make_interval(mins => ${minutes}) where id = ${id}`.execute(
      h.db.db,
    );
    await sql`update case_event set at = at - make_interval(mins => ${minutes}) where case_id = ${id}`.execute(h.db.db);
  }
  const getCase = async (id: string, by: Session = agent) => (await h.as(by).get(`/api/cases/${id}`)).json();

  return { admin, agent, outsider, policyRes, policy, party, openCase, backdate, getCase };
}
