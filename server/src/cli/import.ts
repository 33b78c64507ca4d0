import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Command, Option } from 'commander';
import cliProgress from 'cli-progress';
import pino from 'pino';
import type { RequestContext } from '../platform/auth/actor.ts';
import type { Config } from '../platform/config.ts';
import type { DatabaseHandle } from '../platform/db/database.ts';
import { standaloneDeps } from '../platform/deps.ts';
import {
  importEntities,
  importsService,
  toImportJob,
  upsertKeys,
  type ImportJob,
  type RunHooks,
} from '../modules/imports/index.ts';
import { CliError, commandActor, config, openForCommand, pickOrg } from './context.ts';

type Entity = (typeof importEntities)[number];
interface ImportOptions {
  map?: string;
  dryRun?: boolean;
  upsertKey?: (typeof upsertKeys)[number];
  role?: string;
  encoding?: string;
  delimiter?: string;
  resume?: string;
  report?: string;
  as?: string;
  org?: string;
}
type Service = ReturnType<typeof importsService>;

const mb = (kb: number) => `${Math.round(kb / 1024)} MB`;
/** What the memory is now: the JS heap; external memory (on the embedded database, mostly its WebAssembly memory); the rest (code, native). */
const memoryNow = () => {
  const m = process.memoryUsage();
  return ` (now: RSS ${mb(m.rss / 1024)} = JS heap ${mb(m.heapTotal / 1024)} + external ${mb(m.external / 1024)}${process.env.DATABASE_URL ? '' : ' (PGlite’s WebAssembly memory)'} + native ${mb((m.rss - m.heapTotal - m.external) / 1024)})`;
};

function progressReporter() {
  const tty = Boolean(process.stderr.isTTY);
  const bar = tty
    ? new cliProgress.SingleBar(
        {
          format: 'Importing [{bar}] {percentage}% | {processed} rows | {rate} rows/s | ETA {eta_formatted}',
          stream: process.stderr,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let started = false;
  let lastLine = 0;
  return {
    update(j: ImportJob) {
      const payload = { processed: j.counts.processed, rate: j.rowsPerSecond ?? 0 };
      if (bar) {
        if (!started) {
          bar.start(1000, 0, payload);
          started = true;
        }
        bar.update(Math.round(j.progress * 1000), payload);
      } else if (Date.now() - lastLine > 2000 || j.progress >= 1) {
        lastLine = Date.now();
        console.error(
          `import ${j.id}: ${Math.round(j.progress * 100)}% ${j.counts.processed} rows, ${j.rowsPerSecond ?? 0} rows/s${j.etaSeconds !== null ? `, ETA ${j.etaSeconds}s` : ''}`,
        );
      }
    },
    stop() {
      bar?.stop();
    },
  };
}

/** Continues an interrupted (running or queued) import from its checkpoint. */
async function resume(service: Service, ctx: RequestContext, id: string, hooks: RunHooks): Promise<void> {
  const job = await service.get(ctx, id);
  if (job.status !== 'running' && job.status !== 'queued') {
    throw new CliError(`Import ${id} is ${job.status}; only an interrupted (running or queued) import resumes`);
  }
  await service.run(ctx.actor.orgId, id, hooks);
}

/** Uploads the file, says how its columns map, and runs the import to its end; the job's id. */
async function uploadAndRun(
  service: Service,
  ctx: RequestContext,
  entity: Entity,
  file: string,
  opts: ImportOptions,
  mapping: Record<string, string | null> | undefined,
  hooks: RunHooks,
): Promise<string> {
  const preview = await service.upload(
    ctx,
    { entity, fileName: path.basename(file), encoding: opts.encoding, delimiter: opts.delimiter as ',' | undefined },
    createReadStream(file),
    statSync(file).size,
  );
  const { id, format, encoding, delimiter } = preview.job;
  const columns = Object.entries({ ...preview.suggestedMapping, ...mapping })
    .map(([k, v]) => `${k}→${v ?? '(skipped)'}`)
    .join(', ');
  console.error(
    `import ${id}: ${format}${encoding ? `, ${encoding}` : ''}${delimiter ? `, delimiter ${JSON.stringify(delimiter)}` : ''}; columns: ${columns}`,
  );
  await service.start(
    ctx,
    id,
    {
      mapping,
      dryRun: Boolean(opts.dryRun),
      upsertKey: opts.upsertKey,
      role: opts.role as 'customer' | undefined,
    },
    { wait: true, hooks },
  );
  return id;
}

/** Where the error report goes: --report, else the data directory's reports folder (never the working directory). */
export const reportPath = (cfg: Config, id: string, given: string | undefined) =>
  path.resolve(given ?? path.join(cfg.dataDir, 'reports', `import-${id}-errors.csv`));

/** Writes the error report (CSV, UTF-8 with BOM) to `file`. */
async function writeReport(service: Service, ctx: RequestContext, id: string, file: string): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  const out = createWriteStream(file);
  out.write('\uFEFFrow,column,code,message,value\n');
  const q = (v: string | number | null) =>
    v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
  for await (const e of await service.errorRows(ctx, id)) {
    out.write(`${[e.row, e.column, e.code, e.message, e.value].map(q).join(',')}\n`);
  }
  await new Promise((r) => out.end(r));
}

function printSummary(job: ImportJob, report: string | null): void {
  const c = job.counts;
  console.log(
    `Import ${job.id} ${job.status}${job.dryRun ? ' (dry run: nothing written)' : ''}: ${c.total ?? c.processed} rows, ${c.created} created, ${c.updated} updated, ${c.skipped} skipped, ${c.failed} errors, ${c.duplicates} possible duplicates; ${job.rowsPerSecond ?? 0} rows/s; peak RSS ${mb(process.resourceUsage().maxRSS)}${memoryNow()}.`,
  );
  if (job.message) {
    console.log(job.message);
  }
  if (report) {
    console.log(`Error report: ${report}`);
  }
}

async function runImport(entity: Entity, file: string | undefined, opts: ImportOptions): Promise<void> {
  if (!opts.resume && !file) {
    throw new CliError('Name the file to import (or --resume <importId>)');
  }
  if (file && !existsSync(file)) {
    throw new CliError(`No file ${file}`);
  }
  const mapping = opts.map ? (JSON.parse(readFileSync(opts.map, 'utf8')) as Record<string, string | null>) : undefined;
  const cfg = config();
  const h: DatabaseHandle = await openForCommand(
    'the import',
    `curl -H "authorization: Bearer $TOKEN" -H "content-type: text/csv" --data-binary @${file ?? 'file.csv'} "http://${cfg.host}:${cfg.port}/api/imports?entity=${entity}&fileName=${path.basename(file ?? 'file.csv')}"  then  POST /api/imports/<id>/start`,
  );
  const reporter = progressReporter();
  try {
    const org = await pickOrg(h, opts.org);
    const ctx = await commandActor(h, org.org_id, opts.as);
    const deps = standaloneDeps(h.db, h.engine, pino({ level: 'silent' }), cfg.secret);
    const service = importsService(deps, { dir: path.join(cfg.dataDir, 'imports'), maxBytes: cfg.importMaxBytes });
    const hooks: RunHooks = { onBatch: (j) => reporter.update(toImportJob(j)) };
    let id = opts.resume;
    if (id) {
      await resume(service, ctx, id, hooks);
    } else {
      id = await uploadAndRun(service, ctx, entity, file as string, opts, mapping, hooks);
    }
    reporter.stop();
    const job = await service.get(ctx, id);
    let report: string | null = null;
    if (job.counts.failed || job.counts.duplicates) {
      report = reportPath(cfg, id, opts.report);
      await writeReport(service, ctx, id, report);
    }
    printSummary(job, report);
    if (job.status === 'failed') {
      process.exitCode = 1;
    }
  } finally {
    reporter.stop();
    await h.close();
  }
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('Import a CSV or XLSX file (streamed; resumable; revertible through POST /api/imports/:id/revert)')
    .addArgument(program.createArgument('<entity>', `one of ${importEntities.join(', ')}`).choices(importEntities))
    .argument('[file]', 'the CSV or XLSX file (omit with --resume)')
    .option(
      '--map <mapping.json>',
      'JSON object: header → field (null skips a column); merged over the automatic mapping',
    )
    .option('--dry-run', 'validate and count, write nothing')
    .addOption(
      new Option(
        '--upsert-key <key>',
        'update the record this key names instead of creating one (products, transactions: externalId)',
      ).choices(upsertKeys),
    )
    .option('--role <role>', 'role of rows without a roles column (parties: default customer)')
    .option('--encoding <encoding>', 'override the detected encoding (utf-8, gb18030, utf-16le, …)')
    .option('--delimiter <char>', 'override the detected delimiter (",", ";", "\\t", "|")')
    .option('--resume <importId>', 'continue an interrupted import from its checkpoint')
    .option('--report <file>', 'write the error report here (default: TANDEM_DATA_DIR/reports/import-<id>-errors.csv)')
    .option('--as <email>', 'act as this user (default: the organisation’s first admin)')
    .option('--org <slug>', 'organisation, when there are several')
    .action(runImport);
}
