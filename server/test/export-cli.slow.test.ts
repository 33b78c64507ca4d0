import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runTandem } from './run-cli.ts';

// `tandem export` through the CLI on a temp data dir (PGlite): a BOM so Excel reads UTF-8, Chinese
// names intact, and --as an agent exports only the parties that agent may see.

describe('tandem export (CLI)', () => {
  it('exports parties as CSV with a BOM and Chinese names; an --as agent gets only their own parties', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tandem-export-cli-'));
    const env = {
      ...process.env,
      TANDEM_DATA_DIR: path.join(dir, 'data'),
      DATABASE_URL: '',
      TANDEM_DEMO: '0',
      LOG_LEVEL: 'silent',
      TANDEM_ADMIN_EMAIL: 'boss@example.com',
      TANDEM_ADMIN_PASSWORD: 'correct-horse-battery-9',
    };
    const cli = async (...args: string[]) => {
      const r = await runTandem(args, { env, cwd: dir });
      expect(r.status, r.stderr).toBe(0);
      return r.raw;
    };
    await cli('migrate');
    await cli(
      'create-user',
      '--email',
      'agent@example.com',
      '--password',
      'correct-horse-battery-9',
      '--role',
      'agent',
      '--name',
      '小李',
    );
    const csv = path.join(dir, 'people.csv');
    writeFileSync(
      csv,
      '姓名,邮箱,负责人,标签\n张伟,zhangwei@example.com,agent@example.com,VIP\n王芳,wangfang@example.com,boss@example.com,\n欧阳娜娜,ouyang@example.com,agent@example.com,"重要, 老客"\n',
    );
    expect((await cli('import', 'parties', csv)).toString()).toMatch(/completed: 3 rows, 3 created/);

    const all = await cli('export', 'parties', '--raw', '--format', 'csv', '--columns', 'displayName,emails,tags');
    expect([...all.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = all
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('displayName,emails,tags');
    expect(lines.slice(1).sort()).toEqual(
      ['张伟,zhangwei@example.com,VIP', '欧阳娜娜,ouyang@example.com,重要 老客', '王芳,wangfang@example.com,'].sort(),
    );

    const out = path.join(dir, 'mine.csv');
    await cli('export', 'parties', '--as', 'agent@example.com', '--columns', 'displayName', '--out', out);
    const mine = readFileSync(out, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(mine.slice(1).sort()).toEqual(['张伟', '欧阳娜娜'].sort());

    const gb = await cli(
      'export',
      'parties',
      '--raw',
      '--format',
      'csv-gb18030',
      '--as',
      'agent@example.com',
      '--columns',
      'displayName',
      '--filter',
      'q=欧阳',
    );
    expect(iconv.decode(gb, 'gb18030').trim().split(/\r?\n/)).toEqual(['displayName', '欧阳娜娜']);

    const bad = await runTandem(['export', 'parties', '--as', 'nobody@example.com'], { env });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/No active user nobody@example.com/);
  }, 240_000);
});
