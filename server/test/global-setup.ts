import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PostgreSQL database every test file clones (only when TEST_DATABASE_URL is set). */
    pgTemplate: string | null;
  }
}

// On PostgreSQL every test file used to create an empty database and run every migration (about two seconds a file);
// cloning one migrated template takes half that. The template is made once per run here, in the main process, and
// dropped at the end. PGlite files clone their own in-memory template per worker (harness.ts).
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    project.provide('pgTemplate', null);
    return;
  }
  const name = `tandem_template_${randomBytes(6).toString('hex')}`;
  await adminQuery(base, `create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const h = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
  try {
    await migrateToLatest(h.db);
  } finally {
    await h.close();
  }
  project.provide('pgTemplate', name);
  return () => adminQuery(base, `drop database if exists ${name} with (force)`);
}

async function adminQuery(base: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}
