import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { appDeps } from '../src/app.ts';
import { refreshSlaStates } from '../src/modules/cases/index.ts';
import { casesFixture } from './cases-fixture.ts';
import { setup } from './harness.ts';

// Reads show the SLA state at the moment of reading but change nothing; the SLA job persists it and raises alerts.
const h = await setup();
const { admin, agent, outsider, party, openCase, backdate } = await casesFixture(h);
const manager = await h.user(['manager']);
const db = h.db.db;

const pid = await party({ displayName: 'Overdue Ltd' });
// High priority: 30 minutes to the first response, so 40 minutes unanswered is a breach (and a breached complaint).
const late = await openCase({ partyId: pid, priority: 'high', subject: 'Late and unanswered' });
await backdate(late.id, 40);
// Normal priority, no party: 50 of 60 first-response minutes used leaves under 25 % (at risk).
const risky = await openCase({ type: 'inquiry', subject: 'Nearly due' });
await backdate(risky.id, 50);
// Urgent inquiry: 10 minutes to the first response, 15 gone.
const urgent = await openCase({ type: 'inquiry', priority: 'urgent', subject: 'Urgent and overdue' });
await backdate(urgent.id, 15);

const count = async (table: string) =>
  (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db)).rows[0]?.n;
const digest = async (table: string) =>
  (
    await sql<{
      d: string;
    }>`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as d from ${sql.table(table)} t`.execute(db)
  ).rows[0]?.d;

/** What a read could have written: rows of the side tables, and every column of every case. */
async function snapshot() {
  const counts: Record<string, number | undefined> = {};
  for (const t of ['audit_log', 'task', 'party_history', 'alert', 'case_event', 'alert_rule', 'sla_policy']) {
    counts[t] = await count(t);
  }
  return { counts, cases: await digest('service_case'), roles: await digest('party_role') };
}
const stored = (id: string) =>
  db
    .selectFrom('service_case')
    .select(['sla_state', 'first_response_breached', 'resolve_breached', 'version', 'updated_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
const ids = (items: { id: string }[]) => items.map((c) => c.id);

describe('reads never write', () => {
  it('GET /api/cases and /api/cases/:id show overdue cases as breached for any role, and the database is unchanged', async () => {
    const before = await snapshot();
    expect(before.counts).toMatchObject({ alert: 0, alert_rule: 0, sla_policy: 1 });
    const storedBefore = await stored(late.id);
    expect(storedBefore).toMatchObject({ sla_state: 'on_track', first_response_breached: false });

    for (const s of [h.org.admin, agent, manager]) {
      const list = await h.as(s).get('/api/cases?limit=50');
      expect(list.statusCode, list.body).toBe(200);
      const shown = list.json().items.find((c: { id: string }) => c.id === urgent.id);
      expect(shown).toMatchObject({ slaState: 'breached', firstResponseBreached: true, resolveBreached: false });
    }
    const breached = (await admin().get('/api/cases?slaState=breached')).json().items;
    expect(ids(breached).sort()).toEqual([late.id, urgent.id].sort());
    expect(ids((await admin().get('/api/cases?slaState=on_track')).json().items)).toEqual([risky.id]);

    for (const s of [h.org.admin, agent]) {
      const one = await h.as(s).get(`/api/cases/${late.id}`);
      expect(one.statusCode, one.body).toBe(200);
      expect(one.json()).toMatchObject({ slaState: 'breached', firstResponseBreached: true, resolveBreached: false });
    }
    expect((await h.as(manager).get(`/api/cases/${risky.id}`)).json().slaState).toBe('at_risk');
    expect((await h.as(outsider).get(`/api/cases/${late.id}`)).statusCode).toBe(404);
    // The other reads of the module: history, export, metrics, policies, rules, alerts, the party timeline.
    for (const url of [
      `/api/cases/${late.id}/events`,
      '/api/cases/export?format=csv',
      '/api/cases/export?format=csv&raw=true',
      `/api/cases/metrics?from=${new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)}&to=2999-01-01`,
      '/api/sla-policies',
      '/api/alert-rules',
      '/api/alerts',
      `/api/parties/${pid}/timeline`,
    ]) {
      expect((await admin().get(url)).statusCode, url).toBe(200);
    }

    expect(await snapshot()).toEqual(before);
    expect(await stored(late.id)).toEqual(storedBefore);
  });

  it('the SLA job persists the states and raises the breach alert: a task for the owner, the customer at_risk', async () => {
    const before = await snapshot();
    expect(await refreshSlaStates(appDeps(h.app))).toBeGreaterThanOrEqual(3);

    expect(await stored(late.id)).toMatchObject({ sla_state: 'breached', first_response_breached: true });
    expect(await stored(urgent.id)).toMatchObject({ sla_state: 'breached', first_response_breached: true });
    expect((await stored(risky.id)).sla_state).toBe('at_risk');
    // SLA bookkeeping is not an edit: no new version.
    expect((await stored(late.id)).version).toBe(late.version);

    const after = await snapshot();
    expect(after.counts).toMatchObject({
      alert: (before.counts.alert ?? 0) + 1,
      task: (before.counts.task ?? 0) + 1,
      party_history: (before.counts.party_history ?? 0) + 1,
      case_event: before.counts.case_event,
    });
    expect(after.counts.audit_log).toBeGreaterThan(before.counts.audit_log ?? 0);
    const alerts = (await admin().get(`/api/alerts?partyId=${pid}`)).json().items;
    expect(alerts).toEqual([
      expect.objectContaining({
        rule: 'breached_complaint',
        caseId: late.id,
        stageNote: 'Moved from loyal to at_risk',
      }),
    ]);
    const task = await db.selectFrom('task').selectAll().where('id', '=', alerts[0].taskId).executeTakeFirstOrThrow();
    expect(task).toMatchObject({ assignee_id: agent.userId, party_id: pid, status: 'open' });
    const customer = (await admin().get(`/api/parties/${pid}`))
      .json()
      .roles.find((r: { role: string }) => r.role === 'customer');
    expect(customer.stage).toBe('at_risk');

    // Run again: nothing new (the breach is marked, the alert open).
    await refreshSlaStates(appDeps(h.app));
    expect((await snapshot()).counts).toEqual(after.counts);
  });
});
