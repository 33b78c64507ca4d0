/**
 * npm run bench [-- --engine pglite|postgres --users N --duration S]
 * Read endpoints under autocannon (32 connections), each against a baseline measured in the same run:
 * a bare Fastify route returning the same JSON from memory. Prints a table, writes bench/results/<date>.json.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type autocannon from 'autocannon';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../server/src/app.ts';
import { createOrganization } from '../server/src/bootstrap.ts';
import { openDatabase, type DatabaseHandle } from '../server/src/platform/db/database.ts';
import { migrateToLatest } from '../server/src/platform/db/migrate.ts';
import { startThrowawayPostgres } from './postgres.ts';

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'pglite' },
    users: { type: 'string', default: '20000' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '32' },
  },
});
const engine = args.engine === 'postgres' ? 'postgres' : 'pglite';
const users = Number(args.users);
const duration = Number(args.duration);
const connections = Number(args.connections);

interface Measure {
  p50: number;
  p99: number;
  rps: number;
  errors: number;
}

/** Runs autocannon in its own process, so the load generator does not share the server's event loop. */
async function load(url: string, headers: Record<string, string>): Promise<Measure> {
  const bin = path.join(import.meta.dirname, '..', 'node_modules', 'autocannon', 'autocannon.js');
  const hdrs = Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}=${v}`]);
  const child = spawn(process.execPath, [bin, '-j', '-c', String(connections), '-d', String(duration), ...hdrs, url], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) {
    throw new Error(`autocannon exited ${code}`);
  }
  const r = JSON.parse(out) as autocannon.Result;
  return { p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average, errors: r.errors + r.non2xx };
}

async function bare(body: unknown): Promise<{ url: string; close: () => Promise<void> }> {
  const app = Fastify();
  const json = JSON.stringify(body);
  app.get('/x', (_req, reply) => reply.type('application/json').send(json));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  return { url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/x`, close: () => app.close() };
}

async function main() {
  const pg = engine === 'postgres' ? await startThrowawayPostgres() : null;
  let handle: DatabaseHandle | undefined;
  try {
    handle = await openDatabase(pg ? { databaseUrl: pg.url, poolSize: 20 } : {});
    await migrateToLatest(handle.db);
    const first = await createOrganization(handle.db, { name: 'Bench', slug: 'bench', locale: 'en', adminEmail: 'admin@bench.test', adminPassword: 'bench-password-1', demo: false });
    const orgId = first.org.org_id;
    const t0 = Date.now();
    await sql`
      insert into app_user (org_id, email, display_name, roles, locale)
      select ${orgId}::uuid, 'user' || g || '@bench.test', (array['张','李','王','Smith','Chen'])[1 + g % 5] || ' ' || g, array['agent'], 'zh-CN'
      from generate_series(1, ${users}) g`.execute(handle.db);
    await sql`analyze`.execute(handle.db);
    const seedMs = Date.now() - t0;

    const app = await buildApp({ database: handle, secret: 'bench-secret-bench-secret-bench-secret', logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const addr = app.server.address();
    const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'admin@bench.test', password: 'bench-password-1' } });
    const session = login.cookies.find((c) => c.name === 'tandem_session');
    const csrf = login.json<{ csrfToken: string }>().csrfToken;
    const tokenRes = await app.inject({ method: 'POST', url: '/api/tokens', headers: { cookie: `tandem_session=${session?.value ?? ''}`, 'x-csrf-token': csrf }, payload: { name: 'bench' } });
    const auth = { authorization: `Bearer ${tokenRes.json<{ token: string }>().token}` };
    const someone = await handle.db.selectFrom('app_user').select('id').where('org_id', '=', orgId).where('email', '=', `user${Math.ceil(users / 2)}@bench.test`).executeTakeFirstOrThrow();

    const cases = [
      { name: 'get user by id', path: `/api/users/${someone.id}` },
      { name: 'list page (50, sorted)', path: '/api/users?limit=50&sort=displayName&role=agent' },
      { name: 'search 伟/张 (q)', path: `/api/users?limit=20&q=${encodeURIComponent('张 1')}` },
    ];
    const rows = [];
    for (const c of cases) {
      const body = (await app.inject({ method: 'GET', url: c.path, headers: auth })).json<unknown>();
      const baseline = await bare(body);
      const b = await load(baseline.url, {});
      await baseline.close();
      const m = await load(base + c.path, auth);
      rows.push({ case: c.name, ...m, bareRps: b.rps, bareP99: b.p99, throughputRatio: +(m.rps / b.rps).toFixed(3) });
    }
    await app.close();

    const result = { date: new Date().toISOString(), engine, users, connections, durationSeconds: duration, seedMs, node: process.version, rows };
    console.table(rows.map((r) => ({ case: r.case, 'p50 ms': r.p50, 'p99 ms': r.p99, 'req/s': Math.round(r.rps), 'bare req/s': Math.round(r.bareRps), 'ratio (goal ≥ 0.4)': r.throughputRatio, errors: r.errors })));
    const dir = path.join(import.meta.dirname, 'results');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${result.date.slice(0, 19).replace(/:/g, '-')}-${engine}.json`);
    writeFileSync(file, JSON.stringify(result, null, 2));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  } finally {
    await handle?.close();
    pg?.stop();
  }
}

await main();
