import { createReadStream, createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Command, Option } from 'commander';
import cliProgress from 'cli-progress';
import pino from 'pino';
import type { Actor, RequestContext } from '../platform/auth/actor.ts';
import { DataDirBusyError } from '../platform/db/data-dir-lock.ts';
import type { DatabaseHandle } from '../platform/db/database.ts';
import { standaloneDeps } from '../platform/deps.ts';
import { importsService, toImportJob, type ImportJob } from '../modules/imports/index.ts';
import { importEntities, upsertKeys } from '../modules/imports/imports.schema.ts';
import { CliError, config, openConfigured, pickOrg } from './context.ts';

/** Opens the database for a command that cannot go through a running server's lock; says how to use its API instead. */
export async function openForCommand(what: string, api: string): Promise<DatabaseHandle> {
  try {
    return await openConfigured(config());
  } catch (err) {
    if (err instanceof DataDirBusyError) {
      throw new CliError(
        `${err.message}\nA running Tandem server (pid ${err.pid}) holds the embedded database, so ${what} cannot open it. Either stop the server and run this again, or ${what} through the server's API with an API token (POST /api/tokens):\n  ${api}`,
      );
    }
    throw err;
  }
}

/** The actor a command acts as: --as <email>, else the organisation's first active admin. */
export async function commandActor(
  h: DatabaseHandle,
  orgId: string,
  email: string | undefined,
): Promise<RequestContext> {
  let q = h.db.selectFrom('app_user').selectAll().where('org_id', '=', orgId).where('active', '=', true);
  q = email
    ? q.where('email', '=', email.trim().toLowerCase())
    : q.where((eb) => eb(eb.val('admin'), '=', eb.fn.any('roles'))).orderBy('created_at');
  const u = await q.executeTakeFirst();
  if (!u) {
    throw new CliError(
      email ? `No active user ${email}` : 'The organisation has no active admin: name a user with --as',
    );
  }
  const actor: Actor = {
    orgId,
    userId: u.id,
    email: u.email,
    displayName: u.display_name,
    roles: u.roles,
    orgUnitId: u.org_unit_id,
    partyId: u.party_id,
    locale: u.locale,
    authMethod: 'session',
    sessionId: null,
    tokenId: null,
    csrfToken: null,
  };
  return { actor, requestId: `cli:${process.pid}`, ip: null };
}

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
    .option('--as <email>', 'act as this user (default: the organisation’s first admin)')
    .option('--org <slug>', 'organisation, when there are several')
    .action(
      async (
        entity: (typeof importEntities)[number],
        file: string | undefined,
        opts: {
          map?: string;
          dryRun?: boolean;
          upsertKey?: (typeof upsertKeys)[number];
          role?: string;
          encoding?: string;
          delimiter?: string;
          resume?: string;
          as?: string;
          org?: string;
        },
      ) => {
        if (!opts.resume && !file) {
          throw new CliError('Name the file to import (or --resume <importId>)');
        }
        if (file && !existsSync(file)) {
          throw new CliError(`No file ${file}`);
        }
        const mapping = opts.map
          ? (JSON.parse(readFileSync(opts.map, 'utf8')) as Record<string, string | null>)
          : undefined;
        const cfg = config();
        const h = await openForCommand(
          'the import',
          `curl -H "authorization: Bearer $TOKEN" -H "content-type: text/csv" --data-binary @${file ?? 'file.csv'} "http://${cfg.host}:${cfg.port}/api/imports?entity=${entity}&fileName=${path.basename(file ?? 'file.csv')}"  then  POST /api/imports/<id>/start`,
        );
        const reporter = progressReporter();
        try {
          const org = await pickOrg(h, opts.org);
          const ctx = await commandActor(h, org.org_id, opts.as);
          const deps = standaloneDeps(h.db, h.engine, pino({ level: 'silent' }), cfg.secret);
          const service = importsService(deps, {
            dir: path.join(cfg.dataDir, 'imports'),
            maxBytes: cfg.importMaxBytes,
          });
          const hooks = { onBatch: (j: Parameters<typeof toImportJob>[0]) => reporter.update(toImportJob(j)) };
          let id: string;
          if (opts.resume) {
            id = opts.resume;
            await service.get(ctx, id);
            const row = await h.db
              .selectFrom('import_job')
              .select('status')
              .where('org_id', '=', org.org_id)
              .where('id', '=', id)
              .executeTakeFirstOrThrow();
            if (row.status !== 'running' && row.status !== 'queued') {
              throw new CliError(
                `Import ${id} is ${row.status}; only an interrupted (running or queued) import resumes`,
              );
            }
            await service.run(org.org_id, id, hooks);
          } else {
            const f = file as string;
            const preview = await service.upload(
              ctx,
              {
                entity,
                fileName: path.basename(f),
                encoding: opts.encoding,
                delimiter: opts.delimiter as ',' | undefined,
              },
              createReadStream(f),
              statSync(f).size,
            );
            id = preview.job.id;
            console.error(
              `import ${id}: ${preview.job.format}${preview.job.encoding ? `, ${preview.job.encoding}` : ''}${preview.job.delimiter ? `, delimiter ${JSON.stringify(preview.job.delimiter)}` : ''}; columns: ${Object.entries(
                { ...preview.suggestedMapping, ...mapping },
              )
                .map(([k, v]) => `${k}→${v ?? '(skipped)'}`)
                .join(', ')}`,
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
          }
          reporter.stop();
          const job = await service.get(ctx, id);
          let report = '';
          if (job.counts.failed || job.counts.duplicates) {
            report = path.resolve(`import-${id}-errors.csv`);
            const out = createWriteStream(report);
            out.write('\uFEFFrow,column,code,message,value\n');
            const q = (v: string | number | null) =>
              v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
            for await (const e of await service.errorRows(ctx, id)) {
              out.write(`${[e.row, e.column, e.code, e.message, e.value].map(q).join(',')}\n`);
            }
            await new Promise((r) => out.end(r));
          }
          const c = job.counts;
          console.log(
            `Import ${id} ${job.status}${job.dryRun ? ' (dry run: nothing written)' : ''}: ${c.total ?? c.processed} rows, ${c.created} created, ${c.updated} updated, ${c.skipped} skipped, ${c.failed} errors, ${c.duplicates} possible duplicates; ${job.rowsPerSecond ?? 0} rows/s; peak RSS ${mb(process.resourceUsage().maxRSS)}${memoryNow()}.`,
          );
          if (job.message) {
            console.log(job.message);
          }
          if (report) {
            console.log(`Error report: ${report}`);
          }
          if (job.status === 'failed') {
            process.exitCode = 1;
          }
        } finally {
          reporter.stop();
          await h.close();
        }
      },
    );
}
