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
import { seedParties } from './seed-parties.ts';
import { systemWho } from '../server/src/platform/audit/audit.ts';
import { createUserRecord } from '../server/src/platform/identity/users.service.ts';

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'pglite' },
    users: { type: 'string', default: '20000' },
    parties: { type: 'string', default: '10000' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '32' },
  },
});
const engine = args.engine === 'postgres' ? 'postgres' : 'pglite';
const users = Number(args.users);
const partyCount = Number(args.parties);
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
    const agent = await createUserRecord(handle.db, orgId, { email: 'agent@bench.test', displayName: 'Bench agent', password: 'bench-password-1', roles: ['agent'] }, systemWho(orgId));
    const owners = [agent.id, ...(await handle.db.selectFrom('app_user').select('id').where('org_id', '=', orgId).where('email', 'like', 'user%').orderBy('email').limit(49).execute()).map((r) => r.id)];
    await seedParties(handle.db, orgId, owners, partyCount, (n) => process.stdout.write(`\rparties: ${n}/${partyCount}`));
    process.stdout.write('\n');
    await sql`analyze`.execute(handle.db);
    const seedMs = Date.now() - t0;

    const app = await buildApp({ database: handle, secret: 'bench-secret-bench-secret-bench-secret', logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const addr = app.server.address();
    const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    const tokenFor = async (email: string) => {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'bench-password-1' } });
      const session = login.cookies.find((c) => c.name === 'tandem_session');
      const csrf = login.json<{ csrfToken: string }>().csrfToken;
      const tokenRes = await app.inject({ method: 'POST', url: '/api/tokens', headers: { cookie: `tandem_session=${session?.value ?? ''}`, 'x-csrf-token': csrf }, payload: { name: 'bench' } });
      return { authorization: `Bearer ${tokenRes.json<{ token: string }>().token}` };
    };
    const auth = await tokenFor('admin@bench.test');
    const agentAuth = await tokenFor('agent@bench.test');
    const party = await handle.db.selectFrom('party').select('id').where('org_id', '=', orgId).orderBy('id').offset(Math.floor(partyCount / 2)).limit(1).executeTakeFirstOrThrow();
    const someone = await handle.db.selectFrom('app_user').select('id').where('org_id', '=', orgId).where('email', '=', `user${Math.ceil(users / 2)}@bench.test`).executeTakeFirstOrThrow();

    const cases = [
      { name: 'get user by id', path: `/api/users/${someone.id}`, headers: auth },
      { name: 'users list page (50, sorted)', path: '/api/users?limit=50&sort=displayName&role=agent', headers: auth },
      { name: 'get party by id', path: `/api/parties/${party.id}`, headers: auth },
      { name: 'parties filtered list (stage, -updatedAt)', path: '/api/parties?limit=50&role=customer&stage=loyal&sort=-updatedAt', headers: auth },
      { name: 'parties list as agent (access)', path: '/api/parties?limit=50&role=customer', headers: agentAuth },
      { name: 'search 伟 (1 char)', path: `/api/parties?limit=20&q=${encodeURIComponent('伟')}`, headers: auth },
      { name: 'search 王秀英 (3 chars)', path: `/api/parties?limit=20&q=${encodeURIComponent('王秀英')}`, headers: auth },
      { name: 'search phone 130 0000 0700', path: `/api/parties?limit=20&q=${encodeURIComponent('130 0000 0700')}`, headers: auth },
    ];
    const rows = [];
    for (const c of cases) {
      const probe = await app.inject({ method: 'GET', url: c.path, headers: c.headers });
      if (probe.statusCode !== 200) {
        throw new Error(`${c.name}: ${probe.statusCode} ${probe.body}`);
      }
      const baseline = await bare(probe.json<unknown>());
      const b = await load(baseline.url, {});
      await baseline.close();
      const m = await load(base + c.path, c.headers);
      rows.push({ case: c.name, ...m, bareRps: b.rps, bareP99: b.p99, throughputRatio: +(m.rps / b.rps).toFixed(3) });
    }
    await app.close();

    const result = { date: new Date().toISOString(), engine, users, parties: partyCount, connections, durationSeconds: duration, seedMs, node: process.version, rows };
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
