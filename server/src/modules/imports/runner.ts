import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { phaseClock, timed } from '../../platform/bulk/phases.ts';
import { emitEvent } from '../../platform/webhooks/events.ts';
import type { Deps } from '../../platform/deps.ts';
import { notFound } from '../../platform/errors.ts';
import { afterCommerceBatch } from '../commerce/index.ts';
import { afterPartiesBatch } from '../parties/index.ts';
import { LeaseLost, writeSafely, type RunnerContext } from './batch-writer.ts';
import { requireImporter } from './imports.access.ts';
import { actorOf, lookupsOf, type ImportSettings, type Pending, type RunHooks } from './imports.job.ts';
import { importsRepository } from './imports.repository.ts';
import type { ImportEntity, ImportJobRow } from './imports.tables.ts';
import { leaseRepository } from './lease.repository.ts';
import { columnsOf, sourceInfoOf, toPending } from './pending.ts';
import { sameTransaction } from './commerce-rows.ts';
import { readRecords } from './reader.ts';

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

/** Transactions: a batch never splits consecutive rows of one transaction (at most 500 lines, the schema's limit). */
const MAX_GROUP = 500;

async function reload(r: RunnerContext, orgId: string, id: string): Promise<ImportJobRow> {
  const job = await importsRepository.find(r.deps.db, orgId, id);
  if (!job) {
    throw notFound('Import');
  }
  return job;
}

/** Takes the job's lease when it is free, expired or held by a dead local process; undefined when another runner holds it. */
async function claim(r: RunnerContext, orgId: string, id: string): Promise<ImportJobRow | undefined> {
  const { db } = r.deps;
  const got = await leaseRepository.claim(db, orgId, id, r.lease, 'free');
  if (got) {
    return got;
  }
  const job = await importsRepository.find(db, orgId, id);
  return job && heldByDeadProcess(job.runner_id)
    ? leaseRepository.claim(db, orgId, id, r.lease, { runner: job.runner_id })
    : undefined;
}

/**
 * Upkeep after each batch: planner statistics of the import items after batches 1, 2, 4, 8…, and the owning
 * module's upkeep of the tables being filled (without it, per-batch lookups pick plans that grow with the table).
 */
function batchUpkeep(deps: Deps, entity: ImportEntity): () => Promise<void> {
  let batches = 0;
  return async () => {
    batches++;
    if ((batches & (batches - 1)) === 0) {
      await importsRepository.analyseItems(deps.db);
    }
    if (entity === 'parties' || entity === 'employees') {
      // Cleaning the GIN pending lists may be refused (e.g. to a role that does not own the index): a lost optimisation only.
      await afterPartiesBatch(deps.db, batches).catch((err: unknown) => deps.log.debug({ err }, 'afterPartiesBatch'));
    } else if (entity === 'products' || entity === 'transactions') {
      await afterCommerceBatch(deps.db, batches);
    }
  };
}

/**
 * Reads the file from the checkpoint into batches and writes them; one batch writes while the next is read and
 * checked (the database and the parsing overlap on two cores), and the batches still commit one after the other,
 * each with its checkpoint. At most two batches are in memory. Returns the job when a signal stopped the run.
 */
async function streamBatches(
  r: RunnerContext,
  claimed: ImportJobRow,
  actor: Actor,
  hooks: RunHooks,
): Promise<ImportJobRow | null> {
  const { db } = r.deps;
  const lookups = await lookupsOf(db, claimed.org_id);
  const columns = columnsOf(claimed);
  const upkeep = batchUpkeep(r.deps, claimed.entity);
  const grouped = claimed.entity === 'transactions';
  let job = claimed;
  let bytes = 0;
  let batch: Pending[] = [];
  let writing: Promise<void> | null = null;
  // Phases (platform/bulk/phases.ts): checking rows, waiting for the batch before, and the upkeep after a batch.
  const check = phaseClock('check');
  const settle = async () => {
    const w = writing;
    writing = null;
    await timed('wait', async () => w);
  };
  const write = (rows: Pending[], bytesAt: number) => {
    check.publish();
    const w = (async () => {
      await writeSafely(r, job, actor, rows, bytesAt);
      await timed('upkeep', upkeep);
      job = await reload(r, job.org_id, job.id);
      await hooks.onBatch?.(job);
    })();
    w.catch(() => undefined); // awaited (and thrown) by settle()
    writing = w;
  };
  const records = readRecords(job.file_path, sourceInfoOf(job), { skip: job.processed, onBytes: (n) => (bytes += n) });
  for await (const rec of records) {
    const p = check.run(() => toPending(job, rec, columns, lookups));
    const continues = grouped && sameTransaction(batch.at(-1)?.tx, p.tx);
    if (batch.length >= r.batchSize && (!continues || batch.length >= r.batchSize + MAX_GROUP)) {
      await settle();
      if (hooks.signal?.aborted) {
        // A graceful stop: the lease is released, the job stays running for a resume.
        return (await leaseRepository.finish(db, job, r.lease.id, {})) ?? job;
      }
      write(batch, bytes);
      batch = [];
    }
    batch.push(p);
  }
  await settle();
  if (batch.length) {
    await writeSafely(r, job, actor, batch, bytes);
  }
  return null;
}

/** Completes the run (while the lease is ours) and audits it; a dry run's file goes. */
async function complete(r: RunnerContext, job: ImportJobRow, actor: Actor, hooks: RunHooks): Promise<ImportJobRow> {
  const done = await r.deps.db.transaction().execute(async (trx) => {
    const row = await leaseRepository.finish(trx, job, r.lease.id, {
      status: 'completed',
      total: job.processed,
      finished_at: new Date(),
      bytes_done: job.file_size,
    });
    if (row && !row.dry_run) {
      await recordAudit(
        trx,
        { actor, requestId: `import:${job.id}`, ip: null },
        {
          action: 'import',
          entityType: 'import_job',
          entityId: job.id,
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
      await emitEvent(trx, { actor, requestId: `import:${job.id}`, ip: null }, 'import.completed', {
        id: job.id,
        entity: row.entity,
        created: row.created,
        updated: row.updated,
        skipped: row.skipped,
      });
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
}

/** Processes a queued or interrupted job to its end, from its checkpoint, unless another runner holds it. */
async function run(r: RunnerContext, orgId: string, id: string, hooks: RunHooks): Promise<ImportJobRow> {
  const claimed = await claim(r, orgId, id);
  if (!claimed) {
    return reload(r, orgId, id);
  }
  try {
    const actor = await actorOf(r.deps.db, orgId, claimed.created_by);
    requireImporter(actor, claimed.entity);
    const stopped = await streamBatches(r, claimed, actor, hooks);
    return stopped ?? (await complete(r, await reload(r, orgId, id), actor, hooks));
  } catch (err) {
    if (err instanceof LeaseLost) {
      r.deps.log.warn(
        { importId: id, runner: r.lease.id },
        'import lease lost to another runner: stopped without writing',
      );
      return reload(r, orgId, id);
    }
    const message = err instanceof Error ? err.message : String(err);
    r.deps.log.error({ err, importId: id }, 'import failed');
    const failed = await leaseRepository.finish(r.deps.db, claimed, r.lease.id, {
      status: 'failed',
      message,
      finished_at: new Date(),
    });
    return failed ?? reload(r, orgId, id);
  }
}

/** Jobs left queued or running whose lease is free, expired or held by a dead local process, with their file on this machine. */
async function orphans(r: RunnerContext): Promise<{ org_id: string; id: string }[]> {
  const jobs = await importsRepository.unfinished(r.deps.db);
  return jobs.filter(
    (j) =>
      (j.lease_until === null || j.lease_until.getTime() < Date.now() || heldByDeadProcess(j.runner_id)) &&
      existsSync(j.file_path),
  );
}

export function importRunner(deps: Deps, settings: ImportSettings) {
  const r: RunnerContext = {
    deps,
    batchSize: settings.batchSize ?? 2000,
    lease: { id: newRunnerId(), leaseSeconds: settings.leaseSeconds ?? 60 },
  };
  return {
    run: (orgId: string, id: string, hooks: RunHooks = {}) => run(r, orgId, id, hooks),
    orphans: () => orphans(r),
    runnerId: r.lease.id,
  };
}
