import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { appDeps } from '../src/app.ts';
import { refreshSlaStates } from '../src/modules/cases/index.ts';
import { allDay, casesFixture, targets } from './cases-fixture.ts';
import { setup } from './harness.ts';

// SLA policies, the case lifecycle and SLA states (early warning, satisfaction and metrics: cases-alerts.test.ts).
const h = await setup();
const { admin, agent, outsider, policyRes, party, openCase, backdate, getCase } = await casesFixture(h);

describe('SLA policies', () => {
  it('creates a policy and lists the org default (stored by the first write that needs it)', async () => {
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
    const resolved = await h.as(agent).post(`/api/cases/${c.id}/resolve`, {
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
    await refreshSlaStates(appDeps(h.app));
    expect(
      (await h.db.db.selectFrom('service_case').select('sla_state').where('id', '=', c.id).executeTakeFirstOrThrow())
        .sla_state,
    ).toBe('breached');
  });
});
