import type { Db } from './database.ts';

/**
 * Runs `work` in the caller's transaction when one is given, else in a new one. Services that other modules call as
 * a step of a larger write accept the caller's `trx` this way, so the whole write lands together or not at all
 * (Kysely cannot open a transaction inside a transaction).
 */
export function inTransaction<T>(db: Db, trx: Db | undefined, work: (trx: Db) => Promise<T>): Promise<T> {
  return trx ? work(trx) : db.transaction().execute(work);
}
