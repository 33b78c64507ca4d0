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

describe('custom fields and stakeholder groups', () => {
  it('validates custom values against the org’s field definitions', async () => {
    const org = await h.newOrg('custom');
    const s = h.as(org.admin);
    const def = (body: Record<string, unknown>) => s.post('/api/field-definitions', body);
    expect(
      (
        await def({
          key: 'industry',
          labelZh: '行业',
          labelEn: 'Industry',
          type: 'select',
          options: ['制造', '零售'],
          required: true,
        })
      ).statusCode,
    ).toBe(201);
    expect((await def({ key: 'employees', labelZh: '员工数', labelEn: 'Employees', type: 'number' })).statusCode).toBe(
      201,
    );
    expect((await def({ key: 'since', labelZh: '合作起始', labelEn: 'Since', type: 'date' })).statusCode).toBe(201);
    expect((await def({ key: 'since', labelZh: 'x', labelEn: 'x', type: 'text' })).statusCode).toBe(409);
    expect((await def({ key: 'color', labelZh: 'x', labelEn: 'x', type: 'select' })).statusCode).toBe(400);
    const agent = await h.user(['agent'], { orgId: org.orgId });
    expect(
      (await h.as(agent).post('/api/field-definitions', { key: 'x', labelZh: 'x', labelEn: 'x', type: 'text' }))
        .statusCode,
    ).toBe(403);

    const mk = (custom: Record<string, unknown>) =>
      s.post('/api/parties', { kind: 'organization', displayName: '某公司', custom });
    const missing = await mk({ employees: 10 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toEqual([
      expect.objectContaining({ path: ['body', 'custom', 'industry'], code: 'required' }),
    ]);
    const wrong = await mk({ industry: '农业', employees: 'many', since: '2024-13-40', unknown: 1 });
    const byPath = Object.fromEntries(
      wrong.json().error.details.map((d: { path: string[]; code: string }) => [d.path.join('.'), d.code]),
    );
    expect(byPath).toEqual({
      'body.custom.industry': 'invalid_custom_value',
      'body.custom.employees': 'invalid_custom_value',
      'body.custom.since': 'invalid_custom_value',
      'body.custom.unknown': 'unknown_field',
    });
    const ok = await mk({ industry: '制造', employees: 250, since: '2020-05-01' });
    expect(ok.statusCode, ok.body).toBe(201);
    const p = ok.json();
    expect(p.custom).toEqual({ industry: '制造', employees: 250, since: '2020-05-01' });
    const cleared = await s.patch(`/api/parties/${p.id}`, { custom: { since: null }, version: p.version });
    expect(cleared.json().custom).toEqual({ industry: '制造', employees: 250 });
    expect((await s.patch(`/api/parties/${p.id}`, { custom: { industry: null }, version: 2 })).statusCode).toBe(400);
  });

  it('an organisation starts with the eight default stakeholder groups; admins add and deactivate groups', async () => {
    const org = await h.newOrg('groups');
    const s = h.as(org.admin);
    const list = (await s.get('/api/stakeholder-groups')).json().items;
    expect(list.map((g: { key: string }) => g.key)).toEqual([
      'marketing_staff',
      'line_managers',
      'employees',
      'strategic_decision_makers',
      'company_clients',
      'potential_employees',
      'government_community',
      'natural_environment',
    ]);
    expect(list[2]).toMatchObject({ nameZh: '企业内部员工', side: 'internal' });
    const created = await s.post('/api/stakeholder-groups', {
      key: 'investors',
      nameZh: '投资者',
      nameEn: 'Investors',
      side: 'external',
    });
    expect(created.statusCode).toBe(201);
    expect(
      (await s.post('/api/stakeholder-groups', { key: 'investors', nameZh: 'x', nameEn: 'x', side: 'external' }))
        .statusCode,
    ).toBe(409);
    const off = await s.patch(`/api/stakeholder-groups/${created.json().id}`, { active: false, version: 1 });
    expect(off.json()).toMatchObject({ active: false, version: 2 });
    const p = (await s.post('/api/parties', { kind: 'organization', displayName: '基金' })).json();
    const useInactive = await put(org.admin, `/api/parties/${p.id}/roles/partner`, { stakeholderGroup: 'investors' });
    expect(useInactive.statusCode).toBe(400);
    expect(
      (await s.patch(`/api/stakeholder-groups/${created.json().id}`, { key: 'other', version: 2 })).statusCode,
    ).toBe(400);
  });
});

describe('relationship map and API documentation', () => {
  it('counts current roles per stakeholder group × level and × quadrant, for what you may see', async () => {
    const org = await h.newOrg('map');
    const s = h.as(org.admin);
    const role = (level: string, targetLevel: string, i: number, p: number) => ({
      role: 'customer',
      level,
      targetLevel,
      initiativeScore: i,
      participationScore: p,
    });
    await s.post('/api/parties', { kind: 'person', displayName: 'A', roles: [role('reactive', 'partnership', 4, 4)] });
    await s.post('/api/parties', { kind: 'person', displayName: 'B', roles: [role('reactive', 'partnership', 1, 1)] });
    await s.post('/api/parties', {
      kind: 'organization',
      displayName: '环保局',
      roles: [{ role: 'government', level: 'basic' }],
    });
    const agent = await h.user(['agent'], { orgId: org.orgId });
    await h.as(agent).post('/api/parties', { kind: 'person', displayName: 'C', roles: [role('basic', 'basic', 1, 5)] });
    const map = (await s.get('/api/stakeholder-groups/relationship-map')).json();
    expect(map.levels).toEqual([
      { stakeholderGroup: 'company_clients', level: 'basic', targetLevel: 'basic', count: 1 },
      { stakeholderGroup: 'company_clients', level: 'reactive', targetLevel: 'partnership', count: 2 },
      { stakeholderGroup: 'government_community', level: 'basic', targetLevel: null, count: 1 },
    ]);
    expect(map.quadrants).toEqual([
      { stakeholderGroup: 'company_clients', quadrant: 'basic', count: 1 },
      { stakeholderGroup: 'company_clients', quadrant: 'partnership', count: 1 },
      { stakeholderGroup: 'company_clients', quadrant: 'reactive', count: 1 },
      { stakeholderGroup: 'government_community', quadrant: null, count: 1 },
    ]);
    const agentMap = (await h.as(agent).get('/api/stakeholder-groups/relationship-map')).json();
    expect(agentMap.levels).toEqual([
      { stakeholderGroup: 'company_clients', level: 'basic', targetLevel: 'basic', count: 1 },
    ]);
  });

  it('documents every parties endpoint in OpenAPI', async () => {
    const doc = (await admin().get('/api/openapi.json')).json();
    const ops = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, o]) =>
        Object.keys(o).map((m) => `${m.toUpperCase()} ${p}`),
      ),
    );
    for (const op of [
      'GET /api/parties',
      'POST /api/parties',
      'PATCH /api/parties/{id}',
      'DELETE /api/parties/{id}',
      'POST /api/parties/{id}/restore',
      'PUT /api/parties/{id}/roles/{role}',
      'DELETE /api/parties/{id}/roles/{role}',
      'GET /api/parties/{id}/history',
      'GET /api/parties/{id}/timeline',
      'GET /api/parties/{id}/duplicates',
      'POST /api/parties/{id}/merge',
      'POST /api/parties/{id}/unmerge',
      'POST /api/interactions',
      'PATCH /api/interactions/{id}',
      'GET /api/tasks',
      'PATCH /api/tasks/{id}',
      'GET /api/stakeholder-groups',
      'PATCH /api/stakeholder-groups/{id}',
      'GET /api/field-definitions',
      'POST /api/field-definitions',
    ]) {
      expect(ops, op).toContain(op);
    }
    expect(doc.components.schemas.Party).toBeDefined();
    expect(doc.components.schemas.PartyRole.properties.quadrant).toBeDefined();
  });
});
