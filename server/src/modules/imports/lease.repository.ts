import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { ImportJobRow } from './imports.tables.ts';

/**
 * The runner lease of an import job (runner.ts): one runner per job. A runner claims the lease when it
 * is free or expired (or, on the runner's word, held by a dead process), renews it in every batch
 * transaction, and releases it when the run ends; each write checks that the lease is still its own.
 */
const leaseEnd = (seconds: number) => sql<Date>`now() + make_interval(secs => ${seconds})`;

export const leaseRepository = {
  /** Takes the lease of a queued or running job that is free (or held by `holder`); undefined when it is not. */
  claim(
    db: Db,
    orgId: string,
    id: string,
    runner: { id: string; leaseSeconds: number },
    holder: { runner: string | null } | 'free',
  ): Promise<ImportJobRow | undefined> {
    return db
      .updateTable('import_job')
      .set((eb) => ({
        status: 'running',
        runner_id: runner.id,
        lease_until: leaseEnd(runner.leaseSeconds),
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
  },

  /** Renews the lease if it is still this runner's (and locks the job row until the batch commits); false when lost. */
  async renew(trx: Db, job: ImportJobRow, runner: { id: string; leaseSeconds: number }): Promise<boolean> {
    const held = await trx
      .updateTable('import_job')
      .set({ lease_until: leaseEnd(runner.leaseSeconds) })
      .where('org_id', '=', job.org_id)
      .where('id', '=', job.id)
      .where('runner_id', '=', runner.id)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Boolean(held.numUpdatedRows);
  },

  /** Ends the run with these values and releases the lease, only while it is this runner's. */
  finish(
    db: Db,
    job: ImportJobRow,
    runnerId: string,
    values: Partial<Record<keyof ImportJobRow, unknown>>,
  ): Promise<ImportJobRow | undefined> {
    return db
      .updateTable('import_job')
      .set({ ...(values as object), runner_id: null, lease_until: null, updated_at: new Date() })
      .where('org_id', '=', job.org_id)
      .where('id', '=', job.id)
      .where('runner_id', '=', runnerId)
      .returningAll()
      .executeTakeFirst();
  },
};
