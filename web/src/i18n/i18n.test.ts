import { describe, expect, it } from 'vitest';
import {
  customerStages,
  employeeStages,
  errorCodes,
  interactionChannels,
  interactionDirections,
  kotlerLevels,
  locales,
  partyKinds,
  partyRoles,
  quadrants,
  relationshipPhases,
  roles,
  sentiments,
  taskKinds,
  taskStatuses,
} from '@tandem/server/api';
import { clientErrorCodes } from '../api/errors.ts';
import { auditActions, entityTypes } from '../pages/settings/shared/auditLabels.ts';
import { navConfig, type NavEntry } from '../layout/nav.ts';
import en from './en.json';
import zhCN from './zh-CN.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') {
      out.set(path, value);
    } else {
      for (const [k, v] of flatten(value, path)) {
        out.set(k, v);
      }
    }
  }
  return out;
}

const languages = { en: flatten(en), 'zh-CN': flatten(zhCN) };
const all = Object.entries(languages);

// Every `t('literal.key')` in the source, so a typo or a forgotten key fails here, not in front of a user.
const sources = import.meta.glob(['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});
const usedKeys = new Set<string>();
for (const text of Object.values(sources) as string[]) {
  for (const match of text.matchAll(/\bt\(\s*'([A-Za-z0-9_.-]+)'/g)) {
    usedKeys.add(match[1] ?? '');
  }
}
const navLabels = (entries: NavEntry[]): string[] => entries.flatMap((e) => [e.label, ...navLabels(e.children ?? [])]);

describe('translations', () => {
  it('covers exactly the same keys in every language', () => {
    const union = new Set(all.flatMap(([, keys]) => [...keys.keys()]));
    for (const [language, keys] of all) {
      const missing = [...union].filter((k) => !keys.has(k));
      expect(missing, `missing in ${language}`).toEqual([]);
    }
  });

  it('has no empty strings', () => {
    for (const [language, keys] of all) {
      const empty = [...keys].filter(([, v]) => v.trim() === '').map(([k]) => k);
      expect(empty, `empty in ${language}`).toEqual([]);
    }
  });

  it('uses the same interpolation variables in every language', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of languages.en) {
      expect(vars(languages['zh-CN'].get(key) ?? ''), key).toEqual(vars(text));
    }
  });

  it('names every role, error code, language, nav entry, audit label and party vocabulary', () => {
    const required = [
      ...roles.map((r) => `roles.${r}`),
      ...errorCodes.map((c) => `errors.${c}`),
      ...clientErrorCodes.map((c) => `errors.${c}`),
      ...locales.map((l) => `languages.${l}`),
      ...navLabels(navConfig),
      ...auditActions.map((a) => `audit.actions.${a}`),
      ...entityTypes.map((e) => `audit.entityTypes.${e}`),
      ...['user', 'token', 'system', 'anonymous'].map((a) => `audit.actorTypes.${a}`),
      ...(navConfig.find((e) => e.key === 'settings')?.children ?? [])
        .filter((e) => e.key !== 'settings.overview')
        .map((e) => `settings.sections.${e.key.split('.')[1] ?? ''}`),
      ...partyRoles.map((r) => `parties.roles.${r}`),
      ...[...customerStages, ...employeeStages].map((s) => `parties.stages.${s}`),
      ...kotlerLevels.map((l) => `parties.levels.${l}`),
      ...quadrants.flatMap((q) => [`parties.quadrants.${q}`, `parties.quadrantHints.${q}`]),
      ...relationshipPhases.map((p) => `parties.phases.${p}`),
      ...partyKinds.map((k) => `parties.kinds.${k}`),
      ...['email', 'phone', 'name'].map((r) => `parties.duplicateReasons.${r}`),
      ...['role', 'stage', 'level', 'target_level', 'phase', 'owner', 'backup_owner'].map(
        (f) => `parties.historyFields.${f}`,
      ),
      ...[
        'employeeNo',
        'jobTitle',
        'hireDate',
        'careerTrack',
        'grade',
        'salary',
        'exitDate',
        'exitReason',
        'manager',
      ].map((k) => `parties.employment.${k}`),
      ...['facts', 'preferences', 'factsHint', 'preferencesHint'].map((k) => `parties.profile.${k}`),
      ...['feelings', 'worries', 'life_event', 'other'].map((k) => `parties.profile.topics.${k}`),
      ...interactionChannels.map((c) => `interactions.channels.${c}`),
      ...interactionDirections.map((d) => `interactions.directions.${d}`),
      ...sentiments.map((x) => `interactions.sentiments.${x}`),
      ...taskKinds.map((k) => `tasks.kinds.${k}`),
      ...taskStatuses.map((x) => `tasks.statuses.${x}`),
      ...['overdue', 'today', 'week'].flatMap((d) => [`tasks.tabs.${d}`, `tasks.empty.${d}`]),
    ];
    for (const [language, keys] of all) {
      expect(
        required.filter((k) => !keys.has(k)),
        `missing in ${language}`,
      ).toEqual([]);
    }
  });

  it('defines every key the source code uses', () => {
    expect(usedKeys.size).toBeGreaterThan(100);
    for (const [language, keys] of all) {
      expect(
        [...usedKeys].filter((k) => !keys.has(k)),
        `missing in ${language}`,
      ).toEqual([]);
    }
  });

  it('shows each language by its own name', () => {
    expect(languages.en.get('languages.zh-CN')).toBe('简体中文');
    expect(languages['zh-CN'].get('languages.en')).toBe('English');
  });
});
