import { describe, expect, it } from 'vitest';
import { homePath, navConfig, selectedEntry, visibleNav, type NavEntry } from './nav.ts';

const keys = (entries: NavEntry[]): string[] => entries.flatMap((e) => [e.key, ...keys(e.children ?? [])]);

describe('visibleNav', () => {
  const parties = ['parties', 'parties.list', 'parties.board', 'parties.tasks', 'parties.map'];
  it('hides modules that are not enabled yet', () => {
    const shown = keys(visibleNav(navConfig, ['admin']));
    expect(shown).not.toContain('insight');
    expect(shown).toEqual([...parties, 'settings', 'settings.overview', 'settings.users', 'settings.orgUnits', 'settings.tokens', 'settings.audit']);
  });
  it('hides admin pages from other roles', () => {
    expect(keys(visibleNav(navConfig, ['agent', 'manager']))).toEqual([...parties, 'settings', 'settings.overview', 'settings.tokens']);
  });
  it('shows a module only while its flag is on', () => {
    expect(homePath(visibleNav(navConfig, ['employee']))).toBe('/parties');
    const config = navConfig.map((e) => (e.key === 'parties' ? { ...e, enabled: false } : e));
    expect(keys(visibleNav(config, ['employee']))).not.toContain('parties');
    expect(homePath(visibleNav(config, ['employee']))).toBe('/settings');
  });
  it('drops a group whose children are all hidden', () => {
    const config: NavEntry[] = [{ key: 'g', path: '/g', label: 'x', enabled: true, children: [{ key: 'g.a', path: '/g/a', label: 'y', enabled: true, roles: ['admin'] }] }];
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
