import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/** Failed sign-in counters (table login_throttle), shared by every server on the database. */
export const throttleRepository = {
  /** The counters of these keys whose window has not ended. */
  async live(db: Db, keys: string[]): Promise<{ key: string; failures: number; window_ends_at: Date }[]> {
    return db
      .selectFrom('login_throttle')
      .select(['key', 'failures', 'window_ends_at'])
      .where('key', 'in', keys)
      .where('window_ends_at', '>', sql<Date>`now()`)
      .execute();
  },

  /**
   * Counts one failure for each key in one statement: a key whose window has ended starts a new one. Concurrent
   * failures on several servers each count (the row is updated under its lock, never read-modify-written in Node).
   */
  async fail(db: Db, keys: string[], windowSeconds: number): Promise<void> {
    await db
      .insertInto('login_throttle')
      .values(
        keys.map((key) => ({
          key,
          failures: 1,
          window_ends_at: sql<Date>`now() + make_interval(secs => ${windowSeconds})`,
        })),
      )
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          failures: sql<number>`case when login_throttle.window_ends_at > now() then login_throttle.failures + 1 else 1 end`,
          window_ends_at: sql<Date>`case when login_throttle.window_ends_at > now() then login_throttle.window_ends_at
            else excluded.window_ends_at end`,
        }),
      )
      .execute();
  },

  async clear(db: Db, key: string): Promise<void> {
    await db.deleteFrom('login_throttle').where('key', '=', key).execute();
  },

  /** Counters whose window ended (housekeeping). */
  async deleteEnded(db: Db): Promise<number> {
    const r = await db
      .deleteFrom('login_throttle')
      .where('window_ends_at', '<=', sql<Date>`now()`)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },
};
