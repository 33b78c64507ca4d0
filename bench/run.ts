/**
 * npm run bench [-- --size S|M|L --engine pglite|postgres --duration 5 --connections 32]
 *
 * Seeds a generated organisation (`tandem demo` generator at the size: S 10k customers / 100k
 * transactions, M 100k / 1M, L 1M / 10M; --customers/--transactions override), then measures, each
 * against a baseline measured in the same run:
 * - API reads (get-by-id, list pages, search) under autocannon in its own process with 32
 *   connections: p50/p99/throughput vs a bare Fastify route running the endpoint's own SQL (as one request of it
 *   ran them) through the same pool, no auth (bench/reads.ts); `--repeat N` measures each case N times and reports
 *   the medians, `--case 'A|B'` keeps the cases whose name holds A or B, `--only reads` skips import and value;
 * - import: transactions with lines through the bulk path the importer uses (validation included)
 *   vs a raw COPY of the same rows into scratch tables with the same columns and indexes.
 * - value analytics (summary, RFM, value classes, concentration, cohorts, CLV): each endpoint vs the best
 *   hand-written SQL for the same answer, and the CLV fit time (bench/value-core.ts, bench/value-bench.ts);
 *   `--only value` runs just these after seeding.
 * `--url postgres://…@host/db` uses that PostgreSQL server instead of a throwaway one (a database of its own is
 * created in it and dropped afterwards, or kept with `--keep`). `--seeded postgres://…/db` measures the organisation
 * "Bench" already in that database (seeded by a `--keep` run, or by `tandem demo --org Bench --admin-email
 * admin@bench.test --size X` with the same --size) without seeding again: an L database takes twenty minutes to load,
 * its reads five to measure. It sets the admin's and the sample agent's passwords to the bench's own.
 * Prints a table and writes bench/results/<date>-<engine>-<size>.json.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { buildApp } from '../server/src/app.ts';
import { demoSizes, generateDemo, type DemoSize, type GeneratorResult } from '../server/src/demo/generator.ts';
import { openDatabase, type DatabaseHandle } from '../server/src/platform/db/database.ts';
import { migrateToLatest } from '../server/src/platform/db/migrate.ts';
import { importBench, type CopyFrom } from './import-bench.ts';
import { measureReads, printReads, recordStatement, type ReadCase, type ReadRow } from './reads.ts';
import { valueBench, type ValueBenchRow } from './value-bench.ts';
import { openBenchPglite } from './pglite.ts';
import { adopt } from './seeded.ts';
import { databaseOn, startThrowawayPostgres } from './postgres.ts';
import { valueCoreBench } from './value-core.ts';

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'pglite' },
    size: { type: 'string', default: 'S' },
    customers: { type: 'string' },
    transactions: { type: 'string' },
    employees: { type: 'string' },
    users: { type: 'string', default: '20000' },
    'import-rows': { type: 'string', default: '50000' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '32' },
    only: { type: 'string' },
    case: { type: 'string' },
    repeat: { type: 'string', default: '1' },
    url: { type: 'string' },
    keep: { type: 'boolean', default: false },
    seeded: { type: 'string' },
  },
});
const engine = args.engine === 'postgres' || args.url || args.seeded ? 'postgres' : 'pglite';
const size = (['S', 'M', 'L'].includes(args.size) ? args.size : 'S') as DemoSize;
const preset = demoSizes[size];
const customers = Number(args.customers ?? preset.customers);
const transactions = Number(args.transactions ?? preset.transactions);
const employees = Number(args.employees ?? preset.employees);
const extraUsers = Number(args.users);
const duration = Number(args.duration);
const connections = Number(args.connections);
const PASSWORD = 'bench-password-1';

type App = Awaited<ReturnType<typeof buildApp>>;

/** Batch times per phase: a batch that costs more as the table grows would make a load quadratic. */
const batchTimes = new Map<string, number[]>();
export const batchGrowth: { phase: string; first: number; median: number; last: number; grows: boolean }[] = [];

const progress = (p: { phase: string; done: number; total: number; rowsPerSecond: number; batchMs: number }) => {
  batchTimes.set(p.phase, [...(batchTimes.get(p.phase) ?? []), p.batchMs]);
  process.stdout.write(
    `\r  ${p.phase}: ${p.done}/${p.total} (${p.rowsPerSecond} rows/s)      ${p.done >= p.total ? '\n' : ''}`,
  );
};

/** First, median and last batch of every phase with three or more batches; a last above 1.5× the first is flagged. */
function summariseBatches() {
  for (const [phase, times] of batchTimes) {
    if (times.length < 3) {
      continue;
    }
    const sorted = [...times].sort((x, y) => x - y);
    const [first, last] = [times[0] ?? 0, times.at(-1) ?? 0];
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    const grows = last > 1.5 * first;
    batchGrowth.push({ phase, first, median, last, grows });
    console.log(`  batches of ${phase} (${times.length}): first ${first} ms, median ${median} ms, last ${last} ms`);
    if (grows) {
      const x = (last / Math.max(1, first)).toFixed(1);
      console.log(`  !!! ${phase}: the last batch took ${x}× the first: batch cost grows with the table`);
    }
  }
}

/** The generated organisation, plus users that only fill the table (for the user list cases); fresh planner statistics. */
async function seed(h: DatabaseHandle): Promise<{ demo: GeneratorResult; seedMs: number }> {
  console.log(
    `Seeding size ${size} on ${engine}: ${customers} customers, ${transactions} transactions, ${employees} employees`,
  );
  const t0 = Date.now();
  const demo = await generateDemo(h.db, {
    orgName: 'Bench',
    adminEmail: 'admin@bench.test',
    password: PASSWORD,
    customers,
    employees,
    transactions,
    seed: 1,
    locale: 'mixed',
    onProgress: progress,
  });
  summariseBatches();
  // Extra users for the user list cases (no passwords; they only fill the table).
  await sql`
    insert into app_user (org_id, email, display_name, roles, locale)
    select ${demo.orgId}::uuid, 'user' || g || '@bench.test', (array['张','李','王','Smith','Chen'])[1 + g % 5] || ' ' || g, array['agent'], 'zh-CN'
    from generate_series(1, ${extraUsers}) g`.execute(h.db);
  await sql`analyze`.execute(h.db);
  return { demo, seedMs: Date.now() - t0 };
}

/** An API token of a user, through sign-in and the token endpoint. */
async function tokenFor(app: App, email: string): Promise<Record<string, string>> {
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password: PASSWORD },
  });
  if (login.statusCode !== 200) {
    throw new Error(`login ${email}: ${login.statusCode} ${login.body}`);
  }
  const session = login.cookies.find((c) => c.name === 'tandem_session');
  const csrf = login.json<{ csrfToken: string }>().csrfToken;
  const tokenRes = await app.inject({
    method: 'POST',
    url: '/api/tokens',
    headers: { cookie: `tandem_session=${session?.value ?? ''}`, 'x-csrf-token': csrf },
    payload: { name: 'bench' },
  });
  return { authorization: `Bearer ${tokenRes.json<{ token: string }>().token}` };
}

/** Records the read cases name, picked from the middle of the generated data. */
async function probes(h: DatabaseHandle, orgId: string) {
  const mid = Math.floor(customers / 2);
  const party = await h.db
    .selectFrom('party')
    .select(['id', 'display_name', 'phones'])
    .where('org_id', '=', orgId)
    .where('external_id', '=', `C${String(mid + 1).padStart(7, '0')}`)
    .executeTakeFirstOrThrow();
  const zhCustomer = await h.db
    .selectFrom('party')
    .select('display_name')
    .where('org_id', '=', orgId)
    .where('external_id', 'like', 'C%')
    .where('locale', '=', 'zh-CN')
    .where('kind', '=', 'organization')
    .orderBy('external_id')
    .offset(Math.floor(customers / 20))
    .limit(1)
    .executeTakeFirst();
  const someone = await h.db
    .selectFrom('app_user')
    .select('id')
    .where('org_id', '=', orgId)
    .where('email', '=', `user${Math.ceil(Math.max(1, extraUsers) / 2)}@bench.test`)
    .executeTakeFirst();
  const tx = await h.db
    .selectFrom('transaction')
    .select(['id', 'party_id'])
    .where('org_id', '=', orgId)
    .orderBy('occurred_at', 'desc')
    .offset(Math.floor(transactions / 2))
    .limit(1)
    .executeTakeFirstOrThrow();
  return { party, zhCustomer, someone, tx };
}

/** The read cases: by id, filtered and sorted pages, searches, and an agent's views (access in the query). */
async function readCases(app: App, h: DatabaseHandle, demo: GeneratorResult): Promise<ReadCase[]> {
  const auth = await tokenFor(app, 'admin@bench.test');
  const rep = demo.sampleUsers.find((u) => u.roles.includes('agent') && !u.roles.includes('manager'));
  const agentAuth = await tokenFor(app, rep?.email ?? 'admin@bench.test');
  const { party, zhCustomer, someone, tx } = await probes(h, demo.orgId);
  const search3 = (zhCustomer?.display_name ?? party.display_name).slice(2, 5);
  const phone = (party.phones[0] ?? '13000000000').slice(-8);
  return [
    ...(someone ? [{ name: 'get user by id', path: `/api/users/${someone.id}`, headers: auth }] : []),
    { name: 'users list page (50, sorted)', path: '/api/users?limit=50&sort=displayName&role=agent', headers: auth },
    { name: 'get party by id', path: `/api/parties/${party.id}`, headers: auth, target: true },
    {
      name: 'parties filtered list (stage, -updatedAt)',
      path: '/api/parties?limit=50&role=customer&stage=loyal&sort=-updatedAt',
      headers: auth,
      target: true,
    },
    { name: 'parties list as agent (access)', path: '/api/parties?limit=50&role=customer', headers: agentAuth },
    { name: 'search 王 (1 char)', path: `/api/parties?limit=20&q=${encodeURIComponent('王')}`, headers: auth },
    {
      name: `search ${search3} (3 chars)`,
      path: `/api/parties?limit=20&q=${encodeURIComponent(search3)}`,
      headers: auth,
    },
    { name: 'search phone (8 digits)', path: `/api/parties?limit=20&q=${encodeURIComponent(phone)}`, headers: auth },
    { name: 'get transaction by id', path: `/api/transactions/${tx.id}`, headers: auth },
    {
      name: "a party's transactions (page)",
      path: `/api/transactions?limit=50&partyId=${tx.party_id}`,
      headers: auth,
    },
    {
      name: 'transactions list (month, channel)',
      path: '/api/transactions?limit=50&from=2025-06-01T00:00:00Z&to=2025-07-01T00:00:00Z&channel=online',
      headers: auth,
    },
    { name: 'transactions list as agent (access)', path: '/api/transactions?limit=50', headers: agentAuth },
    { name: 'products list page', path: '/api/products?limit=50&active=true', headers: auth },
  ];
}

/** API reads through a listening server, each against the endpoint's own SQL (bench/reads.ts). */
async function readBench(h: DatabaseHandle, demo: GeneratorResult): Promise<ReadRow[]> {
  const app = await buildApp({ database: h, secret: 'bench-secret-bench-secret-bench-secret', logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const cases = (await readCases(app, h, demo)).filter(
    (c) => !args.case || args.case.split('|').some((t) => c.name.includes(t)),
  );
  const rows = await measureReads(app, h, base, cases, { connections, duration, repeat: Number(args.repeat) });
  await app.close();
  return rows;
}

/** COPY on each engine: PGlite from a blob; PostgreSQL server-side from a file its superuser may read. */
function copyFromFor(
  h: DatabaseHandle,
  lite: Awaited<ReturnType<typeof openBenchPglite>> | null,
  copyDir: string | null,
): CopyFrom {
  return async (table, columns, csv) => {
    const cols = columns.join(', ');
    if (lite) {
      await lite.copyFrom(`copy ${table} (${cols}) from '/dev/blob' with (format csv)`, csv);
      return;
    }
    // Server-side COPY from a file the server reads (the throwaway cluster's superuser may).
    const file = path.join(copyDir as string, `${table}.csv`);
    writeFileSync(file, csv);
    chmodSync(copyDir as string, 0o755);
    chmodSync(file, 0o644);
    await h.raw(`copy ${table} (${cols}) from '${file}' with (format csv)`);
  };
}

/** Value analytics through the app against hand-written SQL (bench/value-core.ts, bench/value-bench.ts), as admin. */
async function runValueBench(h: DatabaseHandle, demo: GeneratorResult): Promise<ValueBenchRow[]> {
  const app = await buildApp({ database: h, secret: 'bench-secret-bench-secret-bench-secret', logger: false });
  await app.ready();
  const auth = await tokenFor(app, 'admin@bench.test');
  const core = await valueCoreBench(app, h, demo.orgId, auth);
  const rows: ValueBenchRow[] = [
    ...core.map((r) => ({ case: r.case, apiMs: r.endpointMs, sqlMs: r.handSqlMs, ratio: r.ratio, status: 200 })),
    ...(await valueBench(app, h, demo.orgId, auth)),
  ];
  await app.close();
  return rows;
}

/** This process's peak resident memory so far (the kernel's high-water mark, so nothing has to sample it). */
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

type Reads = ReadRow[];
type Import = Awaited<ReturnType<typeof importBench>>;

/** Prints the tables and writes bench/results/<date>-<engine>-<size>.json. */
function report(rows: Reads, imp: Import | null, value: ValueBenchRow[], demo: GeneratorResult, seedMs: number): void {
  const result = {
    date: new Date().toISOString(),
    engine,
    size,
    customers,
    transactions,
    employees,
    extraUsers,
    connections,
    durationSeconds: duration,
    seedMs,
    peakRssMb: peakRssMb(),
    generatorTransactionLoad: demo.transactionLoad,
    node: process.version,
    baselines: {
      reads:
        "a bare Fastify route running the endpoint's own SQL (recorded from one request; auth and organisation settings left out) through the same pool, no auth, same autocannon settings",
      import:
        engine === 'postgres'
          ? "server-side COPY … FROM '<file>' (CSV) into scratch tables LIKE the real ones INCLUDING ALL, plus their foreign keys"
          : "COPY … FROM '/dev/blob' (CSV) into scratch tables LIKE the real ones INCLUDING ALL, plus their foreign keys",
    },
    rows,
    import: imp,
    value,
  };
  if (imp) {
    console.table([
      {
        case: `import ${imp.rows} transactions (${imp.lines} lines)`,
        'bulk path rows/s': imp.bulkRowsPerSecond,
        'COPY rows/s': imp.copyRowsPerSecond,
        'ratio (goal ≥ 0.5 on PostgreSQL)': imp.ratio,
      },
    ]);
  }
  if (value.length) {
    console.table(
      value.map((v) => ({
        case: v.case,
        'API ms': v.apiMs,
        'SQL ms': v.sqlMs,
        'ratio (goal ≤ 1.3)': v.ratio,
        status: v.status,
      })),
    );
  }
  const dir = path.join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${result.date.slice(0, 19).replace(/:/g, '-')}-${engine}-${size}.json`);
  writeFileSync(file, JSON.stringify({ ...result, batchGrowth }, null, 2));
  console.log(`peak RSS ${result.peakRssMb} MB (Node; PostgreSQL's own memory is the server's)`);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
  const grown = batchGrowth.filter((b) => b.grows);
  if (grown.length) {
    console.log(
      `\n!!! BATCH COST GROWS WITH THE TABLE in: ${grown.map((b) => b.phase).join(', ')} (last > 1.5× first)`,
    );
    process.exitCode = 1;
  }
}

async function main() {
  const pg = args.seeded
    ? { url: args.seeded, stop: () => Promise.resolve() }
    : args.url
      ? await databaseOn(args.url, args.keep)
      : engine === 'postgres'
        ? await startThrowawayPostgres()
        : null;
  const lite = pg ? null : await openBenchPglite(recordStatement);
  let handle: DatabaseHandle | undefined;
  const copyDir = pg ? mkdtempSync(path.join(tmpdir(), 'tandem-bench-copy-')) : null;
  try {
    handle = pg
      ? await openDatabase({ databaseUrl: pg.url, poolSize: 20, log: recordStatement })
      : (lite as NonNullable<typeof lite>).handle;
    const h = handle;
    await migrateToLatest(h.db);
    const { demo, seedMs } = args.seeded
      ? await adopt(h, { password: PASSWORD, extraUsers, customers, employees, transactions })
      : await seed(h);
    const onlyValue = args.only === 'value';
    const onlyReads = args.only === 'reads';
    console.log(`seeded in ${Math.round(seedMs / 1000)} s; peak RSS so far ${peakRssMb()} MB`);
    const rows = onlyValue ? [] : await readBench(h, demo);
    // Shown as soon as measured: at L the value phase runs long, and a run stopped there still reports the reads.
    if (rows.length) {
      printReads(rows);
    }
    const value = onlyReads ? [] : await runValueBench(h, demo);
    const importRows = Math.min(Number(args['import-rows']), transactions);
    const imp =
      onlyValue || onlyReads ? null : await importBench(h, demo.orgId, importRows, copyFromFor(h, lite, copyDir));
    report(rows, imp, value, demo, seedMs);
  } finally {
    await handle?.close();
    await pg?.stop();
    if (copyDir) {
      rmSync(copyDir, { recursive: true, force: true });
    }
  }
}

await main();
