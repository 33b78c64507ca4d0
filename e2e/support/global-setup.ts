import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { adminEmail, adminPassword, repoRoot } from './admin.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A data directory `tandem migrate` made once per run (the schema, the organisation and its admin). */
    e2eTemplateDir: string;
  }
}

/**
 * Every browser test file starts its own server on a fresh embedded database. Making that database (initdb inside
 * PGlite, every migration, the first organisation) took several seconds a server; it is done once here, and each
 * server starts on a copy (server.ts).
 */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), 'tandem-e2e-template-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TANDEM_DATA_DIR: dir,
    TANDEM_ADMIN_EMAIL: adminEmail,
    TANDEM_ADMIN_PASSWORD: adminPassword,
    TANDEM_DEMO: '0',
  };
  delete env.DATABASE_URL;
  execFileSync(process.execPath, ['server/bin/tandem.js', 'migrate'], { cwd: repoRoot, env, stdio: 'pipe' });
  project.provide('e2eTemplateDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
