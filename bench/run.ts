/**
 * npm run bench [-- --size S|M|L --engine pglite|postgres --duration 5 --connections 32]
 *
 * Seeds a generated organisation (`tandem demo` generator at the size: S 10k customers / 100k
 * transactions, M 100k / 1M, L 1M / 10M; --customers/--transactions override), then measures, each
 * against a baseline measured in the same run:
 * - API reads (get-by-id, list pages, search) under autocannon in its own process with 32
 *   connections: p50/p99/throughput vs a bare Fastify route returning the same JSON from memory;
 * - import: transactions with lines through the bulk path the importer uses (validation included)
 *   vs a raw COPY of the same rows into scratch tables with the same columns and indexes.
 * Prints a table and writes bench/results/<date>-<engine>-<size>.json.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type autocannon from 'autocannon';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../server/src/app.ts';
import { demoSizes, generateDemo, type DemoSize } from '../server/src/demo/generator.ts';
import { bulkUpsertTransactions, type BulkTransactionInput } from '../server/src/modules/commerce/index.ts';
import { systemWho } from '../server/src/platform/audit/audit.ts';
import { openDatabase, type DatabaseHandle } from '../server/src/platform/db/database.ts';
import { migrateToLatest } from '../server/src/platform/db/migrate.ts';
import { openBenchPglite } from './pglite.ts';
import { startThrowawayPostgres } from './postgres.ts';

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
  },
});
const engine = args.engine === 'postgres' ? 'postgres' : 'pglite';
const size = (['S', 'M', 'L'].includes(args.size) ? args.size : 'S') as DemoSize;
const preset = demoSizes[size];
const customers = Number(args.customers ?? preset.customers);
const transactions = Number(args.transactions ?? preset.transactions);
const employees = Number(args.employees ?? preset.employees);
const extraUsers = Number(args.users);
const duration = Number(args.duration);
const connections = Number(args.connections);
const PASSWORD = 'bench-password-1';

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
  const child = spawn(process.execPath, [bin, '-j', '-c', String(connections), '-d', String(duration), ...hdrs, url], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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

const progress = (p: { phase: string; done: number; total: number; rowsPerSecond: number }) =>
  process.stdout.write(
    `\r  ${p.phase}: ${p.done}/${p.total} (${p.rowsPerSecond} rows/s)      ${p.done >= p.total ? '\n' : ''}`,
  );

const csvField = (v: string | null) => (v === null ? '' : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * Import rows/s: `rows` transactions (with their lines, copied from the generated ones) through
 * `bulkUpsertTransactions` in 5,000-row transactions, vs a raw COPY of the same rows (CSV) into
 * scratch tables created `like` the real ones `including all` (same columns, defaults, checks and
 * indexes; no foreign keys). Each side is timed from rows in memory to committed.
 */
async function importBench(
  handle: DatabaseHandle,
  orgId: string,
  rows: number,
  copyFrom: (table: string, columns: string[], csv: string) => Promise<void>,
) {
  const db = handle.db;
  const source = await sql<{
    party_id: string;
    occurred_at: Date;
    amount: string;
    currency: string;
    channel: string | null;
    lines: { product_id: string; quantity: string; unit_price: string; amount: string }[];
  }>`
    select t.party_id, t.occurred_at, t.amount, t.currency, t.channel,
      coalesce((select json_agg(json_build_object('product_id', l.product_id, 'quantity', l.quantity, 'unit_price', l.unit_price, 'amount', l.amount) order by l.line_no)
                from transaction_line l where l.org_id = t.org_id and l.transaction_id = t.id), '[]') as lines
    from "transaction" t where t.org_id = ${orgId} order by t.occurred_at, t.id limit ${rows}`.execute(db);
  const input: BulkTransactionInput[] = source.rows.map((r) => ({
    partyId: r.party_id,
    occurredAt: r.occurred_at.toISOString(),
    currency: r.currency,
    channel: r.channel,
    lines: r.lines.map((l) => ({
      productId: l.product_id,
      quantity: l.quantity,
      unitPrice: l.unit_price,
      amount: l.amount,
    })),
  }));
  const lineCount = input.reduce((s, r) => s + (r.lines?.length ?? 0), 0);

  // Baseline first (the bulk path then runs on the same, slightly larger table).
  await sql`drop table if exists bench_copy_line`.execute(db);
  await sql`drop table if exists bench_copy_tx`.execute(db);
  await sql`create table bench_copy_tx (like "transaction" including all)`.execute(db);
  await sql`create table bench_copy_line (like transaction_line including all)`.execute(db);
  // The same foreign keys as the real tables (LIKE does not copy them), so both sides check the same references.
  await sql`alter table bench_copy_tx add foreign key (org_id) references organization (org_id), add foreign key (org_id, party_id) references party (org_id, id),
    add foreign key (org_id, created_by) references app_user (org_id, id)`.execute(db);
  await sql`alter table bench_copy_line add foreign key (org_id) references organization (org_id), add foreign key (org_id, transaction_id) references bench_copy_tx (org_id, id) on delete cascade,
    add foreign key (org_id, product_id) references product (org_id, id)`.execute(db);
  const now = new Date().toISOString();
  const txCols = [
    'org_id',
    'id',
    'party_id',
    'occurred_at',
    'amount',
    'currency',
    'channel',
    'external_id',
    'note',
    'created_by',
    'created_at',
    'updated_at',
    'version',
  ];
  const lineCols = ['org_id', 'transaction_id', 'line_no', 'product_id', 'quantity', 'unit_price', 'amount'];
  const txCsv: string[] = [];
  const lineCsv: string[] = [];
  for (const r of source.rows) {
    const id = randomUUID();
    txCsv.push(
      [
        orgId,
        id,
        r.party_id,
        r.occurred_at.toISOString(),
        r.amount,
        r.currency,
        csvField(r.channel),
        '',
        '',
        '',
        now,
        now,
        '1',
      ].join(','),
    );
    r.lines.forEach((l, i) =>
      lineCsv.push([orgId, id, String(i + 1), l.product_id, l.quantity, l.unit_price, l.amount].join(',')),
    );
  }
  const txText = txCsv.join('\n') + '\n';
  const lineText = lineCsv.join('\n') + '\n';
  const c0 = performance.now();
  await copyFrom('bench_copy_tx', txCols, txText);
  await copyFrom('bench_copy_line', lineCols, lineText);
  const copyMs = performance.now() - c0;
  await sql`drop table bench_copy_line`.execute(db);
  await sql`drop table bench_copy_tx`.execute(db);

  const who = systemWho(orgId);
  const b0 = performance.now();
  for (let i = 0; i < input.length; i += 5000) {
    await db.transaction().execute(async (trx) => {
      const res = await bulkUpsertTransactions(trx, who, input.slice(i, i + 5000));
      const failed = res.results.find((x) => x.action === 'failed');
      if (failed) {
        throw new Error(`import row failed: ${JSON.stringify(failed)}`);
      }
    });
  }
  const bulkMs = performance.now() - b0;
  const copyRps = input.length / (copyMs / 1000);
  const bulkRps = input.length / (bulkMs / 1000);
  return {
    rows: input.length,
    lines: lineCount,
    bulkMs: Math.round(bulkMs),
    copyMs: Math.round(copyMs),
    bulkRowsPerSecond: Math.round(bulkRps),
    copyRowsPerSecond: Math.round(copyRps),
    ratio: +(bulkRps / copyRps).toFixed(3),
  };
}

async function main() {
  const pg = engine === 'postgres' ? await startThrowawayPostgres() : null;
  const lite = pg ? null : await openBenchPglite();
  let handle: DatabaseHandle | undefined;
  const copyDir = pg ? mkdtempSync(path.join(tmpdir(), 'tandem-bench-copy-')) : null;
  try {
    handle = pg ? await openDatabase({ databaseUrl: pg.url, poolSize: 20 }) : (lite as NonNullable<typeof lite>).handle;
    const h = handle;
    await migrateToLatest(h.db);
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
    const orgId = demo.orgId;
    // Extra users for the user list cases (no passwords; they only fill the table).
    await sql`
      insert into app_user (org_id, email, display_name, roles, locale)
      select ${orgId}::uuid, 'user' || g || '@bench.test', (array['张','李','王','Smith','Chen'])[1 + g % 5] || ' ' || g, array['agent'], 'zh-CN'
      from generate_series(1, ${extraUsers}) g`.execute(h.db);
    await sql`analyze`.execute(h.db);
    const seedMs = Date.now() - t0;

    const app = await buildApp({ database: h, secret: 'bench-secret-bench-secret-bench-secret', logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const addr = app.server.address();
    const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    const tokenFor = async (email: string) => {
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
    };
    const auth = await tokenFor('admin@bench.test');
    const rep = demo.sampleUsers.find((u) => u.roles.includes('agent') && !u.roles.includes('manager'));
    const agentAuth = await tokenFor(rep?.email ?? 'admin@bench.test');
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
    const search3 = (zhCustomer?.display_name ?? party.display_name).slice(2, 5);
    const phone = (party.phones[0] ?? '13000000000').slice(-8);

    const cases = [
      ...(someone ? [{ name: 'get user by id', path: `/api/users/${someone.id}`, headers: auth }] : []),
      { name: 'users list page (50, sorted)', path: '/api/users?limit=50&sort=displayName&role=agent', headers: auth },
      { name: 'get party by id', path: `/api/parties/${party.id}`, headers: auth },
      {
        name: 'parties filtered list (stage, -updatedAt)',
        path: '/api/parties?limit=50&role=customer&stage=loyal&sort=-updatedAt',
        headers: auth,
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
      process.stdout.write(`  measured: ${c.name}\n`);
    }
    await app.close();

    const importRows = Math.min(Number(args['import-rows']), transactions);
    const copyFrom = async (table: string, columns: string[], csv: string) => {
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
    const imp = await importBench(h, orgId, importRows, copyFrom);

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
      generatorTransactionLoad: demo.transactionLoad,
      node: process.version,
      baselines: {
        reads: 'a bare Fastify route returning the same JSON from memory, same autocannon settings',
        import:
          engine === 'postgres'
            ? "server-side COPY … FROM '<file>' (CSV) into scratch tables LIKE the real ones INCLUDING ALL, plus their foreign keys"
            : "COPY … FROM '/dev/blob' (CSV) into scratch tables LIKE the real ones INCLUDING ALL, plus their foreign keys",
      },
      rows,
      import: imp,
    };
    console.table(
      rows.map((r) => ({
        case: r.case,
        'p50 ms': r.p50,
        'p99 ms': r.p99,
        'req/s': Math.round(r.rps),
        'bare req/s': Math.round(r.bareRps),
        'ratio (goal ≥ 0.4)': r.throughputRatio,
        errors: r.errors,
      })),
    );
    console.table([
      {
        case: `import ${imp.rows} transactions (${imp.lines} lines)`,
        'bulk path rows/s': imp.bulkRowsPerSecond,
        'COPY rows/s': imp.copyRowsPerSecond,
        'ratio (goal ≥ 0.5 on PostgreSQL)': imp.ratio,
      },
    ]);
    const dir = path.join(import.meta.dirname, 'results');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${result.date.slice(0, 19).replace(/:/g, '-')}-${engine}-${size}.json`);
    writeFileSync(file, JSON.stringify(result, null, 2));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  } finally {
    await handle?.close();
    pg?.stop();
    if (copyDir) {
      rmSync(copyDir, { recursive: true, force: true });
    }
  }
}

await main();
