import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from './harness.ts';
import { unscopedQueries } from './org-scope.ts';

// Every repository query filters by org_id (docs/scale.md "Every query filters by org_id"; docs/architecture.md
// "Tenancy"): the static check of ./org-scope.ts over every *.repository.ts and *.access.ts, against the tables that
// carry an org_id in the migrated schema.
const h = await openTestDatabase();
afterAll(() => h.dropAfter());

const src = path.resolve(import.meta.dirname, '../src');
const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(repository|access)\.ts$/.test(f))
  .map((f) => path.join(src, f));

describe('organisation scope of repository queries', () => {
  it('every query on an organisation table names its org_id', async () => {
    const { rows } = await sql<{ name: string }>`
      select distinct table_name as name from information_schema.columns
      where table_schema = current_schema() and column_name = 'org_id'`.execute(h.db);
    const tenant = rows.map((r) => r.name).filter((t) => t !== 'organization');
    expect(tenant.length).toBeGreaterThan(50);
    expect(files.length).toBeGreaterThan(50);
    const found = unscopedQueries(files, tenant).map(
      (f) => `${path.relative(src, f.file)}:${f.line} ${f.kind} ${f.problem} ${f.table} as ${f.alias}`,
    );
    expect(found).toEqual([]);
  });

  it('the check itself: what it flags and what it lets through', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'org-scope-')), 'sample.repository.ts');
    writeFileSync(
      file,
      [
        "const a = db.selectFrom('party').selectAll().where('id', '=', id);",
        "const b = db.selectFrom('party').selectAll().where('org_id', '=', orgId).where('id', '=', id);",
        "const c = db.selectFrom('party as p').innerJoin('task as t', 't.party_id', 'p.id').where('p.org_id', '=', orgId);",
        'const d = sql`select * from party p join task t on t.org_id = p.org_id where p.id = ${id}`;',
        'const e = sql`select * from party p join task t on t.org_id = p.org_id where p.org_id = ${orgId}`;',
        'const f = sql`exists (select 1 from task t where t.org_id = p.org_id and t.party_id = p.id)`;',
        '// org-scope: a sweep of every organisation.',
        "const g = db.deleteFrom('session').where('expires_at', '<', now);",
        "const h = db.updateTable('party').set({ x: 1 }).where('id', '=', id).where('org_id', '=', 'literal');",
      ].join('\n'),
    );
    const found = unscopedQueries([file], ['party', 'task', 'session']).map((f) => `${f.line} ${f.problem} ${f.alias}`);
    expect(found).toEqual(['1 table party', '1 anchor party', '3 table t', '4 anchor p', '9 anchor party']);
  });
});
