import type { RequestContext } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { conflict } from '../../platform/errors.ts';
import {
  deleteProducts,
  deleteTransactions,
  restoreProductSnapshots,
  restoreTransactionSnapshots,
  type ProductSnapshot,
  type TransactionSnapshot,
} from '../commerce/index.ts';
import { binPartiesIn, deleteInteractionsIn, restorePartySnapshots, type PartySnapshot } from '../parties/index.ts';
import { importsRepository } from './imports.repository.ts';
import type { ImportJobRow } from './imports.tables.ts';

/** Removes what the job created: how many went, and a message when some had to stay. */
async function removeCreated(
  trx: Db,
  ctx: RequestContext,
  job: ImportJobRow,
): Promise<{ removed: number; message: string | null }> {
  switch (job.entity) {
    case 'parties':
    case 'employees':
      return {
        removed: await binPartiesIn(
          trx,
          job.org_id,
          importsRepository.createdIdsQuery(job.org_id, job.id, 'party'),
          new Date(),
          ctx.actor.userId,
        ),
        message: null,
      };
    case 'interactions':
      return {
        removed: await deleteInteractionsIn(
          trx,
          job.org_id,
          importsRepository.createdIdsQuery(job.org_id, job.id, 'interaction'),
        ),
        message: null,
      };
    case 'transactions': {
      const ids = await importsRepository.createdIds(trx, job.org_id, job.id, 'transaction');
      return { removed: await deleteTransactions(trx, ctx, ids), message: null };
    }
    case 'products': {
      const ids = await importsRepository.createdIds(trx, job.org_id, job.id, 'product');
      const out = await deleteProducts(trx, ctx, ids);
      return {
        removed: out.deleted,
        message: out.kept.length ? `${out.kept.length} imported product(s) kept: transactions use them` : null,
      };
    }
  }
}

/** Restores what the job updated from the snapshots taken before, newest row first; how many came back. */
async function restoreUpdated(trx: Db, ctx: RequestContext, job: ImportJobRow): Promise<number> {
  let restored = 0;
  let before = 2_147_483_647;
  for (;;) {
    const page = await importsRepository.updatedBefore(trx, job.org_id, job.id, before, 500);
    if (!page.length) {
      return restored;
    }
    const snapshots = page.map((p) => p.before);
    if (job.entity === 'products') {
      restored += await restoreProductSnapshots(trx, ctx, snapshots as ProductSnapshot[]);
    } else if (job.entity === 'transactions') {
      restored += await restoreTransactionSnapshots(trx, ctx, snapshots as TransactionSnapshot[]);
    } else {
      restored += await restorePartySnapshots(trx, ctx, snapshots as PartySnapshot[]);
    }
    before = (page.at(-1) as { row_no: number }).row_no;
  }
}

/**
 * Undoes a finished import in one transaction: what it created goes (parties to the bin,
 * interactions and transactions deleted, products deleted unless a transaction line uses them),
 * what it updated is restored from the snapshot taken before the update (newest first, so a record
 * several rows updated ends as it was before the first).
 */
export async function revertImport(
  db: Db,
  ctx: RequestContext,
  job: ImportJobRow,
): Promise<{ job: ImportJobRow; removed: number; restored: number }> {
  if (job.status !== 'completed' && job.status !== 'failed') {
    throw conflict(
      job.status === 'reverted'
        ? 'This import was reverted already'
        : `A ${job.status} import cannot be reverted; wait until it has finished`,
    );
  }
  return db.transaction().execute(async (trx) => {
    const claimed = await importsRepository.transition(trx, job.org_id, job.id, ['completed', 'failed'], 'reverted', {
      reverted_at: new Date(),
    });
    if (!claimed) {
      throw conflict('This import is being reverted already');
    }
    const { removed, message } = await removeCreated(trx, ctx, job);
    const restored = await restoreUpdated(trx, ctx, job);
    const final = message ? await importsRepository.update(trx, job.org_id, job.id, { message }) : claimed;
    await recordAudit(trx, ctx, {
      action: 'import_revert',
      entityType: 'import_job',
      entityId: job.id,
      after: { removed, restored, ...(message ? { message } : {}) },
    });
    return { job: final, removed, restored };
  });
}
