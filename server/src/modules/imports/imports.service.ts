import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { hasRole, type RequestContext } from '../../platform/auth/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { conflict, forbidden, notFound, validation } from '../../platform/errors.ts';
import type { Page } from '../../platform/http/common.schema.ts';
import { fieldsOf, knownTarget, suggestMapping } from './fields.ts';
import {
  customDefs,
  requireImporter,
  toImportJob,
  tooLarge,
  type ImportSettings,
  type RunHooks,
} from './imports.job.ts';
import { importsRepository } from './imports.repository.ts';
import type { ImportJob, ImportPreview, ListImportsQuery, StartImport, UploadQuery } from './imports.schema.ts';
import type { ImportJobRow, ImportOptions } from './imports.tables.ts';
import { inspect, type SourceInfo } from './reader.ts';
import { revertImport } from './revert.ts';
import { importRunner } from './runner.ts';

export {
  importRoles,
  toImportJob,
  DEFAULT_IMPORT_MAX_BYTES,
  type ImportSettings,
  type RunHooks,
} from './imports.job.ts';

/**
 * Imports (issue 5): upload → preview → start → a job that a runner (runner.ts) streams through
 * decode, parse, map, per-row checks and batched writes (writers.ts); a finished job can be
 * reverted (revert.ts). Jobs are listed to their creator (admins see all of the organisation's).
 * An empty file answers 400 at upload; a file with a header only completes with 0 rows.
 */
export function importsService(deps: Deps, settings: ImportSettings) {
  const { db } = deps;
  const runner = importRunner(deps, settings);
  const running = new Map<string, Promise<ImportJobRow>>();

  async function visibleJob(ctx: RequestContext, id: string): Promise<ImportJobRow> {
    const job = await importsRepository.find(db, ctx.actor.orgId, id);
    if (!job || (!hasRole(ctx.actor, 'admin') && job.created_by !== ctx.actor.userId)) {
      throw notFound('Import');
    }
    return job;
  }

  async function preview(job: ImportJobRow, info: SourceInfo): Promise<ImportPreview> {
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
    async upload(ctx: RequestContext, q: UploadQuery, body: Readable, declaredLength?: number): Promise<ImportPreview> {
      requireImporter(ctx.actor, q.entity);
      if (declaredLength !== undefined && declaredLength > settings.maxBytes) {
        body.resume();
        throw tooLarge(settings.maxBytes);
      }
      const id = randomUUID();
      const dir = path.join(settings.dir, ctx.actor.orgId);
      mkdirSync(dir, { recursive: true });
      const file = path.join(
        dir,
        `${id}${
          path
            .extname(q.fileName)
            .toLowerCase()
            .replace(/[^.a-z0-9]/g, '') || '.dat'
        }`,
      );
      const hash = createHash('sha256');
      let size = 0;
      const limit = new Transform({
        transform(chunk: Buffer, _e, cb) {
          size += chunk.length;
          if (size > settings.maxBytes) {
            cb(tooLarge(settings.maxBytes));
            return;
          }
          hash.update(chunk);
          cb(null, chunk);
        },
      });
      try {
        await pipeline(body, limit, createWriteStream(file));
      } catch (err) {
        rmSync(file, { force: true });
        body.resume();
        throw err;
      }
      let info: SourceInfo;
      try {
        info = await inspect(file, { encoding: q.encoding, delimiter: q.delimiter });
      } catch (err) {
        rmSync(file, { force: true });
        throw err;
      }
      const custom = await customDefs(db, ctx.actor.orgId, q.entity);
      const job = await importsRepository.insert(db, {
        org_id: ctx.actor.orgId,
        id,
        entity: q.entity,
        file_name: q.fileName,
        file_path: file,
        file_size: size,
        file_sha256: hash.digest('hex'),
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
      return preview(job, info);
    },

    async preview(ctx: RequestContext, id: string): Promise<ImportPreview> {
      const job = await visibleJob(ctx, id);
      const info = await inspect(job.file_path, {
        encoding: job.encoding ?? undefined,
        delimiter: job.delimiter ?? undefined,
      });
      return preview(job, info);
    },

    /** Checks the mapping and options, queues the job and starts it in the background (`wait` resolves when it finished). */
    async start(
      ctx: RequestContext,
      id: string,
      input: StartImport,
      opts: { wait?: boolean; hooks?: RunHooks } = {},
    ): Promise<ImportJob> {
      const job = await visibleJob(ctx, id);
      requireImporter(ctx.actor, job.entity);
      if (job.status !== 'uploaded') {
        throw conflict(`This import is ${job.status} already`);
      }
      const custom = await customDefs(db, ctx.actor.orgId, job.entity);
      let info: SourceInfo = {
        format: job.file_type,
        encoding: job.encoding,
        delimiter: job.delimiter,
        headers: job.headers,
        sample: [],
      };
      if (
        job.file_type === 'csv' &&
        ((input.encoding && input.encoding !== job.encoding) || (input.delimiter && input.delimiter !== job.delimiter))
      ) {
        info = await inspect(job.file_path, {
          encoding: input.encoding ?? job.encoding ?? undefined,
          delimiter: input.delimiter ?? job.delimiter ?? undefined,
        });
      }
      const mapping = {
        ...(info.headers === job.headers ? job.mapping : suggestMapping(job.entity, info.headers, custom)),
        ...(input.mapping ?? {}),
      };
      const issues: { path: (string | number)[]; message: string; code: string }[] = [];
      for (const [header, target] of Object.entries(input.mapping ?? {})) {
        if (!info.headers.includes(header)) {
          issues.push({
            path: ['body', 'mapping', header],
            message: `No column "${header}" in the file (columns: ${info.headers.join(', ')})`,
            code: 'unknown_column',
          });
        } else if (target !== null && !knownTarget(job.entity, target, custom)) {
          issues.push({ path: ['body', 'mapping', header], message: `Unknown field ${target}`, code: 'unknown_field' });
        }
      }
      const targets = new Set(Object.values(mapping).filter(Boolean));
      const columnsRead = `Columns read: ${info.headers.join(' | ')}${info.delimiter ? ` (delimiter ${JSON.stringify(info.delimiter)}; a wrong one reads the whole line as one column)` : ''}`;
      const keyIssue = (field: string) => ({
        path: ['body', 'upsertKey'],
        message: `No column maps to the upsert key ${input.upsertKey ?? ''} (${field})`,
        code: 'missing_key',
      });
      if (job.entity === 'parties' || job.entity === 'employees') {
        if (!['displayName', 'company', 'familyName', 'givenName'].some((t) => targets.has(t))) {
          issues.push({
            path: ['body', 'mapping'],
            message: `No column maps to a name (displayName, 姓名, 公司…). ${columnsRead}`,
            code: 'missing_name',
          });
        }
        const keyField = input.upsertKey === 'email' ? 'emails' : input.upsertKey === 'phone' ? 'phones' : 'externalId';
        if (input.upsertKey && !targets.has(keyField)) {
          issues.push(keyIssue(keyField));
        }
        if (
          input.role &&
          (input.role === 'employee' || input.role === 'candidate') &&
          !hasRole(ctx.actor, 'hr', 'admin')
        ) {
          throw forbidden('Only HR and admins import employees and candidates');
        }
      } else if (job.entity === 'products' || job.entity === 'transactions') {
        if (job.entity === 'products' && !targets.has('name')) {
          issues.push({
            path: ['body', 'mapping'],
            message: `No column maps to the product name (name, 产品名称, 商品名称…). ${columnsRead}`,
            code: 'missing_name',
          });
        }
        if (
          job.entity === 'transactions' &&
          !['partyId', 'partyExternalId', 'partyEmail', 'partyPhone', 'partyName'].some((t) => targets.has(t))
        ) {
          issues.push({
            path: ['body', 'mapping'],
            message: `No column names the customer (partyExternalId 客户编号, partyEmail, partyPhone, partyName 客户…). ${columnsRead}`,
            code: 'missing_party',
          });
        }
        if (input.upsertKey && input.upsertKey !== 'externalId') {
          issues.push({
            path: ['body', 'upsertKey'],
            message: `${job.entity} upsert by externalId only`,
            code: 'not_allowed',
          });
        } else if (input.upsertKey && !targets.has('externalId')) {
          issues.push(keyIssue('externalId'));
        }
      } else if (input.upsertKey) {
        issues.push({
          path: ['body', 'upsertKey'],
          message: `Upserting is for parties, employees, products and transactions; ${job.entity} are always created`,
          code: 'not_allowed',
        });
      }
      if (issues.length) {
        throw validation(issues[0]?.message ?? 'Invalid import', issues);
      }
      const options: ImportOptions = { upsertKey: input.upsertKey, role: input.role };
      const queued = await importsRepository.transition(db, ctx.actor.orgId, id, ['uploaded'], 'queued', {
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
      const p = launch(ctx.actor.orgId, id, opts.hooks);
      return toImportJob(opts.wait ? await p : queued);
    },

    async get(ctx: RequestContext, id: string): Promise<ImportJob> {
      return toImportJob(await visibleJob(ctx, id));
    },

    async list(ctx: RequestContext, f: ListImportsQuery): Promise<Page<ImportJob>> {
      const page = await importsRepository.list(
        db,
        ctx.actor.orgId,
        hasRole(ctx.actor, 'admin') ? null : ctx.actor.userId,
        f,
      );
      return { items: page.items.map((r) => toImportJob(r)), nextCursor: page.nextCursor };
    },

    /** The error report, row by row (streamed a page at a time). */
    async errorRows(
      ctx: RequestContext,
      id: string,
    ): Promise<
      AsyncIterable<{ row: number; column: string | null; code: string; message: string; value: string | null }>
    > {
      const job = await visibleJob(ctx, id);
      return (async function* () {
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
      })();
    },

    /** Removes what the import created and restores what it updated (revert.ts). */
    async revert(ctx: RequestContext, id: string): Promise<{ job: ImportJob; removed: number; restored: number }> {
      const job = await visibleJob(ctx, id);
      requireImporter(ctx.actor, job.entity);
      const out = await revertImport(db, ctx, job);
      return { ...out, job: toImportJob(out.job) };
    },
  };
}
