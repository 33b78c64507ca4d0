import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from '../../../platform/db/types.ts';
import { updateVersioned } from '../../../platform/db/versioned.ts';
import type { SlaPolicyTable } from '../cases.tables.ts';

type Db = Kysely<Database>;

export const policiesRepository = {
  list: (db: Db, orgId: string) =>
    db
      .selectFrom('sla_policy')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('is_default', 'desc')
      .orderBy('name')
      .execute(),
  find: (db: Db, orgId: string, id: string) =>
    db.selectFrom('sla_policy').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst(),
  findDefault: (db: Db, orgId: string) =>
    db
      .selectFrom('sla_policy')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('is_default', '=', true)
      .executeTakeFirst(),
  insert: (db: Db, row: Insertable<SlaPolicyTable>) =>
    db.insertInto('sla_policy').values(row).returningAll().executeTakeFirstOrThrow(),
  update: (db: Db, orgId: string, id: string, version: number, values: Updateable<SlaPolicyTable>) =>
    updateVersioned(db, 'sla_policy', orgId, id, version, values),
  clearDefault: (db: Db, orgId: string) =>
    db
      .updateTable('sla_policy')
      .set({ is_default: false })
      .where('org_id', '=', orgId)
      .where('is_default', '=', true)
      .execute(),
  /** Serialises seeding of the default policy per organisation. */
  lockOrg: (db: Db, orgId: string) =>
    db.selectFrom('organization').select('org_id').where('org_id', '=', orgId).forUpdate().executeTakeFirst(),
};
