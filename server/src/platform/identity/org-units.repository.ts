import { updateVersioned } from '../db/versioned.ts';
import { sql, type Kysely } from 'kysely';
import type { Database, OrgUnitRow } from '../db/types.ts';

type Db = Kysely<Database>;
type UnitValues = { name?: string; parent_id?: string | null; manager_user_id?: string | null };

export const orgUnitsRepository = {
  /** Every unit's id and name (imports resolve units named in cells). */
  names(db: Db, orgId: string): Promise<{ id: string; name: string }[]> {
    return db.selectFrom('org_unit').select(['id', 'name']).where('org_id', '=', orgId).execute();
  },

  findById(db: Db, orgId: string, id: string): Promise<OrgUnitRow | undefined> {
    return db.selectFrom('org_unit').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  },

  /** Which of `ids` are org units of the organisation. */
  async existingIds(db: Db, orgId: string, ids: string[]): Promise<Set<string>> {
    if (!ids.length) {
      return new Set();
    }
    const rows = await db
      .selectFrom('org_unit')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', 'in', ids)
      .execute();
    return new Set(rows.map((r) => r.id));
  },

  list(db: Db, orgId: string, limit: number, afterId: string | undefined): Promise<OrgUnitRow[]> {
    let q = db.selectFrom('org_unit').selectAll().where('org_id', '=', orgId);
    if (afterId) {
      q = q.where('id', '>', afterId);
    }
    return q
      .orderBy('id')
      .limit(limit + 1)
      .execute();
  },

  /** True when `candidateParent` is `id` itself or lies below it: making it the parent would close a cycle. */
  async wouldCycle(db: Db, orgId: string, id: string, candidateParent: string): Promise<boolean> {
    const res = await sql<{ hit: boolean }>`
      with recursive below(id) as (
        select ${id}::uuid
        union
        select c.id from org_unit c join below b on c.parent_id = b.id where c.org_id = ${orgId}
      )
      select exists (select 1 from below where id = ${candidateParent}::uuid) as hit`.execute(db);
    return res.rows[0]?.hit ?? false;
  },

  insert(db: Db, orgId: string, values: Required<UnitValues>): Promise<OrgUnitRow> {
    return db
      .insertInto('org_unit')
      .values({ org_id: orgId, ...values })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  update(db: Db, orgId: string, id: string, version: number, values: UnitValues): Promise<OrgUnitRow | undefined> {
    return updateVersioned(db, 'org_unit', orgId, id, version, values);
  },
};
