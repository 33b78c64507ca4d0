import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { adminEmail, adminPassword, repoRoot } from './admin.ts';

export { adminEmail, adminPassword, repoRoot };

export interface RunningServer {
  url: string;
  /** Everything the server printed, for failure messages. */
  logs: () => string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the real server (`tandem serve`) on a free port with a fresh embedded database (a copy of the run's migrated
 * one, with the admin below) and the already-built web app, and waits until `/api/health` answers. It builds nothing
 * itself. With `dataDir`, it runs on that data directory and leaves it in place when it stops (a test restarts on it,
 * e.g. after moving a clock back). `env` adds variables that may need the server's address (a mail server needs
 * TANDEM_PUBLIC_URL).
 */
export async function startServer(
  options: { dataDir?: string; env?: (url: string) => Record<string, string> } = {},
): Promise<RunningServer> {
  const external = process.env.TANDEM_E2E_URL;
  if (external) {
    // Debugging aid: a server you started yourself with the same admin credentials.
    return { url: external.replace(/\/$/, ''), logs: () => '', stop: () => Promise.resolve() };
  }
  const webDir = path.join(repoRoot, 'web', 'dist');
  if (!existsSync(path.join(webDir, 'index.html'))) {
    throw new Error(`No web build at ${webDir}: run \`npm run build\` before the browser tests.`);
  }
  const port = await freePort();
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'tandem-e2e-'));
  // A new database is a copy of the run's migrated one (global-setup.ts); a directory a test restarts on is its own.
  if (!readdirSync(dataDir).length) {
    cpSync(inject('e2eTemplateDir'), dataDir, { recursive: true });
  }
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env?.(url),
    PORT: String(port),
    HOST: '127.0.0.1',
    TANDEM_DATA_DIR: dataDir,
    TANDEM_ADMIN_EMAIL: adminEmail,
    TANDEM_ADMIN_PASSWORD: adminPassword,
    TANDEM_DEMO: '0',
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['server/bin/tandem.js', 'serve', '--web-dir', webDir], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (!options.dataDir) {
      rmSync(dataDir, { recursive: true, force: true });
    }
  };

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The server exited with code ${child.exitCode} before it was ready:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) {
        break;
      }
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The server did not answer /api/health within 90 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, logs: () => output, stop };
}
