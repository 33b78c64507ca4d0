import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { runTandem, startTandem } from './run-cli.ts';
import { openDatabase } from '../src/platform/db/database.ts';

// Crash and resume through the CLI on the embedded database (PGlite in a temp data dir, whatever
// TEST_DATABASE_URL says): kill -9 once the checkpoint has advanced, resume, and count.
const ROWS = 6000;

describe('imports: crash and resume (PGlite, CLI)', () => {
  it('a kill -9 mid-import, then --resume, lands every row exactly once', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tandem-resume-'));
    const env = {
      ...process.env,
      TANDEM_DATA_DIR: path.join(dir, 'data'),
      DATABASE_URL: '',
      TANDEM_DEMO: '0',
      LOG_LEVEL: 'silent',
    };
    const file = path.join(dir, 'people.csv');
    const lines = ['externalId,姓名,邮箱,手机'];
    for (let i = 0; i < ROWS; i++) {
      lines.push(`R${i},客户${i},r${i}@example.com,+86 139 ${String(i).padStart(8, '0')}`);
    }
    writeFileSync(file, `${lines.join('\n')}\n`);
    expect((await runTandem(['migrate'], { env })).status).toBe(0);

    const child = startTandem(['import', 'parties', file, '--upsert-key', 'externalId'], { env });
    // Killed once a progress line shows a checkpoint past the first batch and before the end.
    const id = await child.waitFor(
      'stderr',
      (err) => {
        const m = /import ([0-9a-f-]{36}): \d+% (\d+) rows/.exec(err.split('\n').filter(Boolean).at(-1) ?? '');
        return m?.[1] && Number(m[2]) >= 1000 && Number(m[2]) < ROWS ? m[1] : undefined;
      },
      180_000,
    );
    child.child.kill('SIGKILL');
    await child.exited;

    const resumed = await runTandem(['import', 'parties', '--resume', id], { env });
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(
      new RegExp(`Import ${id} completed: ${ROWS} rows, ${ROWS} created, 0 updated, 0 skipped`),
    );

    const h = await openDatabase({ dataDir: env.TANDEM_DATA_DIR });
    try {
      const counts = await sql<{ n: number; distinct_ids: number; items: number }>`
        select (select count(*) from party)::int as n, (select count(distinct external_id) from party)::int as distinct_ids,
               (select count(*) from import_item)::int as items`.execute(h.db);
      expect(counts.rows[0]).toEqual({ n: ROWS, distinct_ids: ROWS, items: ROWS });
      const noHalfRows = await sql<{
        n: number;
      }>`select count(*)::int as n from party p where not exists (select 1 from party_role r where r.org_id = p.org_id and r.party_id = p.id)`.execute(
        h.db,
      );
      expect(noHalfRows.rows[0]?.n).toBe(0);
    } finally {
      await h.close();
    }
  }, 240_000);
});
