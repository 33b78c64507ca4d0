import { describe, expect, it } from 'vitest';
import { auditActions, entityTypes } from './auditLabels.ts';

// The server's sources, read as text: every action and record type it writes to the audit log (or counts per day)
// must be in the lists the audit page filters by (the i18n test then makes sure each has a label in both languages).
const serverSources = import.meta.glob(
  ['../../../../../server/src/**/*.ts', '!../../../../../server/src/**/*.test.ts'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
);

function written(): { actions: Set<string>; entityTypes: Set<string> } {
  const actions = new Set<string>();
  const types = new Set<string>();
  for (const text of Object.values(serverSources) as string[]) {
    for (const call of text.matchAll(/recordAudit\(([\s\S]{0,600}?)\}\s*\)/g)) {
      const body = call[1] ?? '';
      const action = /action:([^,\n]*)/.exec(body)?.[1] ?? '';
      for (const literal of action.matchAll(/'([a-z_.]+)'/g)) {
        actions.add(literal[1] ?? '');
      }
      const type = /entityType:\s*'([a-z_]+)'/.exec(body)?.[1];
      if (type) {
        types.add(type);
      }
    }
    for (const call of text.matchAll(/countAnonymous\([^)]*'([a-z_.]+)'\)/g)) {
      actions.add(call[1] ?? '');
    }
  }
  return { actions, entityTypes: types };
}

describe('audit labels', () => {
  const found = written();

  it('reads the server sources', () => {
    expect(Object.keys(serverSources).length).toBeGreaterThan(50);
    expect(found.actions).toContain('survey.invite');
    expect(found.actions).toContain('grievance.follow_up');
  });

  it('lists every action the server writes', () => {
    expect([...found.actions].filter((a) => !(auditActions as readonly string[]).includes(a)).sort()).toEqual([]);
  });

  it('lists every record type the server writes', () => {
    expect([...found.entityTypes].filter((e) => !(entityTypes as readonly string[]).includes(e)).sort()).toEqual([]);
  });
});
