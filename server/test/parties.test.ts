import { describe, expect, it } from 'vitest';
import { setup, type Session } from './harness.ts';

const h = await setup();
const admin = () => h.as(h.org.admin);
const put = (s: Session, url: string, body: unknown, headers: Record<string, string> = {}) =>
  h.app.inject({
    method: 'PUT',
    url,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...headers },
    payload: body as object,
  });
const create = async (body: Record<string, unknown>, s: Session = h.org.admin) => {
  const res = await h.as(s).post('/api/parties', { kind: 'person', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe('parties: create, read, update', () => {
  it('creates a person with normalised contacts and roles; quadrant and gap are derived', async () => {
    const p = await create({
      displayName: '张伟',
      familyName: '张',
      givenName: '伟',
      emails: [' Zhang.Wei@Example.com '],
      phones: ['138 0013 8000', '+86 138-0013-8000'],
      tags: ['vip', 'vip', '上海'],
      profile: {
        facts: { education: '硕士' },
        preferences: { tea: '龙井' },
        care: [{ note: '母亲住院', topic: 'worries' }],
      },
      roles: [
        {
          role: 'customer',
          stage: 'developing',
          level: 'reactive',
          targetLevel: 'partnership',
          initiativeScore: 4,
          participationScore: 2,
          reason: 'import',
        },
      ],
    });
    expect(p).toMatchObject({
      kind: 'person',
      access: 'full',
      displayName: '张伟',
      emails: ['zhang.wei@example.com'],
      phones: ['+8613800138000'],
      tags: ['vip', '上海'],
      ownerId: h.org.admin.userId,
      version: 1,
    });
    expect(p.profile.care[0]).toMatchObject({ note: '母亲住院', topic: 'worries' });
    expect(p.roles).toHaveLength(1);
    expect(p.roles[0]).toMatchObject({
      role: 'customer',
      stage: 'developing',
      stakeholderGroup: 'company_clients',
      quadrant: 'proactive',
      level: 'reactive',
      targetLevel: 'partnership',
      levelGap: 3,
      legalNextStages: ['loyal', 'at_risk', 'churned'],
    });
    const got = await admin().get(`/api/parties/${p.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual(p);
  });

  it('refuses unknown fields, a quadrant as input, bad emails and phones without digits', async () => {
    const bad = await admin().post('/api/parties', { kind: 'person', displayName: 'X', extra: 1 });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('extra');
    const quadrant = await admin().post('/api/parties', {
      kind: 'person',
      displayName: 'X',
      roles: [{ role: 'customer', quadrant: 'partnership' }],
    });
    expect(quadrant.statusCode).toBe(400);
    expect(JSON.stringify(quadrant.json().error.details)).toContain('quadrant');
    const p = await create({ displayName: 'Q', roles: [{ role: 'partner' }] });
    const viaPut = await put(h.org.admin, `/api/parties/${p.id}/roles/partner`, {
      quadrant: 'basic',
      version: p.roles[0].version,
    });
    expect(viaPut.statusCode).toBe(400);
    const email = await admin().post('/api/parties', { kind: 'person', displayName: 'X', emails: ['nope'] });
    expect(email.json().error.details[0].path).toEqual(['body', 'emails', 0]);
    const phone = await admin().post('/api/parties', {
      kind: 'person',
      displayName: 'X',
      phones: ['13800138000', 'n/a'],
    });
    expect(phone.statusCode).toBe(400);
    expect(phone.json().error.details[0]).toMatchObject({ path: ['body', 'phones', 1], code: 'invalid_phone' });
    // Letters around digits are not a number with its digits kept: refused, nothing saved.
    const mixed = await admin().post('/api/parties', { kind: 'person', displayName: 'Mixed', phones: ['abc123!!!'] });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.details[0]).toMatchObject({ path: ['body', 'phones', 0], code: 'invalid_phone' });
    expect((await admin().post('/api/parties', { kind: 'robot', displayName: 'X' })).statusCode).toBe(400);
    expect(
      (
        await admin().post('/api/parties', {
          kind: 'person',
          displayName: 'X',
          roles: [{ role: 'customer' }, { role: 'customer' }],
        })
      ).statusCode,
    ).toBe(400);
  });

  it('updates with a version; a stale one answers 409 with the current record; owner changes land in the history', async () => {
    const p = await create({ displayName: 'Acme 有限公司', kind: 'organization' });
    const agent = await h.user(['agent']);
    const missing = await admin().patch(`/api/parties/${p.id}`, { displayName: 'Acme' });
    expect(missing.statusCode).toBe(400);
    const ok = await admin().patch(`/api/parties/${p.id}`, {
      displayName: 'Acme Ltd',
      ownerId: agent.userId,
      reason: '区域调整',
      version: 1,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ displayName: 'Acme Ltd', ownerId: agent.userId, version: 2 });
    // The owner's name comes with the record and with each list row: no request per owner.
    const agentName = (await admin().get(`/api/users/${agent.userId}`)).json().displayName as string;
    expect(ok.json()).toMatchObject({ ownerName: agentName, backupOwnerName: null });
    const listed = (await admin().get(`/api/parties?ownerId=${agent.userId}`)).json().items;
    expect(listed).toEqual([expect.objectContaining({ id: p.id, ownerId: agent.userId, ownerName: agentName })]);
    const stale = await admin().patch(`/api/parties/${p.id}`, { displayName: 'Stale', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { current: { displayName: 'Acme Ltd', version: 2 } },
    });
    const viaHeader = await admin().patch(
      `/api/parties/${p.id}`,
      { tags: ['key-account'] },
      { headers: { 'if-match': '"2"' } },
    );
    expect(viaHeader.json().version).toBe(3);
    const history = (await admin().get(`/api/parties/${p.id}/history?field=owner`)).json().items;
    expect(history[0]).toMatchObject({
      field: 'owner',
      from: h.org.admin.userId,
      to: agent.userId,
      reason: '区域调整',
      actorId: h.org.admin.userId,
    });
    const audit = (await admin().get(`/api/audit?entityType=party&entityId=${p.id}`)).json().items;
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['update', 'update', 'create']);
    expect(audit[1].after).toMatchObject({ display_name: 'Acme Ltd' });
  });

  it('of concurrent updates from one version exactly one wins', async () => {
    const p = await create({ displayName: 'Race' });
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        admin().patch(`/api/parties/${p.id}`, { displayName: `Race ${i}`, version: 1 }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
  });

  it('soft-deletes and restores', async () => {
    const p = await create({ displayName: '待删除客户' });
    expect((await admin().delete(`/api/parties/${p.id}`)).statusCode).toBe(204);
    const list = (await admin().get(`/api/parties?q=${encodeURIComponent('待删除')}`)).json().items;
    expect(list).toEqual([]);
    const bin = (await admin().get(`/api/parties?status=deleted&q=${encodeURIComponent('待删除')}`)).json().items;
    expect(bin.map((x: { id: string }) => x.id)).toEqual([p.id]);
    expect((await admin().get(`/api/parties/${p.id}`)).json().deletedAt).not.toBeNull();
    expect((await admin().patch(`/api/parties/${p.id}`, { displayName: 'x', version: 2 })).statusCode).toBe(404);
    const restored = await admin().post(`/api/parties/${p.id}/restore`);
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ deletedAt: null, version: 3 });
    expect((await admin().post(`/api/parties/${p.id}/restore`)).statusCode).toBe(409);
    expect((await admin().get(`/api/parties?q=${encodeURIComponent('待删除')}`)).json().items).toHaveLength(1);
  });
});

describe('roles, stages and history', () => {
  it('a new role may start at any stage; later moves must be legal; illegal ones answer 400 with the legal next stages', async () => {
    const p = await create({ displayName: '李娜', roles: [{ role: 'customer', stage: 'prospect' }] });
    const role = p.roles[0];
    const jump = await put(h.org.admin, `/api/parties/${p.id}/roles/customer`, {
      stage: 'loyal',
      version: role.version,
    });
    expect(jump.statusCode).toBe(400);
    expect(jump.json().error.code).toBe('VALIDATION_FAILED');
    expect(jump.json().error.details[0]).toMatchObject({
      path: ['body', 'stage'],
      code: 'illegal_transition',
      from: 'prospect',
      legalNextStages: ['new'],
    });
    const unknown = await put(h.org.admin, `/api/parties/${p.id}/roles/customer`, {
      stage: 'happy',
      version: role.version,
    });
    expect(unknown.json().error.details[0]).toMatchObject({ code: 'unknown_stage' });
    const noVersion = await put(h.org.admin, `/api/parties/${p.id}/roles/customer`, { stage: 'new' });
    expect(noVersion.statusCode).toBe(400);
    const step = await put(h.org.admin, `/api/parties/${p.id}/roles/customer`, {
      stage: 'new',
      reason: '首单成交',
      version: role.version,
    });
    expect(step.statusCode, step.body).toBe(200);
    expect(step.json()).toMatchObject({
      stage: 'new',
      version: role.version + 1,
      legalNextStages: ['developing', 'at_risk', 'churned'],
    });
    const stale = await put(h.org.admin, `/api/parties/${p.id}/roles/customer`, {
      stage: 'developing',
      version: role.version,
    });
    expect(stale.statusCode).toBe(409);
    const scores = await put(
      h.org.admin,
      `/api/parties/${p.id}/roles/customer`,
      { initiativeScore: 2, participationScore: 5, level: 'basic', targetLevel: 'accountable' },
      { 'if-match': String(role.version + 1) },
    );
    expect(scores.json()).toMatchObject({ stage: 'new', quadrant: 'reactive', levelGap: 2 });

    const started = await put(h.org.admin, `/api/parties/${p.id}/roles/partner`, {
      stage: 'loyal',
      stakeholderGroup: 'government_community',
      reason: '导入',
    });
    expect(started.statusCode).toBe(201);
    expect(started.json()).toMatchObject({ role: 'partner', stage: 'loyal', stakeholderGroup: 'government_community' });
    const badGroup = await put(h.org.admin, `/api/parties/${p.id}/roles/supplier`, { stakeholderGroup: 'aliens' });
    expect(badGroup.json().error.details[0]).toMatchObject({
      path: ['body', 'stakeholderGroup'],
      code: 'unknown_reference',
    });

    const history = (await admin().get(`/api/parties/${p.id}/history?role=customer&limit=100`)).json().items;
    const stageMoves = history
      .filter((x: { field: string }) => x.field === 'stage')
      .map((x: { from: string | null; to: string; reason: string | null }) => [x.from, x.to, x.reason]);
    expect(stageMoves).toEqual([
      ['prospect', 'new', '首单成交'],
      [null, 'prospect', null],
    ]);
    expect(
      history.some(
        (x: { field: string; from: string | null; to: string }) =>
          x.field === 'level' && x.from === null && x.to === 'basic',
      ),
    ).toBe(true);
    expect(
      history.some((x: { field: string; to: string }) => x.field === 'target_level' && x.to === 'accountable'),
    ).toBe(true);
  });

  it('employee stages follow their order with any → departing → alumni; candidates not hired become alumni', async () => {
    const hr = await h.user(['hr']);
    const e = await create(
      {
        displayName: '王芳',
        roles: [
          {
            role: 'employee',
            stage: 'onboarding',
            phase: 'awareness',
            employment: { jobTitle: '工程师', salary: 12000 },
          },
        ],
      },
      hr,
    );
    const v = e.roles[0].version;
    const skip = await put(hr, `/api/parties/${e.id}/roles/employee`, { stage: 'alumni', version: v });
    expect(skip.json().error.details[0].legalNextStages).toEqual(['stable', 'departing']);
    const leave = await put(hr, `/api/parties/${e.id}/roles/employee`, {
      stage: 'departing',
      phase: 'dissolution',
      reason: '个人原因',
      version: v,
    });
    expect(leave.json()).toMatchObject({ stage: 'departing', phase: 'dissolution' });
    const c = await create({ displayName: '候选人 A', roles: [{ role: 'candidate' }] }, hr);
    expect(c.roles[0]).toMatchObject({ stage: 'candidate', stakeholderGroup: 'potential_employees' });
    const notHired = await put(hr, `/api/parties/${c.id}/roles/candidate`, {
      stage: 'alumni',
      reason: '未录用',
      version: c.roles[0].version,
    });
    expect(notHired.statusCode).toBe(200);
    const phases = (await h.as(hr).get(`/api/parties/${e.id}/history?field=phase`)).json().items;
    expect(phases[0]).toMatchObject({ from: 'awareness', to: 'dissolution', reason: '个人原因' });
  });

  it('ending a role keeps it in the history; only HR and admins manage employee roles', async () => {
    const p = await create({ displayName: '赵六', roles: [{ role: 'customer' }, { role: 'media' }] });
    expect(
      (await admin().delete(`/api/parties/${p.id}/roles/media?reason=${encodeURIComponent('停刊')}`)).statusCode,
    ).toBe(204);
    const after = (await admin().get(`/api/parties/${p.id}`)).json();
    expect(after.roles.map((r: { role: string }) => r.role)).toEqual(['customer']);
    const ended = (await admin().get(`/api/parties/${p.id}/history?role=media&field=role`)).json().items;
    expect(ended[0]).toMatchObject({ from: 'media', to: null, reason: '停刊' });
    expect((await admin().delete(`/api/parties/${p.id}/roles/media`)).statusCode).toBe(404);
    const restart = await put(h.org.admin, `/api/parties/${p.id}/roles/media`, { stage: 'developing' });
    expect(restart.statusCode).toBe(201);
    const agent = await h.user(['agent']);
    const mine = await create({ displayName: 'Agent’s', roles: [{ role: 'customer' }] }, agent);
    expect((await put(agent, `/api/parties/${mine.id}/roles/employee`, {})).statusCode).toBe(403);
    expect(
      (await h.as(agent).post('/api/parties', { kind: 'person', displayName: 'x', roles: [{ role: 'candidate' }] }))
        .statusCode,
    ).toBe(403);
  });
});
