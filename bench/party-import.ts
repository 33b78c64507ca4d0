/**
 * npm run bench:import [-- --rows 100000 --engine pglite|postgres --batch 1000]
 *
 * The full CSV importer of parties (decode, parse, map, validation, roles, history, duplicate report, import items,
 * the search columns and every index) on a generated file of `rows` customers, against a COPY of the very rows the
 * importer wrote (party, party_role, party_history) into scratch tables `LIKE` the real ones `INCLUDING ALL` (same
 * columns, checks and indexes) plus every foreign key of the real ones (to users, groups, units and parties). Prints rows/s of both and their ratio (goal ≥ 0.5 on
 * PostgreSQL), the first, median and last batches' time (last above 1.5× first fails the run: batch cost
 * that grows with the table makes an import quadratic) and the peak RSS. Writes bench/results/<date>-<engine>-import.json.
 */
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, createReadStream, writeFileSync } from 'node:fs';
import { chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { sql } from 'kysely';
import { createOrganization } from '../server/src/bootstrap.ts';
import { commandActor } from '../server/src/cli/context.ts';
import { importsService } from '../server/src/modules/imports/index.ts';
import { phaseChannel, type PhaseTiming } from '../server/src/platform/bulk/phases.ts';
import { openDatabase, type DatabaseHandle } from '../server/src/platform/db/database.ts';
import { migrateToLatest } from '../server/src/platform/db/migrate.ts';
import { standaloneDeps } from '../server/src/platform/deps.ts';
import { openBenchPglite } from './pglite.ts';
import { startThrowawayPostgres } from './postgres.ts';

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'pglite' },
    rows: { type: 'string', default: '100000' },
    batch: { type: 'string' },
  },
});
const engine = args.engine === 'postgres' ? 'postgres' : 'pglite';
const rows = Number(args.rows);

const family = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', 'Smith', 'Chen', 'Garcia', 'Müller'];
const given = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', 'Anna', 'James', 'Li', 'Maria', 'Tom', 'Wei'];
const cities = ['北京', '上海', '杭州', '深圳', '成都', 'London', 'Berlin', 'Shanghai'];
const stages = ['prospect', 'new', 'developing', 'loyal', 'at_risk'];

/** A customer file as a spreadsheet export looks: Chinese headers, one row per person, every phone and email unique. */
async function writeCsv(file: string, n: number): Promise<void> {
  const out = createWriteStream(file);
  out.write('客户编号,姓名,手机,邮箱,城市,标签,阶段\n');
  for (let i = 0; i < n; i++) {
    const name = `${family[i % family.length]}${given[(i * 7) % given.length]}${i}`;
    const phone = `1${String(3000000000 + i * 7).padStart(10, '0')}`;
    const line = `C${String(i + 1).padStart(8, '0')},${name},${phone},p${i}@example.com,${cities[i % cities.length]},${i % 3 ? 'vip' : ''},${stages[i % stages.length]}\n`;
    if (!out.write(line)) {
      await new Promise<void>((r) => out.once('drain', () => r()));
    }
  }
  await new Promise<void>((r) => out.end(() => r()));
}

/** Copies the organisation's rows of a table out as CSV text (what the COPY side loads). */
async function tableCsv(
  h: DatabaseHandle,
  lite: Awaited<ReturnType<typeof openBenchPglite>> | null,
  table: string,
  orgId: string,
  dir: string,
): Promise<string> {
  const select = `select * from ${table} where org_id = '${orgId}'`;
  const file = path.join(dir, `${table}.csv`);
  if (lite) {
    writeFileSync(file, await lite.copyTo(`copy (${select}) to '/dev/blob' with (format csv)`));
  } else {
    // The database server writes the file: the directory must let its user in.
    chmodSync(dir, 0o777);
    await h.raw(`copy (${select}) to '${file}' with (format csv)`);
  }
  return file;
}

/** COPY of the imported rows into scratch tables like the real ones (indexes included) plus their foreign keys; ms. */
async function copyBaseline(
  h: DatabaseHandle,
  lite: Awaited<ReturnType<typeof openBenchPglite>> | null,
  orgId: string,
  dir: string,
) {
  const tables = ['party', 'party_role', 'party_history'];
  const files: Record<string, string> = {};
  for (const t of tables) {
    files[t] = await tableCsv(h, lite, t, orgId, dir);
  }
  for (const t of tables) {
    await sql.raw(`create table bench_${t} (like ${t} including all)`).execute(h.db);
  }
  // Every foreign key of the real tables (LIKE copies none), those to a party pointing at the scratch party table.
  for (const t of tables) {
    const { rows: keys } = await sql<{ def: string }>`
      select pg_get_constraintdef(oid) as def from pg_constraint where conrelid = ${t}::regclass and contype = 'f'`.execute(
      h.db,
    );
    for (const { def } of keys) {
      await sql
        .raw(`alter table bench_${t} add ${def.replace(/REFERENCES party\(/, 'REFERENCES bench_party(')}`)
        .execute(h.db);
    }
  }
  const t0 = performance.now();
  for (const t of tables) {
    if (lite) {
      await lite.copyFromFile(`copy bench_${t} from '/dev/blob' with (format csv)`, files[t] ?? '');
    } else {
      await h.raw(`copy bench_${t} from '${files[t] ?? ''}' with (format csv)`);
    }
  }
  const ms = performance.now() - t0;
  for (const t of [...tables].reverse()) {
    await sql.raw(`drop table bench_${t}`).execute(h.db);
  }
  return ms;
}

/** The statements the import spent the most database time on (BENCH_STATEMENTS=1, PostgreSQL). */
async function printStatements(h: DatabaseHandle) {
  const { rows: top } = await h.raw(
    `select calls, round(total_exec_time) as ms, round(mean_exec_time::numeric, 2) as mean, left(regexp_replace(query, '\\s+', ' ', 'g'), 140) as query
     from pg_stat_statements order by total_exec_time desc limit 15`,
  );
  console.table(top);
}

/** The whole import of the file through the imports service, as the CLI runs it: time, batch times, peak RSS. */
async function runImport(h: DatabaseHandle, orgId: string, file: string) {
  const ctx = await commandActor(h, orgId, undefined);
  const deps = standaloneDeps(h.db, h.engine, pino({ level: 'silent' }), 'bench-secret-bench-secret-bench-secret');
  const service = importsService(deps, {
    dir: path.join(path.dirname(file), 'imports'),
    maxBytes: 10 * 1024 ** 3,
    ...(args.batch ? { batchSize: Number(args.batch) } : {}),
  });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  const batchMs: number[] = [];
  // Each batch's phases (platform/bulk/phases.ts), summed per phase between one batch's end and the next.
  const phases: Record<string, number>[] = [];
  let current: Record<string, number> = {};
  const onPhase = (m: unknown) => {
    const { phase, ms } = m as PhaseTiming;
    current[phase] = (current[phase] ?? 0) + ms;
  };
  phaseChannel.subscribe(onPhase);
  let last = performance.now();
  const t0 = performance.now();
  const preview = await service.upload(
    ctx,
    { entity: 'parties', fileName: 'customers.csv' },
    createReadStream(file),
    statSync(file).size,
  );
  const onBatch = (job: { processed: number }) => {
    const now = performance.now();
    batchMs.push(Math.round(now - last));
    phases.push(current);
    current = {};
    last = now;
    if (batchMs.length % 20 === 0) {
      process.stdout.write(`\r  ${job.processed}/${rows} rows`);
    }
  };
  await service.start(ctx, preview.job.id, { dryRun: false, role: 'customer' }, { wait: true, hooks: { onBatch } });
  const importMs = performance.now() - t0;
  clearInterval(sampler);
  phaseChannel.unsubscribe(onPhase);
  const job = await service.get(ctx, preview.job.id);
  console.log(
    `\n  import ${job.status}: ${job.counts.created} created, ${job.counts.failed} failed, ${job.counts.duplicates} duplicates`,
  );
  if (job.counts.created !== rows) {
    throw new Error(`expected ${rows} created: ${JSON.stringify(job.counts)}`);
  }
  return { importMs, batchMs, phases, peakRss };
}

/**
 * Per phase, the first (after the one that also pays for the upload), median and last batch's ms, and the total:
 * `check` (rows read, mapped and checked; overlaps the batch before's write), `wait` (checking waited for that
 * write), then the write's own phases in order, and `upkeep` after its commit.
 */
function phaseTable(phases: Record<string, number>[]) {
  const names = [...new Set(phases.flatMap((p) => Object.keys(p)))];
  const at = (p: Record<string, number> | undefined, n: string) => Math.round(p?.[n] ?? 0);
  return Object.fromEntries(
    names.map((n) => {
      const xs = phases.map((p) => at(p, n));
      const sorted = [...xs].sort((a, b) => a - b);
      return [
        n,
        {
          first: at(phases[1] ?? phases[0], n),
          median: sorted[Math.floor(sorted.length / 2)] ?? 0,
          last: at(phases.at(-1), n),
          total: xs.reduce((a, b) => a + b, 0),
        },
      ];
    }),
  );
}

const mean = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length));

/**
 * Prints the table, writes the JSON and flags growth: the mean of the last five batches against the mean of the five
 * after the first (which also pays for the upload), so one batch slowed by the machine does not decide it.
 */
function report(run: Awaited<ReturnType<typeof runImport>>, copyMs: number) {
  const { importMs, batchMs, peakRss } = run;
  const phases = phaseTable(run.phases);
  const sorted = [...batchMs].sort((a, b) => a - b);
  const first = mean(batchMs.slice(1, 6));
  const lastBatch = mean(batchMs.slice(-5));
  const result = {
    date: new Date().toISOString(),
    engine,
    rows,
    node: process.version,
    importMs: Math.round(importMs),
    copyMs: Math.round(copyMs),
    importRowsPerSecond: Math.round(rows / (importMs / 1000)),
    copyRowsPerSecond: Math.round(rows / (copyMs / 1000)),
    ratio: +(copyMs / importMs).toFixed(3),
    batches: batchMs.length,
    batchMs: { first, median: sorted[Math.floor(sorted.length / 2)] ?? 0, last: lastBatch },
    phases,
    grows: lastBatch > 1.5 * first,
    peakRssMb: Math.round(peakRss / 1024 ** 2),
  };
  console.table([
    {
      engine,
      rows,
      'import rows/s': result.importRowsPerSecond,
      'COPY rows/s': result.copyRowsPerSecond,
      'ratio (goal ≥ 0.5 on PostgreSQL)': result.ratio,
      'batch ms first/median/last': `${first}/${result.batchMs.median}/${lastBatch}`,
      'peak RSS MB': result.peakRssMb,
    },
  ]);
  console.log('Batch phases, ms (first batch after the upload, median, last; total over the run):');
  console.table(phases);
  const out = path.join(import.meta.dirname, 'results');
  mkdirSync(out, { recursive: true });
  const name = path.join(out, `${result.date.slice(0, 19).replace(/:/g, '-')}-${engine}-import-${rows}.json`);
  writeFileSync(name, JSON.stringify(result, null, 2));
  console.log(`wrote ${path.relative(process.cwd(), name)}`);
  if (result.grows) {
    const x = (lastBatch / Math.max(1, first)).toFixed(1);
    console.log(`\n!!! BATCH COST GROWS WITH THE TABLE: the last batches took ${x}× the first ones`);
    process.exitCode = 1;
  }
}

async function main() {
  const pg = engine === 'postgres' ? await startThrowawayPostgres() : null;
  const lite = pg ? null : await openBenchPglite();
  const dir = mkdtempSync(path.join(tmpdir(), 'tandem-bench-import-'));
  let handle: DatabaseHandle | undefined;
  try {
    handle = pg ? await openDatabase({ databaseUrl: pg.url, poolSize: 10 }) : (lite as NonNullable<typeof lite>).handle;
    const h = handle;
    await migrateToLatest(h.db);
    if (pg && process.env.BENCH_STATEMENTS) {
      await h.raw('create extension if not exists pg_stat_statements');
    }
    const { org } = await createOrganization(h.db, {
      name: 'Import bench',
      locale: 'zh-CN',
      adminEmail: 'admin@bench.test',
      adminPassword: 'bench-password-1',
      demo: false,
    });
    const file = path.join(dir, 'customers.csv');
    await writeCsv(file, rows);
    console.log(`Importing ${rows} customers (${Math.round(statSync(file).size / 1e6)} MB CSV) on ${engine}`);
    const run = await runImport(h, org.org_id, file);
    if (pg && process.env.BENCH_STATEMENTS) {
      await printStatements(h);
    }
    report(run, await copyBaseline(h, lite, org.org_id, dir));
  } finally {
    await handle?.close();
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
