import type { Db } from '../../platform/db/database.ts';
import type { ValueSettingTable } from './core.tables.ts';

type Key = ValueSettingTable['key'];
export interface SettingRow {
  value: unknown;
  version: number;
  updated_at: Date;
  updated_by: string | null;
}

/** The org's stored value settings (RFM rules, value classes); absent until a PUT stores one. */
export const settingsRepository = {
  async get(db: Db, orgId: string, key: Key): Promise<SettingRow | undefined> {
    return db
      .selectFrom('value_setting')
      .select(['value', 'version', 'updated_at', 'updated_by'])
      .where('org_id', '=', orgId)
      .where('key', '=', key)
      .executeTakeFirst();
  },

  /** Stores the first value; undefined when someone stored one first. */
  async insert(db: Db, orgId: string, key: Key, value: unknown, userId: string): Promise<SettingRow | undefined> {
    return db
      .insertInto('value_setting')
      .values({ org_id: orgId, key, value: JSON.stringify(value), updated_by: userId })
      .onConflict((oc) => oc.columns(['org_id', 'key']).doNothing())
      .returning(['value', 'version', 'updated_at', 'updated_by'])
      .executeTakeFirst();
  },

  /** Replaces the value at `version`; undefined when the version has moved. */
  async update(
    db: Db,
    orgId: string,
    key: Key,
    value: unknown,
    version: number,
    userId: string,
  ): Promise<SettingRow | undefined> {
    return db
      .updateTable('value_setting')
      .set((eb) => ({
        value: JSON.stringify(value),
        updated_by: userId,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('org_id', '=', orgId)
      .where('key', '=', key)
      .where('version', '=', version)
      .returning(['value', 'version', 'updated_at', 'updated_by'])
      .executeTakeFirst();
  },

  /** Removes the stored value at `version` (the documented default applies again); false when the version moved. */
  async remove(db: Db, orgId: string, key: Key, version: number): Promise<boolean> {
    const r = await db
      .deleteFrom('value_setting')
      .where('org_id', '=', orgId)
      .where('key', '=', key)
      .where('version', '=', version)
      .executeTakeFirst();
    return r.numDeletedRows > 0n;
  },
};
