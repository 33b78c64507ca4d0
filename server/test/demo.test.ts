import { describe, expect, it } from 'vitest';
import { createOrganization } from '../src/bootstrap.ts';
import { setup } from './harness.ts';

const h = await setup();
const demo = await createOrganization(h.db.db, {
  name: 'Demo 示例',
  slug: 'demo-test',
  locale: 'zh-CN',
  adminEmail: 'admin@demo-test.local',
  adminPassword: 'demo-password-1',
  demo: true,
});
const as = async (email: string) => h.as(await h.login(email, 'demo-password-1'));

type P = {
  id: string;
  displayName: string;
  ownerId: string | null;
  backupOwnerId: string | null;
  access?: string;
  roles: { role: string; stage?: string; stakeholderGroup: string | null; employment?: Record<string, unknown> }[];
};
const all = async (r: Awaited<ReturnType<typeof as>>, qs: string): Promise<P[]> =>
  (await r.get(`/api/parties?limit=500&${qs}`)).json().items;

describe('demo organisation', () => {
  it('seeds users in both languages and parties in every default stakeholder group', async () => {
    expect(demo.demoUsers.map((u) => u.displayName)).toEqual(expect.arrayContaining(['张伟', 'James Miller', '赵敏']));
    const admin = await as('admin@demo-test.local');
    const parties = await all(admin, '');
    const groups = new Set(parties.flatMap((p) => p.roles.map((r) => r.stakeholderGroup)));
    for (const g of [
      'marketing_staff',
      'line_managers',
      'employees',
      'strategic_decision_makers',
      'company_clients',
      'potential_employees',
      'government_community',
      'natural_environment',
    ]) {
      expect(groups, g).toContain(g);
    }
    expect(parties.map((p) => p.displayName)).toEqual(
      expect.arrayContaining([
        '上海华联贸易有限公司',
        'Emma Wilson',
        '自然环境 Environment',
        '浦东新区人力资源和社会保障局',
      ]),
    );
    const interactions = (await admin.get('/api/interactions?limit=100')).json().items;
    expect(interactions.length).toBeGreaterThanOrEqual(10);
  });

  it('an agent sees the customers they own or back up, and colleagues only in directory form', async () => {
    const agent = await h.login('wang.fang@demo.tandem.local', 'demo-password-1');
    const r = h.as(agent);
    const customers = await all(r, 'role=customer');
    expect(customers.length).toBeGreaterThan(0);
    expect(customers.every((c) => c.ownerId === agent.userId || c.backupOwnerId === agent.userId)).toBe(true);
    const colleagues = (await all(r, 'kind=person')).filter((p) => p.access === 'directory');
    expect(colleagues.length).toBeGreaterThan(0);
    expect(JSON.stringify(colleagues)).not.toContain('salary');
  });

  it('HR sees salaries; every demo user is linked to their own employee record', async () => {
    const hr = await as('zhao.min@demo.tandem.local');
    // Everyone still employed is a demo user; three people left (alumni, with exit interviews).
    const everyone = await all(hr, 'role=employee');
    const alumni = (p: P) => p.roles.some((x) => x.role === 'employee' && x.stage === 'alumni');
    const employees = everyone.filter((p) => !alumni(p));
    expect(employees.length).toBe(demo.demoUsers.length);
    expect(
      everyone
        .filter(alumni)
        .map((p) => p.displayName)
        .sort(),
    ).toEqual(['Olivia Brown', '吴刚', '郑浩'].sort());
    expect(employees.every((e) => e.roles.find((x) => x.role === 'employee')?.employment?.salary)).toBe(true);
    const me = (await hr.get('/api/auth/me')).json();
    expect(me.user.partyId).toEqual(expect.any(String));
    expect((await hr.get(`/api/parties/${me.user.partyId}`)).json().displayName).toBe('赵敏');
  });

  it('has purchases and service cases to look at: an open complaint, a resolved one with its root cause, an inquiry', async () => {
    const admin = await as('admin@demo-test.local');
    const tx = (await admin.get('/api/transactions?limit=100')).json().items as {
      partyName: string;
      amount: string;
      lines: unknown[];
    }[];
    expect(tx.length).toBeGreaterThanOrEqual(10);
    expect(tx.every((t) => t.lines.length === 1 && Number(t.amount) > 0 && t.partyName)).toBe(true);
    const cases = (await admin.get('/api/cases?limit=50')).json().items as {
      type: string;
      status: string;
      rootCause: string | null;
    }[];
    expect(cases.map((c) => `${c.type}:${c.status}`).sort()).toEqual([
      'complaint:new',
      'complaint:resolved',
      'inquiry:new',
    ]);
    expect(cases.find((c) => c.status === 'resolved')?.rootCause).toBe('company_error');
  });

  it('has a year of people data: incentives, a closed appraisal cycle with an improvement plan, 1:1s, PDCA, vision', async () => {
    const hr = await as('zhao.min@demo.tandem.local');
    const cycles = (await hr.get('/api/appraisal-cycles')).json().items as { id: string; status: string }[];
    expect(cycles.map((c) => c.status)).toEqual(['closed']);
    const appraisals = (await hr.get(`/api/appraisals?cycleId=${cycles[0]?.id}`)).json().items as { band: string }[];
    expect(appraisals.filter((a) => a.band === 'bottom')).toHaveLength(1);
    const me = (await hr.get('/api/auth/me')).json();
    expect(me.user.partyId).toEqual(expect.any(String));
    const lead = await as('li.na@demo.tandem.local');
    expect((await lead.get('/api/one-on-ones')).json().items.length).toBeGreaterThanOrEqual(2);
    expect((await hr.get('/api/pdca-cycles')).json().items[0]).toMatchObject({ status: 'check', turn: 1 });
    expect((await hr.get('/api/vision-reviews')).json().items).toHaveLength(2);
    const exits = (await hr.get('/api/people/exit-reasons')).json();
    expect(JSON.stringify(exits)).toContain('external_competitiveness');
    const renewals = (await hr.get('/api/people/contract-renewals')).json().items as { flagged: boolean }[];
    expect(renewals.some((r) => r.flagged)).toBe(true);
    const risk = (await hr.get('/api/people/attrition-risk')).json().items as { score: number }[];
    expect(risk.length).toBe(demo.demoUsers.length);
    const admin = await as('admin@demo-test.local');
    const customers = await all(admin, 'role=customer');
    const byOwner = new Map<string, number>();
    customers.forEach((c) => byOwner.set(c.ownerId ?? '', (byOwner.get(c.ownerId ?? '') ?? 0) + 1));
    const top6 = [...byOwner.values()].sort((a, b) => b - a).slice(0, 6);
    expect(top6.reduce((a, b) => a + b, 0) / customers.length).toBeGreaterThan(0.75);
  });

  it('has an HR-department CRM to look at: links, group targets, a catalogue, an evaluation from a gap survey', async () => {
    const admin = await as('admin@demo-test.local');
    const groups = (await admin.get('/api/hr-crm/groups')).json().items as {
      key: string;
      assessment: { quadrant: string; targetQuadrant: string } | null;
    }[];
    expect(groups.find((g) => g.key === 'line_managers')?.assessment).toMatchObject({
      quadrant: 'reactive',
      targetQuadrant: 'partnership',
    });
    expect((await admin.get('/api/hr-crm/services')).json().items).toHaveLength(8);
    const ev = (await admin.get('/api/hr-crm/groups/company_clients/evaluation')).json();
    expect(ev.dimensions.map((d: { key: string }) => d.key)).toEqual(['quality', 'service']);
    expect(ev.dimensions[1].gap).toBeLessThan(0);
    const [company] = await all(admin, 'q=Northwind');
    const links = (await admin.get(`/api/parties/${company?.id ?? ''}/links`)).json().items;
    expect(links).toEqual([expect.objectContaining({ type: 'works_at', direction: 'in', role: 'Purchasing lead' })]);
  });
});
