import { describe, expect, it } from 'vitest';
import { homePath, navConfig, selectedEntry, visibleNav, type NavEntry } from './nav.ts';

const keys = (entries: NavEntry[]): string[] => entries.flatMap((e) => [e.key, ...keys(e.children ?? [])]);

describe('visibleNav', () => {
  const parties = ['parties', 'parties.list', 'parties.board', 'parties.tasks', 'parties.map', 'parties.bin'];
  const service = [
    'service',
    'service.cases',
    'service.metrics',
    'service.alerts',
    'service.slaPolicies',
    'service.grievance',
  ];
  it('shows admins every enabled module', () => {
    const shown = keys(visibleNav(navConfig, ['admin']));
    expect(shown).toEqual([
      ...parties,
      ...service,
      'feedback',
      'feedback.surveys',
      'value',
      'value.overview',
      'value.rfm',
      'value.clv',
      'value.classes',
      'value.customers',
      'value.segments',
      'value.crossSell',
      'value.products',
      'value.transactions',
      'care',
      'care.campaigns',
      'care.rules',
      'care.occasions',
      'care.suppressions',
      'care.referral',
      'care.winback',
      'care.mentions',
      'care.posts',
      'people',
      'people.directory',
      'people.cycles',
      'people.turnover',
      'people.attrition',
      'people.pdca',
      'people.vision',
      'people.settings',
      'hrcrm',
      'hrcrm.butterfly',
      'hrcrm.services',
      'projects',
      'projects.list',
      'projects.reviews',
      'practice',
      'practice.sessions',
      'practice.scenarios',
      'practice.orgs',
      'insight',
      'insight.chain',
      'insight.keyPerson',
      'insight.capability',
      'settings',
      'settings.overview',
      'settings.users',
      'settings.orgUnits',
      'settings.tokens',
      'settings.audit',
      'settings.webhooks',
      'settings.imports',
    ]);
  });
  it('hides admin pages from other roles', () => {
    expect(keys(visibleNav(navConfig, ['agent', 'manager']))).toEqual([
      ...parties,
      ...service,
      'value',
      'value.overview',
      'value.rfm',
      'value.clv',
      'value.classes',
      'value.customers',
      'value.segments',
      'value.crossSell',
      'value.products',
      'value.transactions',
      // Staff read care rules and occasions; campaigns and the suppression list are for admins and marketing.
      'care',
      'care.rules',
      'care.occasions',
      'care.referral',
      'care.winback',
      'care.mentions',
      'care.posts',
      'people',
      'people.directory',
      'people.cycles',
      'people.turnover',
      'people.attrition',
      'people.pdca',
      'people.vision',
      // Agents interview key customers and managers run quality review cycles; projects are org-wide roles' only.
      'projects',
      'projects.reviews',
      'practice',
      'practice.sessions',
      'practice.scenarios',
      // Managers read key-person risk for their units (the server's 403s elsewhere).
      'insight',
      'insight.keyPerson',
      'settings',
      'settings.overview',
      'settings.tokens',
      'settings.imports',
    ]);
  });
  it('shows the Care area to staff, campaigns to admins and marketing, nothing to employees', () => {
    const care = (roles: Parameters<typeof visibleNav>[1]) =>
      keys(visibleNav(navConfig, roles)).filter((k) => k.startsWith('care'));
    expect(care(['marketing'])).toEqual([
      'care',
      'care.campaigns',
      'care.rules',
      'care.occasions',
      'care.suppressions',
      'care.referral',
      'care.winback',
      'care.mentions',
      'care.posts',
    ]);
    expect(care(['agent'])).toEqual([
      'care',
      'care.rules',
      'care.occasions',
      'care.referral',
      'care.winback',
      'care.mentions',
      'care.posts',
    ]);
    expect(care(['employee'])).toEqual([]);
  });
  it('shows each insight page to the roles the server lets read it', () => {
    const insight = (roles: Parameters<typeof visibleNav>[1]) =>
      keys(visibleNav(navConfig, roles)).filter((k) => k.startsWith('insight'));
    expect(insight(['executive'])).toEqual(['insight', 'insight.chain', 'insight.keyPerson', 'insight.capability']);
    expect(insight(['hr'])).toEqual(['insight', 'insight.chain', 'insight.keyPerson']);
    expect(insight(['agent'])).toEqual([]);
    expect(insight(['marketing', 'employee'])).toEqual([]);
  });
  it('shows the People area to HR, admin and managers, its dashboards to executives, none of it to employees', () => {
    const people = (roles: Parameters<typeof visibleNav>[1]) =>
      keys(visibleNav(navConfig, roles)).filter((k) => k.startsWith('people'));
    expect(people(['hr'])).toContain('people.settings');
    expect(people(['manager'])).not.toContain('people.settings');
    // Executives read the aggregates (turnover) and the organisational loops; attrition risk is for HR and managers.
    expect(people(['executive'])).toEqual(['people', 'people.turnover', 'people.pdca', 'people.vision']);
    expect(people(['employee'])).toEqual([]);
    expect(people(['agent', 'marketing'])).toEqual([]);
    expect(keys(visibleNav(navConfig, ['employee']))).toContain('me.appraisals');
  });
  it('shows the HR-department CRM to admin, HR and executives only', () => {
    const hrcrm = (roles: Parameters<typeof visibleNav>[1]) =>
      keys(visibleNav(navConfig, roles)).filter((k) => k.startsWith('hrcrm'));
    for (const role of ['admin', 'hr', 'executive'] as const) {
      expect(hrcrm([role])).toEqual(['hrcrm', 'hrcrm.butterfly', 'hrcrm.services']);
    }
    expect(hrcrm(['manager', 'agent', 'marketing', 'employee'])).toEqual([]);
    const admin = visibleNav(navConfig, ['admin']);
    expect(selectedEntry(admin, '/hr-crm/groups/line_managers')?.key).toBe('hrcrm.butterfly');
    expect(selectedEntry(admin, '/hr-crm/services')?.key).toBe('hrcrm.services');
  });
  it('shows projects to the organisation-wide roles and quality reviews to those who run or interview', () => {
    const of = (roles: Parameters<typeof visibleNav>[1]) =>
      keys(visibleNav(navConfig, roles)).filter((k) => k.startsWith('projects'));
    for (const role of ['admin', 'executive', 'marketing'] as const) {
      expect(of([role])).toEqual(['projects', 'projects.list', 'projects.reviews']);
    }
    expect(of(['manager'])).toEqual(['projects', 'projects.reviews']);
    expect(of(['agent'])).toEqual(['projects', 'projects.reviews']);
    expect(of(['hr'])).toEqual([]);
    expect(of(['employee'])).toEqual([]);
  });

  it('shows practice to everybody (trainers and participants), the practice organisation to admins only', () => {
    const practice = (roles: Parameters<typeof visibleNav>[1]) =>
      keys(visibleNav(navConfig, roles)).filter((k) => k.startsWith('practice'));
    expect(practice(['employee'])).toEqual(['practice', 'practice.sessions', 'practice.scenarios']);
    expect(practice(['hr'])).toEqual(['practice', 'practice.sessions', 'practice.scenarios']);
    expect(practice(['admin'])).toContain('practice.orgs');
    expect(selectedEntry(visibleNav(navConfig, ['agent']), '/practice/sessions/abc')?.key).toBe('practice.sessions');
  });
  it('shows the import page only to roles that may import something', () => {
    for (const role of ['admin', 'manager', 'marketing', 'hr'] as const) {
      expect(keys(visibleNav(navConfig, [role]))).toContain('settings.imports');
    }
    expect(keys(visibleNav(navConfig, ['agent', 'employee', 'executive']))).not.toContain('settings.imports');
    expect(keys(visibleNav(navConfig, ['employee']))).toEqual(
      expect.arrayContaining(['value.products', 'value.transactions']),
    );
  });
  it('shows value analytics to customer staff, segments and cross-sell to HR too, and neither to employees', () => {
    const value = (roles: Parameters<typeof visibleNav>[1]) =>
      keys(visibleNav(navConfig, roles)).filter((k) => k.startsWith('value.'));
    expect(value(['agent'])).toEqual([
      'value.overview',
      'value.rfm',
      'value.clv',
      'value.classes',
      'value.customers',
      'value.segments',
      'value.crossSell',
      'value.products',
      'value.transactions',
    ]);
    expect(value(['hr'])).toEqual(['value.segments', 'value.crossSell', 'value.products', 'value.transactions']);
    expect(value(['employee'])).toEqual(['value.products', 'value.transactions']);
    expect(selectedEntry(visibleNav(navConfig, ['admin']), '/value/segments/new')?.key).toBe('value.segments');
  });
  it('shows surveys only to the roles the server lets read them', () => {
    expect(keys(visibleNav(navConfig, ['executive']))).toContain('feedback.surveys');
    expect(keys(visibleNav(navConfig, ['marketing']))).toContain('feedback.surveys');
    expect(keys(visibleNav(navConfig, ['agent', 'employee']))).not.toContain('feedback');
  });
  it('shows service pages to the roles the server lets use them, and grievances to everybody', () => {
    expect(keys(visibleNav(navConfig, ['agent'])).filter((k) => k.startsWith('service'))).toEqual([
      'service',
      'service.cases',
      'service.metrics',
      'service.alerts',
      'service.grievance',
    ]);
    expect(keys(visibleNav(navConfig, ['employee'])).filter((k) => k.startsWith('service'))).toEqual([
      'service',
      'service.grievance',
    ]);
    expect(keys(visibleNav(navConfig, ['manager']))).toContain('service.slaPolicies');
  });
  it('shows a module only while its flag is on', () => {
    expect(homePath(visibleNav(navConfig, ['employee']))).toBe('/parties');
    const config = navConfig.map((e) => (e.key === 'parties' ? { ...e, enabled: false } : e));
    expect(keys(visibleNav(config, ['employee']))).not.toContain('parties');
    expect(homePath(visibleNav(config, ['employee']))).toBe('/service/grievance');
  });
  it('puts the personal pages first for employees, and starts employees (only) on their surveys', () => {
    expect(keys(visibleNav(navConfig, ['employee'])).slice(0, 5)).toEqual([
      'me',
      'me.surveys',
      'me.grievances',
      'me.appraisals',
      'me.account',
    ]);
    expect(keys(visibleNav(navConfig, ['admin']))).not.toContain('me');
    expect(homePath(visibleNav(navConfig, ['employee']), ['employee'])).toBe('/me/surveys');
    expect(homePath(visibleNav(navConfig, ['employee', 'manager']), ['employee', 'manager'])).toBe('/parties');
    expect(selectedEntry(visibleNav(navConfig, ['employee']), '/me/account')?.key).toBe('me.account');
    expect(selectedEntry(visibleNav(navConfig, ['employee']), '/me/grievances')?.key).toBe('me.grievances');
  });
  it('drops a group whose children are all hidden', () => {
    const config: NavEntry[] = [
      {
        key: 'g',
        path: '/g',
        label: 'x',
        enabled: true,
        children: [{ key: 'g.a', path: '/g/a', label: 'y', enabled: true, roles: ['admin'] }],
      },
    ];
    expect(visibleNav(config, ['employee'])).toEqual([]);
  });
});

describe('selectedEntry', () => {
  it('picks the longest matching path', () => {
    const nav = visibleNav(navConfig, ['admin']);
    expect(selectedEntry(nav, '/settings/users/abc')?.key).toBe('settings.users');
    expect(selectedEntry(nav, '/settings')?.key).toBe('settings.overview');
    expect(selectedEntry(nav, '/settings/usersX')?.key).toBe('settings.overview');
    expect(selectedEntry(nav, '/parties/3f2a')?.key).toBe('parties.list');
    expect(selectedEntry(nav, '/parties/board')?.key).toBe('parties.board');
    expect(selectedEntry(nav, '/parties/relationship-map')?.key).toBe('parties.map');
    expect(homePath(nav)).toBe('/parties');
  });
});
