import path from 'node:path';
import type { Readable } from 'node:stream';
import { hasRole, type RequestContext } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Deps } from '../../platform/deps.ts';
import { conflict, notFound, validation } from '../../platform/errors.ts';
import type { Page } from '../../platform/http/common.schema.ts';
import { fieldsOf, suggestMapping } from './fields.ts';
import { requireImporter } from './imports.access.ts';
import { customDefs, toImportJob, tooLarge, type ImportSettings, type RunHooks } from './imports.job.ts';
import { importsRepository } from './imports.repository.ts';
import type { ImportJob, ImportPreview, ListImportsQuery, StartImport, UploadQuery } from './imports.schema.ts';
import type { ImportJobRow, ImportOptions } from './imports.tables.ts';
import { inspect, type SourceInfo } from './reader.ts';
import { revertImport } from './revert.ts';
import { importRunner } from './runner.ts';
import { sourceInfoOf } from './pending.ts';
import { startIssues } from './start-checks.ts';
import { storeUpload } from './upload.ts';

export { toImportJob, DEFAULT_IMPORT_MAX_BYTES, type ImportSettings, type RunHooks } from './imports.job.ts';
export { importRoles } from './imports.access.ts';

/** A row of an import's error report. */
export interface ImportErrorRow {
  row: number;
  column: string | null;
  code: string;
  message: string;
  value: string | null;
}

async function findVisible(db: Db, ctx: RequestContext, id: string): Promise<ImportJobRow> {
  const job = await importsRepository.find(db, ctx.actor.orgId, id);
  if (!job || (!hasRole(ctx.actor, 'admin') && job.created_by !== ctx.actor.userId)) {
    throw notFound('Import');
  }
  return job;
}

/** Reads an uploaded file again; 409 when it is no longer kept (a dry run removes it once done). */
async function reinspect(job: ImportJobRow, opts: { encoding?: string; delimiter?: string }): Promise<SourceInfo> {
  try {
    return await inspect(job.file_path, opts);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw conflict(`The file of this import is no longer kept (it is ${job.status}): upload it again`);
    }
    throw err;
  }
}

async function previewOf(db: Db, job: ImportJobRow, info: SourceInfo): Promise<ImportPreview> {
  const custom = await customDefs(db, job.org_id, job.entity);
  return {
    job: toImportJob(job),
    sample: info.sample,
    suggestedMapping: suggestMapping(job.entity, info.headers, custom),
    fields: [
      ...fieldsOf(job.entity).map((f) => ({ key: f.key, list: Boolean(f.list) })),
      ...custom.map((d) => ({ key: `custom.${d.key}`, list: false })),
    ],
  };
}

/** Streams the upload to a file (never buffering it), records the job with the suggested mapping and answers its preview. */
async function uploadJob(
  db: Db,
  settings: ImportSettings,
  ctx: RequestContext,
  q: UploadQuery,
  body: Readable,
  declaredLength: number | undefined,
): Promise<ImportPreview> {
  requireImporter(ctx.actor, q.entity);
  if (declaredLength !== undefined && declaredLength > settings.maxBytes) {
    body.resume();
    throw tooLarge(settings.maxBytes);
  }
  const { id, file, size, sha256, info } = await storeUpload(
    path.join(settings.dir, ctx.actor.orgId),
    settings.maxBytes,
    q.fileName,
    body,
    { encoding: q.encoding, delimiter: q.delimiter },
  );
  const custom = await customDefs(db, ctx.actor.orgId, q.entity);
  const job = await importsRepository.insert(db, {
    org_id: ctx.actor.orgId,
    id,
    entity: q.entity,
    file_name: q.fileName,
    file_path: file,
    file_size: size,
    file_sha256: sha256,
    file_type: info.format,
    encoding: info.encoding,
    delimiter: info.delimiter,
    headers: info.headers,
    mapping: JSON.stringify(suggestMapping(q.entity, info.headers, custom)),
    options: JSON.stringify({}),
    created_by: ctx.actor.userId,
    total: null,
    message: null,
    started_at: null,
    finished_at: null,
    reverted_at: null,
  });
  return previewOf(db, job, info);
}

/** Checks the mapping and options of an uploaded job (re-reading a CSV whose encoding or delimiter changed) and queues it. */
async function queueJob(db: Db, ctx: RequestContext, job: ImportJobRow, input: StartImport): Promise<ImportJobRow> {
  requireImporter(ctx.actor, job.entity);
  if (job.status !== 'uploaded') {
    throw conflict(`This import is ${job.status} already`);
  }
  const custom = await customDefs(db, ctx.actor.orgId, job.entity);
  let info: SourceInfo = sourceInfoOf(job);
  if (
    job.file_type === 'csv' &&
    ((input.encoding && input.encoding !== job.encoding) || (input.delimiter && input.delimiter !== job.delimiter))
  ) {
    info = await reinspect(job, {
      encoding: input.encoding ?? job.encoding ?? undefined,
      delimiter: input.delimiter ?? job.delimiter ?? undefined,
    });
  }
  const mapping = {
    ...(info.headers === job.headers ? job.mapping : suggestMapping(job.entity, info.headers, custom)),
    ...(input.mapping ?? {}),
  };
  const issues = startIssues(ctx, job, info, input, custom, mapping);
  if (issues.length) {
    throw validation(issues[0]?.message ?? 'Invalid import', issues);
  }
  const options: ImportOptions = { upsertKey: input.upsertKey, role: input.role };
  const queued = await importsRepository.transition(db, ctx.actor.orgId, job.id, ['uploaded'], 'queued', {
    mapping: JSON.stringify(mapping),
    options: JSON.stringify(options),
    dry_run: input.dryRun,
    encoding: info.encoding,
    delimiter: info.delimiter,
    headers: info.headers,
  });
  if (!queued) {
    throw conflict('This import was started already');
  }
  return queued;
}

/**
 * Imports: upload → preview → start → a job that a runner (runner.ts) streams through
 * decode, parse, map, per-row checks and batched writes (writers.ts); a finished job can be
 * reverted (revert.ts). Jobs are listed to their creator (admins see all of the organisation's).
 * An empty file answers 400 at upload; a file with a header only completes with 0 rows.
 */
export function importsService(deps: Deps, settings: ImportSettings) {
  const { db } = deps;
  const runner = importRunner(deps, settings);
  const running = new Map<string, Promise<ImportJobRow>>();

  /** Starts a run in this process unless one is going; resolves with the job as the run left it. */
  function launch(orgId: string, id: string, hooks?: RunHooks): Promise<ImportJobRow> {
    const going = running.get(id);
    if (going) {
      return going;
    }
    const p = runner.run(orgId, id, hooks).finally(() => running.delete(id));
    running.set(id, p);
    return p;
  }

  return {
    run: launch,
    /** This process's runner id (host:pid:random), as import_job.runner_id shows it. */
    runnerId: runner.runnerId,

    /** Waits for a job this process is running (tests, CLI). */
    async settled(id: string): Promise<void> {
      await running.get(id);
    },

    /** Jobs a crash or restart left unfinished, whose lease is free or expired, continue from their checkpoints here. */
    async resumeUnfinished(): Promise<number> {
      const jobs = await runner.orphans();
      for (const j of jobs) {
        void launch(j.org_id, j.id);
      }
      return jobs.length;
    },

    /** Streams the upload to a file (never buffering it), checks it and answers its preview. */
    upload: (ctx: RequestContext, q: UploadQuery, body: Readable, declaredLength?: number): Promise<ImportPreview> =>
      uploadJob(db, settings, ctx, q, body, declaredLength),

    async preview(ctx: RequestContext, id: string): Promise<ImportPreview> {
      const job = await findVisible(db, ctx, id);
      const info = await reinspect(job, {
        encoding: job.encoding ?? undefined,
        delimiter: job.delimiter ?? undefined,
      });
      return previewOf(db, job, info);
    },

    /** Checks the mapping and options, queues the job and starts it in the background (`wait` resolves when it finished). */
    async start(
      ctx: RequestContext,
      id: string,
      input: StartImport,
      opts: { wait?: boolean; hooks?: RunHooks } = {},
    ): Promise<ImportJob> {
      const queued = await queueJob(db, ctx, await findVisible(db, ctx, id), input);
      const p = launch(ctx.actor.orgId, id, opts.hooks);
      return toImportJob(opts.wait ? await p : queued);
    },

    async get(ctx: RequestContext, id: string): Promise<ImportJob> {
      return toImportJob(await findVisible(db, ctx, id));
    },

    async list(ctx: RequestContext, f: ListImportsQuery): Promise<Page<ImportJob>> {
      const createdBy = hasRole(ctx.actor, 'admin') ? null : ctx.actor.userId;
      const page = await importsRepository.list(db, ctx.actor.orgId, createdBy, f);
      return { items: page.items.map((r) => toImportJob(r)), nextCursor: page.nextCursor };
    },

    /** The error report, row by row (streamed a page at a time). */
    async errorRows(ctx: RequestContext, id: string): Promise<AsyncIterable<ImportErrorRow>> {
      return errorRowsOf(db, await findVisible(db, ctx, id));
    },

    /** Removes what the import created and restores what it updated (revert.ts). */
    async revert(ctx: RequestContext, id: string): Promise<{ job: ImportJob; removed: number; restored: number }> {
      const job = await findVisible(db, ctx, id);
      requireImporter(ctx.actor, job.entity);
      const out = await revertImport(db, ctx, job);
      return { ...out, job: toImportJob(out.job) };
    },
  };
}

/** The error rows of a job in row order, read a page at a time. */
async function* errorRowsOf(db: Db, job: ImportJobRow): AsyncIterable<ImportErrorRow> {
  let after: { row: number; seq: number } | null = null;
  for (;;) {
    const page = await importsRepository.errors(db, job.org_id, job.id, after, 1000);
    for (const e of page) {
      yield { row: e.row_no, column: e.column, code: e.code, message: e.message, value: e.value };
    }
    const last = page.at(-1);
    if (!last || page.length < 1000) {
      return;
    }
    after = { row: last.row_no, seq: last.seq };
  }
}
