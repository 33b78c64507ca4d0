import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database } from '../../platform/db/types.ts';
import type { HrServiceDeliveryTable, HrServiceGroupTable, HrServiceTable } from './hrcrm.tables.ts';

type Db = Kysely<Database>;

export const servicesRepository = {
  /** Live services with their owner's name and delivery count; one service when `id` is given. */
  list(db: Db, orgId: string, id?: string) {
    let q = db
      .selectFrom('hr_service as s')
      .leftJoin('app_user as u', (j) => j.onRef('u.org_id', '=', 's.org_id').onRef('u.id', '=', 's.owner_user_id'))
      .selectAll('s')
      .select([
        'u.display_name as owner_name',
        sql<number>`(select count(*)::int from hr_service_delivery d where d.org_id = s.org_id and d.service_id = s.id)`.as(
          'deliveries',
        ),
      ])
      .where('s.org_id', '=', orgId)
      .where('s.deleted_at', 'is', null);
    if (id) {
      q = q.where('s.id', '=', id);
    }
    return q.orderBy('s.created_at').orderBy('s.id').limit(1000).execute();
  },

  groups(db: Db, orgId: string, serviceIds: string[]) {
    if (serviceIds.length === 0) {
      return Promise.resolve([]);
    }
    return db
      .selectFrom('hr_service_group')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('service_id', 'in', serviceIds)
      .orderBy('group_key')
      .execute();
  },

  insert(db: Db, row: Insertable<HrServiceTable>) {
    return db.insertInto('hr_service').values(row).returning('id').executeTakeFirstOrThrow();
  },

  update(db: Db, orgId: string, id: string, set: Updateable<HrServiceTable>) {
    return db
      .updateTable('hr_service')
      .set({ ...set, updated_at: new Date() })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
  },

  async replaceGroups(db: Db, orgId: string, serviceId: string, rows: Insertable<HrServiceGroupTable>[]) {
    await db.deleteFrom('hr_service_group').where('org_id', '=', orgId).where('service_id', '=', serviceId).execute();
    if (rows.length) {
      await db.insertInto('hr_service_group').values(rows).execute();
    }
  },

  insertDelivery(db: Db, row: Insertable<HrServiceDeliveryTable>) {
    return db.insertInto('hr_service_delivery').values(row).returningAll().executeTakeFirstOrThrow();
  },

  deliveries(db: Db, orgId: string, serviceId: string) {
    return db
      .selectFrom('hr_service_delivery')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('service_id', '=', serviceId)
      .orderBy('delivered_on', 'desc')
      .orderBy('id')
      .limit(1000)
      .execute();
  },

  /** Quantity delivered to a group by live services. */
  async deliveredToGroup(db: Db, orgId: string, groupKey: string): Promise<number> {
    const { rows } = await sql<{ n: number }>`
      select coalesce(sum(d.quantity), 0)::int as n from hr_service_delivery d
      join hr_service s on s.org_id = d.org_id and s.id = d.service_id
      where d.org_id = ${orgId} and d.group_key = ${groupKey} and s.deleted_at is null`.execute(db);
    return rows[0]?.n ?? 0;
  },
};
