import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/platform/db/database.ts';
import { tableDigests } from './backup-tables.ts';
import { runTandem } from './run-cli.ts';

// Backup and restore of the embedded database through the CLI: a demo organisation round-trips table for table.
const SLOW = 900_000;
// Each command opens (and migrates) an embedded database, the demo seeds one: minutes on a busy two-core machine.
const long = { timeoutMs: 300_000 };

describe('tandem backup / restore (embedded database)', () => {
  it(
    'round-trips a demo organisation: every table of the restored database holds the same rows',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'tandem-backup-'));
      const secret = 'backup-test-secret-backup-test-secret-00';
      const base = { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', TANDEM_SECRET: secret, TANDEM_DEMO: '0' };
      const from = { ...base, TANDEM_DATA_DIR: path.join(dir, 'from') };
      const to = { ...base, TANDEM_DATA_DIR: path.join(dir, 'to') };
      const file = path.join(dir, 'tandem.backup');
      expect((await runTandem(['migrate'], { env: from, ...long })).status).toBe(0);
      const demo = await runTandem(['demo'], { env: from, ...long });
      expect(demo.status, demo.stderr).toBe(0);

      const backup = await runTandem(['backup', '--to', file], { env: from, ...long });
      expect(backup.status, backup.stderr).toBe(0);
      expect(backup.stdout).toContain('TANDEM_SECRET');
      const restore = await runTandem(['restore', '--from', file], { env: to, ...long });
      expect(restore.status, restore.stderr).toBe(0);
      expect(restore.stdout).toMatch(/Restored .*: 2 organisation\(s\)/);

      const digests = async (dataDir: string) => {
        const h = await openDatabase({ dataDir });
        try {
          return await tableDigests(h.db);
        } finally {
          await h.close();
        }
      };
      const before = await digests(from.TANDEM_DATA_DIR);
      const after = await digests(to.TANDEM_DATA_DIR);
      expect(Object.keys(before).length).toBeGreaterThan(50);
      expect(before['public.party']?.rows).toBeGreaterThan(10);
      expect(after).toEqual(before);

      // A second restore into the same (now full) directory is refused, and changes nothing.
      const again = await runTandem(['restore', '--from', file], { env: to, ...long });
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('already holds a database');
      expect(await digests(to.TANDEM_DATA_DIR)).toEqual(before);
      // A file that is no backup is refused with a message.
      const junk = path.join(dir, 'junk.txt');
      writeFileSync(junk, 'name,email\n');
      const bad = await runTandem(['restore', '--from', junk], {
        env: { ...base, TANDEM_DATA_DIR: path.join(dir, 'x') },
      });
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain('is not a Tandem backup');
    },
    SLOW,
  );
});
