import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTandem, startTandem } from './run-cli.ts';

async function tandem(args: string[], env: Record<string, string>) {
  const res = await runTandem(args, { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, timeoutMs: 90_000 });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

// Each test starts several processes, each opening and migrating an embedded database: seconds apiece on a busy machine.
const SLOW = 180_000;

function dataEnv(): Record<string, string> {
  // The CLI is exercised on the embedded engine (an empty DATABASE_URL counts as unset): these tests are about the commands.
  return { TANDEM_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tandem-cli-')), DATABASE_URL: '' };
}

describe('tandem CLI', () => {
  it(
    '--help lists the commands',
    async () => {
      const r = await tandem(['--help'], {});
      expect(r.code).toBe(0);
      for (const cmd of ['serve', 'migrate', 'create-user', 'set-password', 'demo', 'orgs']) {
        expect(r.out).toContain(cmd);
      }
    },
    SLOW,
  );

  it(
    'migrate on an empty database creates the organisation and admin from the environment; create-user adds a user',
    async () => {
      const env = { ...dataEnv(), TANDEM_ADMIN_EMAIL: 'boss@example.com', TANDEM_ADMIN_PASSWORD: 'boss-password-1' };
      const m = await tandem(['migrate'], env);
      expect(m.err).toBe('');
      expect(m.code).toBe(0);
      expect(m.out).toContain('boss@example.com');
      expect(m.out).not.toContain('boss-password-1');
      const again = await tandem(['migrate'], env);
      expect(again.out).not.toContain('Organisation created');
      const u = await tandem(
        [
          'create-user',
          '--email',
          'Wang@Example.com',
          '--password',
          'wang-password-1',
          '--role',
          'agent,manager',
          '--name',
          '王经理',
        ],
        env,
      );
      expect(u.code).toBe(0);
      expect(u.out).toContain('王经理 <wang@example.com> with roles agent, manager');
      const dup = await tandem(
        ['create-user', '--email', 'wang@example.com', '--password', 'wang-password-1', '--role', 'agent'],
        env,
      );
      expect(dup.code).toBe(1);
      expect(dup.err).toContain('already exists');
      const bad = await tandem(
        ['create-user', '--email', 'x@example.com', '--password', 'short', '--role', 'wizard'],
        env,
      );
      expect(bad.code).toBe(1);
      expect(bad.err).toMatch(/password|roles/);
    },
    SLOW,
  );

  it(
    'with several organisations, commands ask for --org',
    async () => {
      const env = dataEnv();
      expect((await tandem(['migrate'], env)).out).toContain('Password:');
      const d = await tandem(['demo', '--org', 'Acme 示例'], env);
      expect(d.code).toBe(0);
      expect(d.out).toContain('张伟');
      expect(d.out).toContain('James Miller');
      const ambiguous = await tandem(['create-user', '--email', 'a@example.com', '--password', 'a-password-1'], env);
      expect(ambiguous.code).toBe(1);
      expect(ambiguous.err).toContain('--org');
      expect(
        (await tandem(['create-user', '--email', 'a@example.com', '--password', 'a-password-1', '--org', 'acme'], env))
          .code,
      ).toBe(0);
    },
    SLOW,
  );

  it(
    'a bad environment stops with a clear message, not a stack trace',
    async () => {
      const r = await tandem(['migrate'], { ...dataEnv(), PORT: 'abc' });
      expect(r.code).toBe(1);
      expect(r.err).toContain('PORT');
      expect(r.err).not.toMatch(/\n\s+at /);
    },
    SLOW,
  );

  it(
    'a second process on the same embedded data directory stops with a clear message',
    async () => {
      const env = dataEnv();
      const server = startTandem(['serve', '--no-web'], {
        env: { ...process.env, ...env, PORT: '0', LOG_LEVEL: 'warn', TANDEM_DEMO: '0' },
      });
      try {
        await server.waitFor('stdout', (out) => (out.includes('is ready at') ? true : undefined));
        const r = await tandem(['orgs'], env);
        expect(r.code).toBe(1);
        expect(r.err).toMatch(/in use by another Tandem process \(pid \d+\)/);
      } finally {
        server.child.kill('SIGTERM');
        await server.exited;
      }
    },
    SLOW,
  );
});
