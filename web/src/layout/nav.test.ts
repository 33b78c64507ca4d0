import { describe, expect, it } from 'vitest';
import { homePath, navConfig, selectedEntry, visibleNav, type NavEntry } from './nav.ts';

const keys = (entries: NavEntry[]): string[] => entries.flatMap((e) => [e.key, ...keys(e.children ?? [])]);

describe('visibleNav', () => {
  it('hides modules that are not enabled yet', () => {
    const shown = keys(visibleNav(navConfig, ['admin']));
    expect(shown).not.toContain('parties');
    expect(shown).not.toContain('insight');
    expect(shown).toEqual(['settings', 'settings.overview', 'settings.users', 'settings.orgUnits', 'settings.tokens', 'settings.audit']);
  });
  it('hides admin pages from other roles', () => {
    expect(keys(visibleNav(navConfig, ['agent', 'manager']))).toEqual(['settings', 'settings.overview', 'settings.tokens']);
  });
  it('shows a module once its flag is switched on', () => {
    const config = navConfig.map((e) => (e.key === 'parties' ? { ...e, enabled: true } : e));
    expect(keys(visibleNav(config, ['employee']))[0]).toBe('parties');
    expect(homePath(visibleNav(config, ['employee']))).toBe('/parties');
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
    expect(homePath(nav)).toBe('/settings');
  });
});
