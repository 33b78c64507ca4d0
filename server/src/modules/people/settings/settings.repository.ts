import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/types.ts';

type Db = Kysely<Database>;

export interface PayBandValues {
  grade: string;
  min: string | number;
  mid: string | number;
  max: string | number;
}

export const peopleSettingsRepository = {
  find(db: Db, orgId: string) {
    return db.selectFrom('people_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  },

  /** Creates the row on first write, or updates it at the expected version (undefined when it moved on). */
  async save(
    db: Db,
    orgId: string,
    version: number,
    values: { settings?: Record<string, unknown>; weights?: Record<string, number> },
  ) {
    const existing = await db
      .selectFrom('people_settings')
      .select('version')
      .where('org_id', '=', orgId)
      .forUpdate()
      .executeTakeFirst();
    if (!existing) {
      if (version !== 0 && version !== 1) {
        return undefined;
      }
      return db
        .insertInto('people_settings')
        .values({
          org_id: orgId,
          settings: JSON.stringify(values.settings ?? {}),
          attrition_weights: values.weights ? JSON.stringify(values.weights) : null,
          version: 2,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    }
    return db
      .updateTable('people_settings')
      .set((eb) => ({
        ...(values.settings ? { settings: JSON.stringify(values.settings) } : {}),
        ...(values.weights ? { attrition_weights: JSON.stringify(values.weights) } : {}),
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('org_id', '=', orgId)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  },

  payBands(db: Db, orgId: string) {
    return db.selectFrom('pay_band').selectAll().where('org_id', '=', orgId).orderBy('grade').execute();
  },

  async replacePayBands(db: Db, orgId: string, bands: PayBandValues[]) {
    await db.deleteFrom('pay_band').where('org_id', '=', orgId).execute();
    if (bands.length) {
      await db
        .insertInto('pay_band')
        .values(bands.map((b) => ({ org_id: orgId, grade: b.grade, min_pay: b.min, mid_pay: b.mid, max_pay: b.max })))
        .execute();
    }
  },
};
