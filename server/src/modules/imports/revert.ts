import { sql } from 'kysely';
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
import { restorePartySnapshots, type PartySnapshot } from '../parties/index.ts';
import { importsRepository } from './imports.repository.ts';
import type { ImportJobRow } from './imports.tables.ts';

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
    const created = async (entity: string) =>
      (
        await trx
          .selectFrom('import_item')
          .select('record_id')
          .where('org_id', '=', job.org_id)
          .where('job_id', '=', job.id)
          .where('entity', '=', entity)
          .where('action', '=', 'created')
          .execute()
      ).map((r) => r.record_id);
    const now = new Date();
    let removed = 0;
    let message: string | null = null;
    if (job.entity === 'parties' || job.entity === 'employees') {
      const gone = await sql<{ id: string }>`
        update party p set deleted_at = ${now}, external_id = null, updated_at = ${now}, version = p.version + 1
        from import_item i
        where i.org_id = ${job.org_id} and i.job_id = ${job.id} and i.entity = 'party' and i.action = 'created'
          and p.org_id = i.org_id and p.id = i.record_id and p.deleted_at is null
        returning p.id`.execute(trx);
      removed = gone.rows.length;
    } else if (job.entity === 'interactions') {
      const gone = await sql<{ id: string }>`
        delete from interaction x using import_item i
        where i.org_id = ${job.org_id} and i.job_id = ${job.id} and i.entity = 'interaction' and i.action = 'created'
          and x.org_id = i.org_id and x.id = i.record_id
        returning x.id`.execute(trx);
      removed = gone.rows.length;
    } else if (job.entity === 'transactions') {
      removed = await deleteTransactions(trx, ctx, await created('transaction'));
    } else {
      const out = await deleteProducts(trx, ctx, await created('product'));
      removed = out.deleted;
      if (out.kept.length) {
        message = `${out.kept.length} imported product(s) kept: transactions use them`;
      }
    }
    let restored = 0;
    let after = 2_147_483_647;
    for (;;) {
      const page = await trx
        .selectFrom('import_item')
        .select(['row_no', 'before'])
        .where('org_id', '=', job.org_id)
        .where('job_id', '=', job.id)
        .where('action', '=', 'updated')
        .where('row_no', '<', after)
        .orderBy('row_no', 'desc')
        .limit(500)
        .execute();
      if (!page.length) {
        break;
      }
      const befores = page.map((p) => p.before);
      if (job.entity === 'products') {
        restored += await restoreProductSnapshots(trx, ctx, befores as ProductSnapshot[]);
      } else if (job.entity === 'transactions') {
        restored += await restoreTransactionSnapshots(trx, ctx, befores as TransactionSnapshot[]);
      } else {
        restored += await restorePartySnapshots(trx, ctx, befores as PartySnapshot[]);
      }
      after = (page.at(-1) as { row_no: number }).row_no;
    }
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
