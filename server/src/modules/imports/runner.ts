import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import { sql, type Insertable } from 'kysely';
import type { Actor, RequestContext } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Deps } from '../../platform/deps.ts';
import { notFound } from '../../platform/errors.ts';
import { productRow, transactionRow } from './commerce-rows.ts';
import {
  actorOf,
  lookupsOf,
  requireImporter,
  type ImportSettings,
  type Pending,
  type RunHooks,
} from './imports.job.ts';
import { importsRepository, type Progress } from './imports.repository.ts';
import type { ImportErrorTable, ImportItemTable, ImportJobRow } from './imports.tables.ts';
import { readRecords, type SourceInfo, type SourceRecord } from './reader.ts';
import { interactionRow, partyRow, type Column, type Lookups, type RowIssue } from './rows.ts';
import { writers, type BatchSink } from './writers.ts';

/**
 * Runs import jobs: streams the file through decode, parse, map and per-row checks into batches;
 * each batch is one transaction holding its rows, their import items, their errors and the
 * checkpoint, so a crash leaves whole batches and a resume continues after the last one.
 *
 * One runner per job: `run` first claims the job's lease atomically (free, expired, or held by a
 * dead process on this host); every batch transaction renews it and checks that it is still ours
 * before writing anything, so two servers (or a CLI `--resume` next to a server) never process the
 * same job twice; a crashed runner's lease expires and another runner may resume the job.
 */
class DryRunRollback extends Error {}
class LeaseLost extends Error {}

/** "host:pid:random", so a runner on the same host can tell that a lease's holder died. */
const newRunnerId = () => `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

function heldByDeadProcess(runnerId: string | null): boolean {
  const [host, pid] = (runnerId ?? '').split(':');
  if (host !== os.hostname() || !pid || Number(pid) === process.pid) {
    return false;
  }
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** The tables each entity writes: analysed as they grow (see `run`). */
const tablesOf: Record<ImportJobRow['entity'], string[]> = {
  parties: ['party', 'party_role', 'party_history'],
  employees: ['party', 'party_role', 'party_history'],
  interactions: ['interaction'],
  products: ['product'],
  transactions: ['transaction', 'transaction_line'],
};

/** Transactions: a batch never splits consecutive rows of one transaction (at most 500 lines, the schema's limit). */
const MAX_GROUP = 500;

export function importRunner(deps: Deps, settings: ImportSettings) {
  const { db } = deps;
  const batchSize = settings.batchSize ?? 1000;
  const leaseSeconds = settings.leaseSeconds ?? 60;
  const me = newRunnerId();
  const leaseEnd = sql<Date>`now() + make_interval(secs => ${leaseSeconds})`;

  /** Takes the job's lease when it is free, expired or held by a dead local process; undefined when another runner holds it. */
  async function claim(orgId: string, id: string): Promise<ImportJobRow | undefined> {
    const take = (holder: { runner: string | null } | 'free') =>
      db
        .updateTable('import_job')
        .set((eb) => ({
          status: 'running',
          runner_id: me,
          lease_until: leaseEnd,
          started_at: new Date(),
          run_from: eb.ref('processed'),
          message: null,
          updated_at: new Date(),
        }))
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .where('status', 'in', ['queued', 'running'])
        .where(
          holder === 'free'
            ? sql<boolean>`(lease_until is null or lease_until < now())`
            : sql<boolean>`runner_id = ${holder.runner}`,
        )
        .returningAll()
        .executeTakeFirst();
    const got = await take('free');
    if (got) {
      return got;
    }
    const job = await importsRepository.find(db, orgId, id);
    return job && heldByDeadProcess(job.runner_id) ? take({ runner: job.runner_id }) : undefined;
  }

  /** In a batch transaction: renews the lease if it is still ours (and locks the job row until the batch commits). */
  async function renew(trx: Db, job: ImportJobRow): Promise<void> {
    const held = await trx
      .updateTable('import_job')
      .set({ lease_until: leaseEnd })
      .where('org_id', '=', job.org_id)
      .where('id', '=', job.id)
      .where('runner_id', '=', me)
      .where('status', '=', 'running')
      .executeTakeFirst();
    if (!held.numUpdatedRows) {
      throw new LeaseLost();
    }
  }

  /** One batch: lease, rows and their items, errors and the checkpoint in one transaction (rolled back on a dry run, but for its errors and counts). */
  async function writeBatch(job: ImportJobRow, actor: Actor, batch: Pending[], bytesDone: number): Promise<void> {
    const ctx: RequestContext = { actor, requestId: `import:${job.id}`, ip: null };
    const progress: Progress = {
      processed: batch.length,
      bytesDone,
      created: 0,
      updated: 0,
      skipped: 0,
      failed: 0,
      duplicates: 0,
    };
    const errors: Insertable<ImportErrorTable>[] = [];
    const items: Insertable<ImportItemTable>[] = [];
    const seq = new Map<number, number>();
    const sink: BatchSink = {
      job,
      ctx,
      progress,
      items,
      report(row: number, issues: RowIssue[]) {
        for (const i of issues) {
          const n = seq.get(row) ?? 0;
          seq.set(row, n + 1);
          errors.push({
            org_id: job.org_id,
            job_id: job.id,
            row_no: row,
            seq: n,
            column: i.column,
            code: i.code,
            message: i.message,
            value: i.value ?? null,
          });
        }
      },
    };
    const work = async (trx: Db) => {
      await renew(trx, job);
      for (const p of batch.filter((x) => x.issues.length)) {
        sink.report(p.row, p.issues);
        progress.skipped++;
      }
      await writers[job.entity](trx, sink, batch);
      progress.failed = errors.filter((e) => e.code !== 'duplicate').length;
      if (job.dry_run) {
        throw new DryRunRollback();
      }
      await importsRepository.addItems(trx, items);
      await importsRepository.addErrors(trx, errors);
      await importsRepository.advance(trx, job.org_id, job.id, progress);
    };
    try {
      await db.transaction().execute(work);
    } catch (err) {
      if (!(err instanceof DryRunRollback)) {
        throw err;
      }
      // A dry run keeps its report and counts (as if written), and nothing else.
      await db.transaction().execute(async (trx) => {
        await renew(trx, job);
        await importsRepository.addErrors(trx, errors);
        await importsRepository.advance(trx, job.org_id, job.id, progress);
      });
    }
  }

  /** Rows that must be written together: a transaction's rows, else each row alone. */
  const unitsOf = (job: ImportJobRow, batch: Pending[]): Pending[][] => {
    if (job.entity !== 'transactions') {
      return batch.map((p) => [p]);
    }
    const out: Pending[][] = [];
    for (const p of batch) {
      const last = out.at(-1);
      if (last && p.tx?.key && last[0]?.tx?.key === p.tx.key) {
        last.push(p);
      } else {
        out.push([p]);
      }
    }
    return out;
  };

  /** A batch that failed as a whole (a database error) is retried unit by unit; a unit that still fails is reported. */
  async function writeSafely(job: ImportJobRow, actor: Actor, batch: Pending[], bytesDone: number): Promise<void> {
    try {
      await writeBatch(job, actor, batch, bytesDone);
    } catch (err) {
      if (err instanceof LeaseLost) {
        throw err;
      }
      const units = unitsOf(job, batch);
      if (units.length === 1) {
        const message = err instanceof Error ? err.message : String(err);
        await writeBatch(
          job,
          actor,
          batch.map((p) => ({ ...p, issues: [{ column: null, code: 'write_failed', message }] })),
          bytesDone,
        );
        return;
      }
      for (const u of units) {
        await writeSafely(job, actor, u, bytesDone);
      }
    }
  }

  function toPending(job: ImportJobRow, rec: SourceRecord, columns: Column[], lookups: Lookups): Pending {
    if ('error' in rec) {
      return { row: rec.row, columns, issues: [{ column: null, code: rec.error.code, message: rec.error.message }] };
    }
    switch (job.entity) {
      case 'interactions': {
        const r = interactionRow(rec.cells, columns, lookups);
        return {
          row: rec.row,
          columns,
          issues: r.issues,
          ...(r.input ? { interaction: r.input } : {}),
          ...(r.ref ? { ref: r.ref } : {}),
          refColumn: columns.find((c) => c.target.startsWith('party'))?.header ?? null,
        };
      }
      case 'products': {
        const r = productRow(rec.cells, columns);
        return { row: rec.row, columns, issues: r.issues, ...(r.input ? { product: r.input } : {}) };
      }
      case 'transactions': {
        const r = transactionRow(rec.cells, columns);
        // A row with issues keeps its key, so its transaction's other rows fail with it.
        return {
          row: rec.row,
          columns,
          issues: r.issues,
          tx: r.value ?? { key: r.key, partyColumn: null, columnOf: new Map() },
        };
      }
      case 'parties':
      case 'employees': {
        const r = partyRow(job.entity, rec.cells, columns, lookups, job.options.role ?? 'customer');
        return { row: rec.row, columns, issues: r.issues, ...(r.input ? { party: r.input } : {}) };
      }
    }
  }

  async function reload(orgId: string, id: string): Promise<ImportJobRow> {
    const job = await importsRepository.find(db, orgId, id);
    if (!job) {
      throw notFound('Import');
    }
    return job;
  }

  /** Ends the run: only while the lease is ours. */
  const finish = (trx: Db, job: ImportJobRow, values: Record<string, unknown>) =>
    trx
      .updateTable('import_job')
      .set({ ...values, runner_id: null, lease_until: null, updated_at: new Date() })
      .where('org_id', '=', job.org_id)
      .where('id', '=', job.id)
      .where('runner_id', '=', me)
      .returningAll()
      .executeTakeFirst();

  /** Processes a queued or interrupted job to its end, from its checkpoint, unless another runner holds it. */
  async function run(orgId: string, id: string, hooks: RunHooks = {}): Promise<ImportJobRow> {
    const claimed = await claim(orgId, id);
    if (!claimed) {
      return reload(orgId, id);
    }
    let job = claimed;
    try {
      const actor = await actorOf(db, orgId, job.created_by);
      requireImporter(actor, job.entity);
      const lookups = await lookupsOf(db, orgId);
      const columns: Column[] = job.headers.flatMap((header, index) => {
        const target = claimed.mapping[header];
        return target ? [{ index, header, target }] : [];
      });
      const info: SourceInfo = {
        format: job.file_type,
        encoding: job.encoding,
        delimiter: job.delimiter,
        headers: job.headers,
        sample: [],
      };
      const grouped = job.entity === 'transactions';
      let bytes = 0;
      let batch: Pending[] = [];
      // Planner statistics of the tables being filled, after batches 1, 2, 4, 8…: without them (PGlite has no autovacuum,
      // PostgreSQL's lags behind a bulk load) the per-batch lookups (keys, duplicates) pick row-by-row plans that grow with the table.
      // And the GIN pending lists of the party lookup indexes: without autovacuum they only grow, and every lookup by email or phone scans them whole.
      let batches = 0;
      const analyse = async () => {
        batches++;
        if ((batches & (batches - 1)) === 0) {
          await sql`analyze ${sql.join([...tablesOf[claimed.entity], 'import_item'].map((t) => sql.table(t)))}`.execute(
            db,
          );
        }
        if (tablesOf[claimed.entity].includes('party')) {
          await sql`select gin_clean_pending_list('party_emails'::regclass), gin_clean_pending_list('party_phones'::regclass)`
            .execute(db)
            .catch((err: unknown) => deps.log.debug({ err }, 'gin_clean_pending_list'));
        }
      };
      // One batch writes while the next is read and checked: the database and the parsing overlap (two cores), and the
      // batches still commit one after the other, each with its checkpoint. At most two batches are in memory.
      let writing: Promise<void> | null = null;
      const settle = async () => {
        const w = writing;
        writing = null;
        await w;
      };
      const write = (rows: Pending[], bytesAt: number) => {
        const w = (async () => {
          await writeSafely(job, actor, rows, bytesAt);
          await analyse();
          job = await reload(orgId, id);
          await hooks.onBatch?.(job);
        })();
        w.catch(() => undefined); // awaited (and thrown) by settle()
        writing = w;
      };
      for await (const rec of readRecords(job.file_path, info, { skip: job.processed, onBytes: (n) => (bytes += n) })) {
        const p = toPending(job, rec, columns, lookups);
        const continues = grouped && Boolean(p.tx?.key) && batch.at(-1)?.tx?.key === p.tx?.key;
        if (batch.length >= batchSize && (!continues || batch.length >= batchSize + MAX_GROUP)) {
          await settle();
          if (hooks.signal?.aborted) {
            // A graceful stop: the lease is released, the job stays running for a resume.
            return (await finish(db, job, {})) ?? job;
          }
          write(batch, bytes);
          batch = [];
        }
        batch.push(p);
      }
      await settle();
      if (batch.length) {
        await writeSafely(job, actor, batch, bytes);
      }
      job = await reload(orgId, id);
      const done = await db.transaction().execute(async (trx) => {
        const row = await finish(trx, job, {
          status: 'completed',
          total: job.processed,
          finished_at: new Date(),
          bytes_done: job.file_size,
        });
        if (row && !row.dry_run) {
          await recordAudit(
            trx,
            { actor, requestId: `import:${id}`, ip: null },
            {
              action: 'import',
              entityType: 'import_job',
              entityId: id,
              after: {
                entity: row.entity,
                file: row.file_name,
                created: row.created,
                updated: row.updated,
                skipped: row.skipped,
                duplicates: row.duplicates,
              },
            },
          );
        }
        return row;
      });
      if (!done) {
        throw new LeaseLost();
      }
      await hooks.onBatch?.(done);
      if (done.dry_run) {
        rmSync(done.file_path, { force: true });
      }
      return done;
    } catch (err) {
      if (err instanceof LeaseLost) {
        deps.log.warn({ importId: id, runner: me }, 'import lease lost to another runner: stopped without writing');
        return reload(orgId, id);
      }
      const message = err instanceof Error ? err.message : String(err);
      deps.log.error({ err, importId: id }, 'import failed');
      return (await finish(db, job, { status: 'failed', message, finished_at: new Date() })) ?? reload(orgId, id);
    }
  }

  /** Jobs left queued or running whose lease is free, expired or held by a dead local process, with their file on this machine. */
  async function orphans(): Promise<{ org_id: string; id: string }[]> {
    const jobs = await importsRepository.unfinished(db);
    return jobs.filter(
      (j) =>
        (j.lease_until === null || j.lease_until.getTime() < Date.now() || heldByDeadProcess(j.runner_id)) &&
        existsSync(j.file_path),
    );
  }

  return { run, orphans, runnerId: me };
}
