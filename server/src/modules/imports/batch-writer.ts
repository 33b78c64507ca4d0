import type { Insertable } from 'kysely';
import type { Actor, RequestContext } from '../../platform/auth/actor.ts';
import { phaseChannel, timed } from '../../platform/bulk/phases.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Deps } from '../../platform/deps.ts';
import type { BatchSink } from './batch-sink.ts';
import type { Pending } from './imports.job.ts';
import { importsRepository, type Progress } from './imports.repository.ts';
import type { ImportErrorTable, ImportItemTable, ImportJobRow } from './imports.tables.ts';
import { leaseRepository } from './lease.repository.ts';
import { sameTransaction } from './commerce-rows.ts';
import type { RowIssue } from './rows.ts';
import { writers } from './writers.ts';

/** What the parts of a runner share: its dependencies, batch size and lease (its id and length). */
export interface RunnerContext {
  deps: Deps;
  batchSize: number;
  lease: { id: string; leaseSeconds: number };
}

class DryRunRollback extends Error {}
/** Another runner holds the job now: stop without writing. */
export class LeaseLost extends Error {}

/** In a batch transaction: renews the lease if it is still ours (and locks the job row until the batch commits). */
async function renew(r: RunnerContext, trx: Db, job: ImportJobRow): Promise<void> {
  if (!(await leaseRepository.renew(trx, job, r.lease))) {
    throw new LeaseLost();
  }
}

/** Where a batch's writers put what each row became and what went wrong (numbered per row). */
function sinkOf(job: ImportJobRow, ctx: RequestContext, progress: Progress, errors: Insertable<ImportErrorTable>[]) {
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
  return sink;
}

/** One batch: lease, rows and their items, errors and the checkpoint in one transaction (rolled back on a dry run, but for its errors and counts). */
async function writeBatch(
  r: RunnerContext,
  job: ImportJobRow,
  actor: Actor,
  batch: Pending[],
  bytesDone: number,
): Promise<void> {
  const { db } = r.deps;
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
  const sink = sinkOf(job, ctx, progress, errors);
  // When the batch's statements were done: the rest of the transaction's time is its commit (a phase, phases.ts).
  let committing = 0;
  const work = async (trx: Db) => {
    await renew(r, trx, job);
    for (const p of batch.filter((x) => x.issues.length)) {
      sink.report(p.row, p.issues);
      progress.skipped++;
    }
    await writers[job.entity](trx, sink, batch);
    progress.failed = errors.filter((e) => e.code !== 'duplicate').length;
    if (job.dry_run) {
      throw new DryRunRollback();
    }
    await timed('items', async () => {
      await importsRepository.addItems(trx, sink.items);
      await importsRepository.addErrors(trx, errors);
      await importsRepository.advance(trx, job.org_id, job.id, progress);
    });
    committing = performance.now();
  };
  try {
    await db.transaction().execute(work);
    if (phaseChannel.hasSubscribers) {
      phaseChannel.publish({ phase: 'commit', ms: performance.now() - committing });
    }
  } catch (err) {
    if (!(err instanceof DryRunRollback)) {
      throw err;
    }
    // A dry run keeps its report and counts (as if written), and nothing else.
    await db.transaction().execute(async (trx) => {
      await renew(r, trx, job);
      await importsRepository.addErrors(trx, errors);
      await importsRepository.advance(trx, job.org_id, job.id, progress);
    });
  }
}

/** Rows that must be written together: a transaction's rows, else each row alone. */
function unitsOf(job: ImportJobRow, batch: Pending[]): Pending[][] {
  if (job.entity !== 'transactions') {
    return batch.map((p) => [p]);
  }
  const out: Pending[][] = [];
  for (const p of batch) {
    const last = out.at(-1);
    if (last && sameTransaction(last.at(-1)?.tx, p.tx)) {
      last.push(p);
    } else {
      out.push([p]);
    }
  }
  return out;
}

/** A batch that failed as a whole (a database error) is retried unit by unit; a unit that still fails is reported. */
export async function writeSafely(
  r: RunnerContext,
  job: ImportJobRow,
  actor: Actor,
  batch: Pending[],
  bytesDone: number,
): Promise<void> {
  try {
    await writeBatch(r, job, actor, batch, bytesDone);
  } catch (err) {
    if (err instanceof LeaseLost) {
      throw err;
    }
    const units = unitsOf(job, batch);
    if (units.length === 1) {
      const message = err instanceof Error ? err.message : String(err);
      await writeBatch(
        r,
        job,
        actor,
        batch.map((p) => ({ ...p, issues: [{ column: null, code: 'write_failed', message }] })),
        bytesDone,
      );
      return;
    }
    for (const u of units) {
      await writeSafely(r, job, actor, u, bytesDone);
    }
  }
}
