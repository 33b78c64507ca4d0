import { describe, expect, it } from 'vitest';
import { appDeps } from '../src/app.ts';
import { refreshSlaStates } from '../src/modules/cases/index.ts';
import { casesFixture } from './cases-fixture.ts';
import { setup, type Session, capturingMailTransport } from './harness.ts';

// Early warning, post-resolution satisfaction (link and email), metrics and export (the lifecycle: cases.test.ts).
const h = await setup();
const { admin, agent, outsider, party, openCase, backdate, getCase } = await casesFixture(h);

const putJson = (s: Session, url: string, body: unknown) =>
  h.app.inject({ method: 'PUT', url, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: body as object });
const feedback = (token: string, score?: number) =>
  score === undefined
    ? h.app.inject({ method: 'GET', url: `/api/public/case-feedback/${token}`, remoteAddress: '10.9.0.1' })
    : h.app.inject({
        method: 'POST',
        url: `/api/public/case-feedback/${token}`,
        payload: { score },
        remoteAddress: '10.9.0.1',
      });

describe('early warning and post-resolution satisfaction', () => {
  it('two complaints in 90 days put the customer at_risk with a task for the owner, once', async () => {
    const pid = await party({ displayName: '赵强' });
    await openCase({ partyId: pid, subject: 'First' });
    expect((await admin().get(`/api/alerts?partyId=${pid}`)).json().items).toHaveLength(0);
    await openCase({ partyId: pid, subject: 'Second' });
    await openCase({ partyId: pid, subject: 'Third' });
    const alerts = (await admin().get(`/api/alerts?partyId=${pid}`)).json().items;
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      rule: 'complaints_in_window',
      status: 'open',
      stageNote: 'Moved from loyal to at_risk',
    });
    expect(alerts[0].reason).toMatch(/2 complaints in 90 days/);
    const task = await h.db.db
      .selectFrom('task')
      .selectAll()
      .where('id', '=', alerts[0].taskId)
      .executeTakeFirstOrThrow();
    expect(task).toMatchObject({ assignee_id: agent.userId, party_id: pid, status: 'open' });
    const role = (await admin().get(`/api/parties/${pid}`))
      .json()
      .roles.find((r: { role: string }) => r.role === 'customer');
    expect(role.stage).toBe('at_risk');
    const hist = await h.db.db
      .selectFrom('party_history')
      .selectAll()
      .where('party_id', '=', pid)
      .where('field', '=', 'stage')
      .execute();
    expect(hist.at(-1)).toMatchObject({ from_value: 'loyal', to_value: 'at_risk' });
    expect(hist.at(-1)?.reason).toMatch(/Early warning/);
    const ack = await h.as(agent).patch(`/api/alerts/${alerts[0].id}`, { status: 'acknowledged' });
    expect(ack.json().status).toBe('acknowledged');
  });

  it('a breached complaint alerts; a stage that cannot move is left with a note', async () => {
    const pid = await party({ displayName: 'Prospect Inc', roles: [{ role: 'customer' }] });
    const c = await openCase({ partyId: pid, priority: 'high' });
    await backdate(c.id, 40);
    await h.as(agent).get('/api/cases');
    // Reads mark nothing: the SLA job marks the breach and raises the alert.
    await refreshSlaStates(appDeps(h.app));
    const alerts = (await admin().get(`/api/alerts?partyId=${pid}`)).json().items;
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ rule: 'breached_complaint', caseId: c.id });
    expect(alerts[0].stageNote).toMatch(/prospect cannot move to at_risk/);
  });

  it('rules are configurable per org: a disabled rule raises nothing', async () => {
    const rules = (await admin().get('/api/alert-rules')).json().items;
    expect(rules.map((r: { kind: string }) => r.kind).sort()).toEqual([
      'breached_complaint',
      'complaints_in_window',
      'low_csat',
    ]);
    const put = await putJson(h.org.admin, '/api/alert-rules', {
      items: [{ kind: 'complaints_in_window', enabled: true, count: 3, days: 30 }],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().items.find((r: { kind: string }) => r.kind === 'complaints_in_window')).toMatchObject({
      count: 3,
      days: 30,
    });
    const pid = await party({ displayName: 'Twice Ltd' });
    await openCase({ partyId: pid });
    await openCase({ partyId: pid });
    expect((await admin().get(`/api/alerts?partyId=${pid}`)).json().items).toHaveLength(0);
    expect(
      (await putJson(h.org.admin, '/api/alert-rules', { items: [{ kind: 'low_csat', enabled: true, max: 9 }] }))
        .statusCode,
    ).toBe(400);
    expect((await putJson(agent, '/api/alert-rules', { items: [] })).statusCode).toBe(403);
    await putJson(h.org.admin, '/api/alert-rules', {
      items: [{ kind: 'complaints_in_window', enabled: true, count: 2, days: 90 }],
    });
  });

  it('resolving for a party with an email gives a single-use 1–5 link; a low score lands on the case and alerts', async () => {
    const pid = await party({ displayName: 'Mail Me', emails: ['mailme@example.com'] });
    const c = await openCase({ partyId: pid, type: 'request' });
    const res = (
      await h.as(agent).post(`/api/cases/${c.id}/resolve`, { rootCause: 'customer', remedy: 'psychological' })
    ).json();
    expect(res.feedback).toMatchObject({ emailed: false });
    // Not under /feedback, where the signed-in surveys live.
    expect(res.feedback.url).toMatch(/\/case-feedback\/[\w-]+$/);
    const token = String(res.feedback.url).split('/').pop() as string;
    expect((await feedback(token)).json()).toMatchObject({ subject: 'Late delivery', answered: false });
    expect((await feedback(token, 6)).statusCode).toBe(400);
    expect((await feedback(token, 1)).statusCode).toBe(201);
    expect((await feedback(token, 5)).statusCode).toBe(409);
    expect((await feedback('x'.repeat(40), 5)).statusCode).toBe(404);
    expect(await getCase(c.id)).toMatchObject({ csatScore: 1 });
    const alerts = (await admin().get(`/api/alerts?partyId=${pid}`)).json().items;
    expect(alerts.map((a: { rule: string }) => a.rule)).toEqual(['low_csat']);
  });
});

describe('metrics', () => {
  it('aggregates counts, mean and p90 business minutes, breach, reopen and CSAT in SQL', async () => {
    const m = await h.user(['agent']);
    const ids: string[] = [];
    for (const minutes of [10, 20, 30, 40]) {
      const c = await openCase({ type: 'praise', assigneeId: m.userId }, m);
      await backdate(c.id, minutes);
      await h.as(m).post(`/api/cases/${c.id}/replies`, { body: 'Thanks!' });
      await h.as(m).post(`/api/cases/${c.id}/resolve`, { rootCause: 'other', remedy: 'none' });
      ids.push(c.id);
    }
    const first = await getCase(ids[0] as string, m);
    await h.as(m).patch(`/api/cases/${ids[0]}`, { status: 'open', version: first.version });
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const res = await h
      .as(m)
      .get(
        `/api/cases/metrics?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&groupBy=assignee&type=praise`,
      );
    expect(res.statusCode, res.body).toBe(200);
    const g = res.json().groups.find((x: { key: string }) => x.key === m.userId);
    expect(g).toMatchObject({
      count: 4,
      resolved: 3,
      firstResponseMean: 25,
      firstResponseP90: 37,
      breachRate: 0,
      reopenRate: 25,
    });
    expect(g.name).toMatch(/User/);
    const byType = (
      await admin().get(`/api/cases/metrics?from=${from.slice(0, 10)}&to=${to.slice(0, 10)}&groupBy=type`)
    ).json();
    expect(byType.groups.find((x: { key: string }) => x.key === 'complaint').breachRate).toBeGreaterThan(0);
    expect(byType.total.count).toBeGreaterThan(4);
    expect((await admin().get(`/api/cases/metrics?from=${to}&to=${from}`)).statusCode).toBe(400);
    expect((await admin().get(`/api/cases/metrics?from=${from}&to=${to}&groupBy=colour`)).statusCode).toBe(400);
  });

  it('exports the visible cases as CSV', async () => {
    const c = await openCase({ partyId: await party({ displayName: 'Export Only' }), subject: 'Exported' });
    const res = await h.as(outsider).get('/api/cases/export?format=csv&raw=true');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('subject,type,status');
    expect(res.body).not.toContain(c.id);
    const all = await admin().get('/api/cases/export?format=csv&raw=true');
    expect(all.body).toContain(c.id);
    expect(all.body).toContain('Export Only');
  });
});

describe('post-resolution email', async () => {
  const { transport, sent } = capturingMailTransport();
  const m = await setup({ mailTransport: transport, publicUrl: 'https://tandem.example.com' });
  it('emails the satisfaction link after commit and does not show it to the agent', async () => {
    const p = (
      await m.as(m.org.admin).post('/api/parties', {
        kind: 'person',
        displayName: 'Ann',
        emails: ['ann@example.com'],
        roles: [{ role: 'customer' }],
      })
    ).json();
    const c = (
      await m.as(m.org.admin).post('/api/cases', { type: 'complaint', subject: 'Broken lid', partyId: p.id })
    ).json();
    const res = (
      await m
        .as(m.org.admin)
        .post(`/api/cases/${c.id}/resolve`, { rootCause: 'company_error', remedy: 'material', remedyCost: 20 })
    ).json();
    expect(res.feedback).toMatchObject({ emailed: true, url: null });
    expect(await appDeps(m.app).mail.drain()).toEqual({ sent: 1, failed: 0 });
    expect(sent[0]?.to).toBe('ann@example.com');
    const link = /https:\/\/tandem\.example\.com\/case-feedback\/([\w-]+)/.exec(
      typeof sent[0]?.text === 'string' ? sent[0].text : '',
    );
    expect(link).not.toBeNull();
    const answer = await m.app.inject({
      method: 'POST',
      url: `/api/public/case-feedback/${link?.[1]}`,
      payload: { score: 5 },
    });
    expect(answer.statusCode, answer.body).toBe(201);
    expect((await m.as(m.org.admin).get(`/api/cases/${c.id}`)).json().csatScore).toBe(5);
  });
});
