import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import { auditWho, type ProductSnapshot, type TransactionSnapshot, type Who } from './bulk-types.ts';
import { bulkProductsRepository } from './products.repository.ts';
import { bulkTransactionsRepository } from './transactions.repository.ts';

// Undo of the bulk paths (an import's revert): snapshots back, created records out. One audit row per call.

/** Puts products back as snapshots from `bulkUpsertProducts` say they were (undo of an import's updates). */
export async function restoreProductSnapshots(trx: Db, who: Who, snapshots: ProductSnapshot[]): Promise<number> {
  const w = auditWho(who);
  let restored = 0;
  for (const s of snapshots) {
    restored += await bulkProductsRepository.restore(trx, w.orgId, s);
  }
  await recordAudit(trx, w, { action: 'bulk_restore', entityType: 'product', entityId: null, after: { restored } });
  return restored;
}

/** Puts transactions and their lines back as snapshots from `bulkUpsertTransactions` say they were. */
export async function restoreTransactionSnapshots(
  trx: Db,
  who: Who,
  snapshots: TransactionSnapshot[],
): Promise<number> {
  const w = auditWho(who);
  let restored = 0;
  for (const s of snapshots) {
    if (await bulkTransactionsRepository.restore(trx, w.orgId, s)) {
      restored++;
    }
  }
  await recordAudit(trx, w, { action: 'bulk_restore', entityType: 'transaction', entityId: null, after: { restored } });
  return restored;
}

/** Removes transactions (and their lines) by id: undo of the ones an import created. Returns how many went. */
export async function deleteTransactions(trx: Db, who: Who, ids: string[]): Promise<number> {
  const w = auditWho(who);
  if (!ids.length) {
    return 0;
  }
  const n = await bulkTransactionsRepository.deleteByIds(trx, w.orgId, ids);
  await recordAudit(trx, w, {
    action: 'bulk_delete',
    entityType: 'transaction',
    entityId: null,
    after: { deleted: n, ids: ids.slice(0, 1000) },
  });
  return n;
}

/** Removes products by id that no transaction line uses (undo of an import's creations); returns the ids kept because lines use them. */
export async function deleteProducts(trx: Db, who: Who, ids: string[]): Promise<{ deleted: number; kept: string[] }> {
  const w = auditWho(who);
  if (!ids.length) {
    return { deleted: 0, kept: [] };
  }
  const used = await bulkProductsRepository.usedByLines(trx, w.orgId, ids);
  const n = await bulkProductsRepository.deleteByIds(
    trx,
    w.orgId,
    ids.filter((id) => !used.includes(id)),
  );
  await recordAudit(trx, w, {
    action: 'bulk_delete',
    entityType: 'product',
    entityId: null,
    after: { deleted: n, kept: used },
  });
  return { deleted: n, kept: used };
}
