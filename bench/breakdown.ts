/**
 * Where one API read's time goes: for `GET /api/users/:id` and `GET /api/parties/:id`,
 * under the same autocannon settings as `bench/run.ts`, measures in one process:
 * - bare: a bare Fastify route returning the endpoint's JSON from memory (the bench's baseline);
 * - sql: a bare Fastify route running only the endpoint's own SQL (as captured from one request,
 *   auth statements left out) through our pool, then JSON.stringify of the rows;
 * - plugins: a public route inside the real app (helmet, compress, cookie, hooks; no auth) returning the same JSON;
 * - stack: a route inside the real app (helmet, compress, cookie, auth hook with a bearer token,
 *   zod serializer) returning the same JSON from memory;
 * - bearer / cookie: the real endpoint with an API token / a session cookie.
 * Also prints each request's SQL statements with their time, and (--profile FILE) writes a CPU
 * profile of the server side of the `bearer` runs plus its top self-time functions.
 *
 *   node --import tsx bench/breakdown.ts --url postgres://… [--pgdata DIR] [--seed] [--size S] [--duration 5] [--profile FILE]
 *
 * `--seed` seeds the database first (like bench/run.ts); without it an already seeded database
 * (org 'Bench', admin@bench.test) is used, so repeated runs skip the seeding.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type autocannon from 'autocannon';
import Fastify from 'fastify';
import { CompiledQuery, Kysely, PostgresDialect, sql, type LogEvent } from 'kysely';
import pg from 'pg';
import { buildApp } from '../server/src/app.ts';
import { demoSizes, generateDemo, type DemoSize } from '../server/src/demo/generator.ts';
import { listenPostgres, type DatabaseHandle } from '../server/src/platform/db/database.ts';
import { migrateToLatest } from '../server/src/platform/db/migrate.ts';
import type { Database } from '../server/src/platform/db/types.ts';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    seed: { type: 'boolean', default: false },
    size: { type: 'string', default: 'S' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '32' },
    pool: { type: 'string', default: '20' },
    profile: { type: 'string' },
    only: { type: 'string' },
    pgdata: { type: 'string' },
  },
});
if (!args.url) {
  throw new Error('--url postgres://… is required');
}
const PASSWORD = 'bench-password-1';
const duration = Number(args.duration);
const connections = Number(args.connections);

interface Measure {
  p50: number;
  p99: number;
  rps: number;
  errors: number;
  /** CPU time (user + system) per request of this process (the server) and of the PostgreSQL processes. */
  serverUs: number;
  pgUs: number;
}

/** CPU ticks (user + system) of the PostgreSQL cluster's processes (--pgdata: its data directory), else 0. */
function pgTicks(): number {
  const postmaster = args.pgdata
    ? readFileSync(path.join(args.pgdata, 'postmaster.pid'), 'utf8').split('\n')[0]
    : undefined;
  if (!postmaster) {
    return 0;
  }
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const f = stat.slice(close + 2).split(' ');
      if (pid !== postmaster && f[1] !== postmaster) {
        continue;
      }
      total += Number(f[11]) + Number(f[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

async function load(url: string, headers: Record<string, string>): Promise<Measure> {
  const bin = path.join(import.meta.dirname, '..', 'node_modules', 'autocannon', 'autocannon.js');
  const hdrs = Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}=${v}`]);
  const child = spawn(process.execPath, [bin, '-j', '-c', String(connections), '-d', String(duration), ...hdrs, url], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const cpu0 = process.cpuUsage();
  const pg0 = pgTicks();
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) {
    throw new Error(`autocannon exited ${code}`);
  }
  const cpu = process.cpuUsage(cpu0);
  const pgUs = (pgTicks() - pg0) * 10_000; // 100 ticks a second
  const r = JSON.parse(out) as autocannon.Result;
  const n = Math.max(1, r.requests.total);
  return {
    p50: r.latency.p50,
    p99: r.latency.p99,
    rps: Math.round(r.requests.average),
    errors: r.errors + r.non2xx,
    serverUs: Math.round((cpu.user + cpu.system) / n),
    pgUs: Math.round(pgUs / n),
  };
}

/**
 * The app's database, opened like `openDatabase({ databaseUrl })` (same pool and value parsers),
 * plus Kysely's query log: while `recording`, every statement's text and time is kept.
 */
const pool = new pg.Pool({
  connectionString: args.url,
  max: Number(args.pool),
  types: {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === 20
        ? Number
        : oid === 1700 || oid === 1082
          ? (v: string) => v
          : (pg.types.getTypeParser(oid, format) as (v: string) => unknown)) as typeof pg.types.getTypeParser,
  },
});
let recording = false;
const compiled: { sql: string; parameters: readonly unknown[]; ms: number }[] = [];
const log = (e: LogEvent) => {
  if (recording) {
    compiled.push({ sql: e.query.sql, parameters: e.query.parameters, ms: e.queryDurationMillis });
  }
};
const handle: DatabaseHandle = {
  engine: 'postgres',
  db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log }),
  raw: async (text, values) => ({ rows: (await pool.query(text, values)).rows }),
  close: () => Promise.resolve(),
  listen: listenPostgres(args.url),
};

try {
  await migrateToLatest(handle.db);
  if (args.seed) {
    const preset = demoSizes[(args.size ?? 'S') as DemoSize];
    console.log(`seeding ${args.size}…`);
    const demo = await generateDemo(handle.db, {
      orgName: 'Bench',
      adminEmail: 'admin@bench.test',
      password: PASSWORD,
      customers: preset.customers,
      employees: preset.employees,
      transactions: preset.transactions,
      seed: 1,
      locale: 'mixed',
    });
    await sql`
      insert into app_user (org_id, email, display_name, roles, locale)
      select ${demo.orgId}::uuid, 'user' || g || '@bench.test', (array['张','李','王','Smith','Chen'])[1 + g % 5] || ' ' || g, array['agent'], 'zh-CN'
      from generate_series(1, 20000) g`.execute(handle.db);
    await sql`analyze`.execute(handle.db);
  }
  const org = await handle.db
    .selectFrom('app_user')
    .select(['org_id'])
    .where('email', '=', 'admin@bench.test')
    .executeTakeFirstOrThrow();
  const orgId = org.org_id;

  const app = await buildApp({ database: handle, secret: 'bench-secret-bench-secret-bench-secret', logger: false });
  let staticBody = '{}';
  app.get('/api/__bench/static', (_req, reply) => reply.type('application/json').send(staticBody));
  app.get('/api/__bench/public', { config: { public: true } }, (_req, reply) =>
    reply.type('application/json').send(staticBody),
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;

  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: 'admin@bench.test', password: PASSWORD },
  });
  const session = login.cookies.find((c) => c.name === 'tandem_session')?.value ?? '';
  const csrf = login.json<{ csrfToken: string }>().csrfToken;
  const tokenRes = await app.inject({
    method: 'POST',
    url: '/api/tokens',
    headers: { cookie: `tandem_session=${session}`, 'x-csrf-token': csrf },
    payload: { name: 'breakdown' },
  });
  const bearer = { authorization: `Bearer ${tokenRes.json<{ token: string }>().token}` };
  const cookie = { cookie: `tandem_session=${session}` };

  const someone = await handle.db
    .selectFrom('app_user')
    .select('id')
    .where('org_id', '=', orgId)
    .where('email', '=', 'user10000@bench.test')
    .executeTakeFirstOrThrow();
  const preset = demoSizes[(args.size ?? 'S') as DemoSize];
  const party = await handle.db
    .selectFrom('party')
    .select('id')
    .where('org_id', '=', orgId)
    .where('external_id', '=', `C${String(Math.floor(preset.customers / 2) + 1).padStart(7, '0')}`)
    .executeTakeFirstOrThrow();
  const endpoints = [
    { name: 'get user by id', path: `/api/users/${someone.id}` },
    { name: 'get party by id', path: `/api/parties/${party.id}` },
  ].filter((e) => !args.only || e.name.includes(args.only));

  const profiler = args.profile ? new Session() : null;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.setSamplingInterval', { interval: 200 });
  }
  const results: Record<string, unknown>[] = [];
  for (const e of endpoints) {
    // One request of each kind, recording its statements (the auth ones are the first).
    const statements: Record<string, { sql: string; ms: number }[]> = {};
    for (const [kind, headers] of [
      ['bearer', bearer],
      ['cookie', cookie],
    ] as const) {
      await app.inject({ method: 'GET', url: e.path, headers }); // warm
      compiled.length = 0;
      recording = true;
      const probe = await app.inject({ method: 'GET', url: e.path, headers });
      recording = false;
      if (probe.statusCode !== 200) {
        throw new Error(`${e.name}: ${probe.statusCode} ${probe.body}`);
      }
      staticBody = probe.body;
      statements[kind] = compiled.map((c) => ({ sql: c.sql.replace(/\s+/g, ' ').slice(0, 160), ms: +c.ms.toFixed(2) }));
    }
    const endpointSql = compiled
      .filter((c) => !/from "session"|from "api_token"/.test(c.sql))
      .map((c) => ({ sql: c.sql, parameters: c.parameters }));
    console.log(`\n${e.name}: statements per request`);
    for (const [kind, list] of Object.entries(statements)) {
      console.log(`  ${kind}: ${list.length}`);
      list.forEach((s) => console.log(`    ${s.ms} ms  ${s.sql}`));
    }

    const bare = Fastify();
    bare.get('/x', (_req, reply) => reply.type('application/json').send(staticBody));
    const sqlOnly = Fastify();
    sqlOnly.get('/x', async (_req, reply) => {
      let rows: unknown[] = [];
      for (const s of endpointSql) {
        rows = (await handle.db.executeQuery(CompiledQuery.raw(s.sql, [...s.parameters]))).rows;
      }
      return reply.type('application/json').send(JSON.stringify(rows[0]));
    });
    await bare.listen({ port: 0, host: '127.0.0.1' });
    await sqlOnly.listen({ port: 0, host: '127.0.0.1' });
    const urlOf = (f: typeof bare) => {
      const a = f.server.address();
      return `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/x`;
    };
    const row: Record<string, unknown> = { endpoint: e.name };
    row.bare = await load(urlOf(bare), {});
    row.sql = await load(urlOf(sqlOnly), {});
    row.plugins = await load(`${base}/api/__bench/public`, {});
    row.stack = await load(`${base}/api/__bench/static`, bearer);
    if (profiler) {
      await profiler.post('Profiler.start');
    }
    row.bearer = await load(base + e.path, bearer);
    if (profiler) {
      const { profile } = await profiler.post('Profiler.stop');
      const file = args.profile?.replace(/(\.cpuprofile)?$/, `-${e.name.replace(/\W+/g, '-')}.cpuprofile`) ?? '';
      writeFileSync(file, JSON.stringify(profile));
      printTop(profile, e.name);
    }
    row.cookie = await load(base + e.path, cookie);
    await bare.close();
    await sqlOnly.close();
    results.push(row);
  }
  await app.close();
  console.log('');
  console.table(
    results.flatMap((r) =>
      ['bare', 'sql', 'plugins', 'stack', 'bearer', 'cookie'].map((k) => {
        const m = r[k] as Measure;
        return {
          endpoint: r.endpoint,
          variant: k,
          'req/s': m.rps,
          'p50 ms': m.p50,
          'p99 ms': m.p99,
          'server µs/req': m.serverUs,
          'pg µs/req': m.pgUs,
          errors: m.errors,
        };
      }),
    ),
  );
} finally {
  await handle.db.destroy();
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** Top self-time functions and packages of a CPU profile. */
function printTop(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }, name: string) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  (profile.samples ?? []).forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fnTotals = new Map<string, number>();
  const pkgTotals = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id);
    if (!n) {
      continue;
    }
    const url = n.callFrame.url;
    const pkg =
      /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
      (url.includes('/server/src/')
        ? 'tandem:' + url.split('/server/src/')[1]?.split('/').slice(0, 2).join('/')
        : url.startsWith('node:')
          ? url
          : url
            ? 'other'
            : `(${n.callFrame.functionName || 'native'})`);
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
    fnTotals.set(fn, (fnTotals.get(fn) ?? 0) + us);
    pkgTotals.set(pkg, (pkgTotals.get(pkg) ?? 0) + us);
  }
  const top = (m: Map<string, number>, k: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([f, us]) => `    ${((100 * us) / total).toFixed(1).padStart(5)}%  ${f}`)
      .join('\n');
  console.log(
    `\nCPU profile (server process, ${name}, bearer run): top self time by package\n${top(pkgTotals, 15)}\n  by function\n${top(fnTotals, 25)}`,
  );
}
