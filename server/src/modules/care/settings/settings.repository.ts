import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';

export const careSettingsRepository = {
  find: (db: Db, orgId: string) =>
    db.selectFrom('care_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst(),

  /** The row at the expected version (1 when none exists yet: the first write creates it); undefined when it moved on. */
  async save(db: Db, orgId: string, version: number, cap: number, userId: string) {
    const inserted = await db
      .insertInto('care_settings')
      .values({ org_id: orgId, commercial_cap: cap, updated_by: userId, version: 2 })
      .onConflict((oc) => oc.column('org_id').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted) {
      return version === 1 ? inserted : undefined;
    }
    return db
      .updateTable('care_settings')
      .set({ commercial_cap: cap, updated_by: userId, updated_at: new Date(), version: sql`version + 1` })
      .where('org_id', '=', orgId)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  },
};
