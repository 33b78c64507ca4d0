import nodemailer, { type SendMailOptions } from 'nodemailer';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { appDeps } from '../src/app.ts';
import { casesService } from '../src/modules/cases/cases.service.ts';
import { setup, type Session } from './harness.ts';

const h = await setup();
const admin = () => h.as(h.org.admin);
const agent = await h.user(['agent']);
const outsider = await h.user(['agent']);

// A 24/7 UTC calendar makes business minutes equal to wall minutes, so clocks can be moved by backdating rows.
const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
const targets = {
  low: { firstResponseMinutes: 120, resolveMinutes: 600 },
  normal: { firstResponseMinutes: 60, resolveMinutes: 240 },
  high: { firstResponseMinutes: 30, resolveMinutes: 120 },
  urgent: { firstResponseMinutes: 10, resolveMinutes: 60 },
};
const policyRes = await admin().post('/api/sla-policies', { name: '24/7', timeZone: 'UTC', hours: allDay, targets });
const policy = policyRes.json<{ id: string }>();

async function party(body: Record<string, unknown>, by: Session = h.org.admin): Promise<string> {
  const res = await h
    .as(by)
    .post('/api/parties', {
      kind: 'person',
      roles: [{ role: 'customer', stage: 'loyal' }],
      ownerId: agent.userId,
      ...body,
    });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
async function openCase(body: Record<string, unknown>, by: Session = agent) {
  const res = await h
    .as(by)
    .post('/api/cases', {
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

describe('SLA policies', () => {
  it('creates a policy and seeds the org default on first use', async () => {
    expect(policyRes.statusCode, policyRes.body).toBe(201);
    const list = (await h.as(agent).get('/api/sla-policies')).json().items as {
      name: string;
      isDefault: boolean;
      timeZone: string;
    }[];
    expect(list.find((p) => p.isDefault)).toMatchObject({ timeZone: 'Asia/Shanghai' });
    expect(list.map((p) => p.name)).toContain('24/7');
  });

  it('rejects unknown time zones, negative or missing targets, overlapping or midnight-crossing hours', async () => {
    const base = { name: 'x', timeZone: 'UTC', hours: allDay, targets };
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...base, timeZone: 'Mars/Olympus' }, /time zone/i],
      [{ ...base, targets: { ...targets, low: { firstResponseMinutes: -5, resolveMinutes: 10 } } }, /./],
      [{ ...base, targets: { low: targets.low, normal: targets.normal, high: targets.high } }, /./],
      [
        {
          ...base,
          hours: [
            { weekday: 1, start: '09:00', end: '12:00' },
            { weekday: 1, start: '11:00', end: '13:00' },
          ],
        },
        /overlaps/i,
      ],
      [{ ...base, hours: [{ weekday: 1, start: '22:00', end: '06:00' }] }, /midnight/i],
      [{ ...base, holidays: ['2024-10-12'], workdays: ['2024-10-12'] }, /also a holiday/],
    ];
    for (const [body, message] of cases) {
      const res = await admin().post('/api/sla-policies', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.json().error)).toMatch(message);
    }
    expect((await h.as(agent).post('/api/sla-policies', base)).statusCode).toBe(403);
  });

  it('moves the default to another policy', async () => {
    const p = (
      await admin().post('/api/sla-policies', {
        name: 'Night desk',
        timeZone: 'America/New_York',
        hours: allDay,
        targets,
      })
    ).json();
    const moved = await admin().patch(`/api/sla-policies/${p.id}`, { isDefault: true, version: p.version });
    expect(moved.statusCode, moved.body).toBe(200);
    const defaults = (await admin().get('/api/sla-policies'))
      .json()
      .items.filter((x: { isDefault: boolean }) => x.isDefault);
    expect(defaults.map((x: { id: string }) => x.id)).toEqual([p.id]);
  });
});

describe('case lifecycle', () => {
  it('opens, replies, pends, resolves with root cause, closes and reopens, with legal moves only', async () => {
    const pid = await party({ displayName: '王芳' });
    const c = await openCase({ partyId: pid, priority: 'normal' });
    expect(c).toMatchObject({
      status: 'new',
      assigneeId: agent.userId,
      partyName: '王芳',
      slaState: 'on_track',
      legalNextStatuses: ['open', 'pending'],
    });
    expect(Date.parse(c.firstResponseDueAt as string) - Date.parse(c.createdAt as string)).toBe(60 * 60_000);
    expect(Date.parse(c.resolveDueAt as string) - Date.parse(c.createdAt as string)).toBe(240 * 60_000);

    const illegal = await h.as(agent).patch(`/api/cases/${c.id}`, { status: 'closed', version: c.version });
    expect(illegal.statusCode).toBe(400);
    // The shape of every VALIDATION_FAILED answer (and of the parties module's illegal stage move): a list of issues.
    expect(illegal.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/legal next statuses: open, pending, resolved/),
    });
    expect(illegal.json().error.details).toEqual([
      {
        path: ['body', 'status'],
        message: 'Not a legal move from new',
        code: 'illegal_transition',
        from: 'new',
        legalNextStatuses: ['open', 'pending', 'resolved'],
      },
    ]);
    const viaPatch = await h.as(agent).patch(`/api/cases/${c.id}`, { status: 'resolved', version: c.version });
    expect(viaPatch.statusCode).toBe(400);
    expect(viaPatch.json().error.message).toMatch(/root cause/);
    expect(viaPatch.json().error.details).toEqual([
      expect.objectContaining({ path: ['body', 'status'], code: 'resolve_endpoint' }),
    ]);

    await backdate(c.id, 20);
    const note = await h
      .as(agent)
      .post(`/api/cases/${c.id}/replies`, { body: 'Checked the courier', visibility: 'internal' });
    expect(note.statusCode, note.body).toBe(201);
    expect((await getCase(c.id)).firstRespondedAt).toBeNull();
    const reply = await h.as(agent).post(`/api/cases/${c.id}/replies`, { body: '很抱歉，我们马上处理' });
    expect(reply.json()).toMatchObject({ kind: 'reply', visibility: 'public' });
    let now = await getCase(c.id);
    expect(now).toMatchObject({ status: 'open', firstResponseMinutes: 20, firstResponseBreached: false });

    const pending = await h.as(agent).patch(`/api/cases/${c.id}`, { status: 'pending', version: now.version });
    expect(pending.json().status).toBe('pending');
    const noCause = await h.as(agent).post(`/api/cases/${c.id}/resolve`, { remedy: 'material' });
    expect(noCause.statusCode).toBe(400);
    expect(JSON.stringify(noCause.json().error.details)).toMatch(/rootCause/);
    const resolved = await h
      .as(agent)
      .post(`/api/cases/${c.id}/resolve`, {
        rootCause: 'company_error',
        rootCauseDetail: 'Wrong address',
        remedy: 'both',
        remedyDetail: 'Refund + apology call',
        remedyCost: 88.5,
      });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json().case).toMatchObject({
      status: 'resolved',
      rootCause: 'company_error',
      remedy: 'both',
      remedyCost: 88.5,
      legalNextStatuses: ['closed', 'open'],
    });
    expect(resolved.json().feedback).toBeNull(); // no email on the party
    // Time spent pending does not count: about 20 minutes, not more.
    expect(resolved.json().case.resolutionMinutes).toBeGreaterThanOrEqual(20);
    expect(resolved.json().case.resolutionMinutes).toBeLessThanOrEqual(21);

    now = await getCase(c.id);
    const closed = await h.as(agent).patch(`/api/cases/${c.id}`, { status: 'closed', version: now.version });
    expect(closed.json()).toMatchObject({ status: 'closed', legalNextStatuses: ['open'] });
    const reopened = await h.as(agent).patch(`/api/cases/${c.id}`, { status: 'open', version: closed.json().version });
    expect(reopened.json()).toMatchObject({ status: 'open', reopenCount: 1, resolvedAt: null });
    const stale = await h.as(agent).patch(`/api/cases/${c.id}`, { subject: 'x', version: 1 });
    expect(stale.statusCode).toBe(409);

    const events = (await h.as(agent).get(`/api/cases/${c.id}/events`)).json().items as {
      kind: string;
      toStatus: string | null;
    }[];
    expect(events.map((e) => e.kind)).toEqual([
      'created',
      'reply',
      'reply',
      'status',
      'status',
      'resolution',
      'status',
      'status',
    ]);
    const audit = await h.db.db.selectFrom('audit_log').select('action').where('entity_id', '=', c.id).execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['case.create', 'case.reply', 'case.update', 'case.resolve']),
    );
  });

  it('shows cases on the party timeline for readers of the party', async () => {
    const pid = await party({ displayName: 'Timeline Co' });
    const c = await openCase({ partyId: pid, type: 'inquiry', subject: 'Invoice copy' });
    const tl = (await admin().get(`/api/parties/${pid}/timeline`)).json().items as {
      type: string;
      event?: { kind: string; href: string };
    }[];
    expect(tl.find((i) => i.type === 'event')?.event).toMatchObject({
      kind: 'case.opened',
      href: `/service/cases/${c.id}`,
    });
  });

  it('hides a case about a party the reader cannot see (404) and refuses unknown references', async () => {
    const pid = await party({ displayName: 'Private Ltd' });
    const c = await openCase({ partyId: pid });
    expect((await h.as(outsider).get(`/api/cases/${c.id}`)).statusCode).toBe(404);
    expect((await h.as(outsider).patch(`/api/cases/${c.id}`, { subject: 'x', version: 1 })).statusCode).toBe(404);
    expect((await h.as(outsider).get('/api/cases')).json().items.map((x: { id: string }) => x.id)).not.toContain(c.id);
    const owned = await party({ displayName: 'Owned by admin', ownerId: h.org.admin.userId });
    const bad = await h.as(outsider).post('/api/cases', { type: 'complaint', subject: 'x', partyId: owned });
    expect(bad.statusCode).toBe(400);
    expect(
      (
        await h
          .as(agent)
          .post('/api/cases', { type: 'complaint', subject: 'x', assigneeId: '00000000-0000-4000-8000-000000000000' })
      ).statusCode,
    ).toBe(400);
    expect((await h.as(agent).post('/api/cases', { type: 'grievance', subject: 'x' })).statusCode).toBe(400);
  });
});

describe('SLA states', () => {
  it('is at_risk with less than 25 % left, breached after the due time, and a pending stretch stops the clock', async () => {
    const fresh = await openCase({});
    await backdate(fresh.id, 50);
    expect((await getCase(fresh.id)).slaState).toBe('at_risk'); // 10 of 60 first-response minutes left

    const late = await openCase({});
    await backdate(late.id, 70);
    const l = await getCase(late.id);
    expect(l).toMatchObject({ slaState: 'breached', firstResponseBreached: true, resolveBreached: false });

    // 100 minutes old, of which 50 were spent pending: 50 business minutes used → at risk, not breached.
    const paused = await openCase({});
    let v = (await h.as(agent).patch(`/api/cases/${paused.id}`, { status: 'open', version: 1 })).json().version;
    v = (await h.as(agent).patch(`/api/cases/${paused.id}`, { status: 'pending', version: v })).json().version;
    await h.as(agent).patch(`/api/cases/${paused.id}`, { status: 'open', version: v });
    await sql`update service_case set created_at = now() - interval '100 minutes' where id = ${paused.id}`.execute(
      h.db.db,
    );
    await sql`update case_event set at = now() - interval '100 minutes' where case_id = ${paused.id} and kind = 'created'`.execute(
      h.db.db,
    );
    await sql`update case_event set at = case to_status when 'pending' then now() - interval '90 minutes' else now() - interval '40 minutes' end
              where case_id = ${paused.id} and kind = 'status' and not (to_status = 'open' and from_status = 'new')`.execute(
      h.db.db,
    );
    await sql`update case_event set at = now() - interval '95 minutes' where case_id = ${paused.id} and from_status = 'new'`.execute(
      h.db.db,
    );
    const p = await getCase(paused.id);
    expect(p.slaState).toBe('at_risk');
    expect(Date.parse(p.firstResponseDueAt) - (Date.now() - 100 * 60_000)).toBeGreaterThan(109 * 60_000); // moved 50 minutes later
  });

  it('the job refreshes running cases without a read', async () => {
    const c = await openCase({ priority: 'urgent' });
    await sql`update service_case set created_at = created_at - interval '15 minutes' where id = ${c.id}`.execute(
      h.db.db,
    );
    await sql`update case_event set at = at - interval '15 minutes' where case_id = ${c.id}`.execute(h.db.db);
    expect(
      (await h.db.db.selectFrom('service_case').select('sla_state').where('id', '=', c.id).executeTakeFirstOrThrow())
        .sla_state,
    ).toBe('on_track');
    await casesService(appDeps(h.app)).refreshAll();
    expect(
      (await h.db.db.selectFrom('service_case').select('sla_state').where('id', '=', c.id).executeTakeFirstOrThrow())
        .sla_state,
    ).toBe('breached');
  });
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
    const res = await h.as(outsider).get('/api/cases/export?format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('subject,type,status');
    expect(res.body).not.toContain(c.id);
    const all = await admin().get('/api/cases/export?format=csv');
    expect(all.body).toContain(c.id);
    expect(all.body).toContain('Export Only');
  });
});

describe('post-resolution email', async () => {
  const sent: SendMailOptions[] = [];
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const realSend = transport.sendMail.bind(transport);
  transport.sendMail = async (mail: SendMailOptions) => {
    const info = await realSend(mail);
    sent.push(mail);
    return info;
  };
  const m = await setup({ mailTransport: transport, publicUrl: 'https://tandem.example.com' });
  it('emails the satisfaction link after commit and does not show it to the agent', async () => {
    const p = (
      await m
        .as(m.org.admin)
        .post('/api/parties', {
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
