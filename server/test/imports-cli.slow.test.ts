import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTandem } from './run-cli.ts';

// `tandem import` through the CLI on a temp data dir (PGlite): its size limit, and where its error report goes.

const envIn = (dir: string) => ({
  ...process.env,
  TANDEM_DATA_DIR: path.join(dir, 'data'),
  DATABASE_URL: '',
  TANDEM_DEMO: '0',
  LOG_LEVEL: 'silent',
});

describe('tandem import (CLI)', () => {
  it('TANDEM_IMPORT_MAX_BYTES limits the CLI import, and a bad value stops it naming the variable', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tandem-import-max-'));
    const env = {
      ...process.env,
      TANDEM_DATA_DIR: path.join(dir, 'data'),
      DATABASE_URL: '',
      TANDEM_DEMO: '0',
      LOG_LEVEL: 'silent',
    };
    const file = path.join(dir, 'people.csv');
    writeFileSync(file, `姓名\n${'很长的名字'.repeat(20)}\n`);
    const bad = await runTandem(['import', 'parties', file], { env: { ...env, TANDEM_IMPORT_MAX_BYTES: 'lots' } });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/TANDEM_IMPORT_MAX_BYTES must be a number of bytes/);
    expect((await runTandem(['migrate'], { env })).status).toBe(0);
    const tooBig = await runTandem(['import', 'parties', file], {
      env: { ...env, TANDEM_IMPORT_MAX_BYTES: '100' },
      cwd: dir,
    });
    expect(tooBig.status).toBe(1);
    expect(tooBig.stderr).toMatch(/larger than the import limit/);
    const ok = await runTandem(['import', 'parties', file], { env, cwd: dir });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/completed: 1 rows, 1 created/);
  }, 120_000);

  it('writes the error report to the data directory, or to --report, never the working directory', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tandem-import-report-'));
    const env = envIn(dir);
    const cwd = path.join(dir, 'cwd');
    mkdirSync(cwd);
    const file = path.join(dir, 'people.csv');
    writeFileSync(file, '姓名,邮箱\n张伟,zhangwei@example.com\n王芳,not-an-email\n');
    expect((await runTandem(['migrate'], { env })).status).toBe(0);

    const first = await runTandem(['import', 'parties', file], { env, cwd });
    expect(first.status, first.stderr).toBe(0);
    const id = /Import ([0-9a-f-]{36}) completed: 2 rows, 1 created/.exec(first.stdout)?.[1];
    expect(id).toBeDefined();
    const inDataDir = path.join(env.TANDEM_DATA_DIR, 'reports', `import-${id}-errors.csv`);
    expect(first.stdout).toContain(`Error report: ${inDataDir}`);
    expect(readFileSync(inDataDir, 'utf8')).toMatch(/^\uFEFFrow,column,code,message,value\n3,邮箱,/);

    const given = path.join(dir, 'elsewhere', 'errors.csv');
    const second = await runTandem(['import', 'parties', file, '--report', given], { env, cwd });
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain(`Error report: ${given}`);
    expect(readFileSync(given, 'utf8')).toMatch(/\n3,邮箱,/);
    expect(readdirSync(cwd)).toEqual([]);
  }, 120_000);
});
