import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { CarePostTable } from '../care.tables.ts';

export const postsRepository = {
  insert: (db: Db, row: Insertable<CarePostTable>) =>
    db.insertInto('care_post').values(row).returningAll().executeTakeFirstOrThrow(),

  find: (db: Db, orgId: string, id: string) =>
    db
      .selectFrom('care_post as c')
      .leftJoin('app_user as u', (j) => j.onRef('u.org_id', '=', 'c.org_id').onRef('u.id', '=', 'c.owner_id'))
      .selectAll('c')
      .select('u.display_name as owner_name')
      .where('c.org_id', '=', orgId)
      .where('c.id', '=', id)
      .executeTakeFirst(),

  update: (db: Db, orgId: string, id: string, version: number, set: Updateable<CarePostTable>) =>
    db
      .updateTable('care_post')
      .set({ ...set, updated_at: new Date(), version: sql`version + 1` })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst(),

  list: (db: Db, orgId: string, q: { from: Date; to: Date; status?: string | undefined }) => {
    let query = db
      .selectFrom('care_post as c')
      .leftJoin('app_user as u', (j) => j.onRef('u.org_id', '=', 'c.org_id').onRef('u.id', '=', 'c.owner_id'))
      .selectAll('c')
      .select('u.display_name as owner_name')
      .where('c.org_id', '=', orgId)
      .where('c.scheduled_at', '>=', q.from)
      .where('c.scheduled_at', '<', q.to);
    if (q.status) {
      query = query.where('c.status', '=', q.status as 'planned');
    }
    return query.orderBy('c.scheduled_at').orderBy('c.id').limit(500).execute();
  },

  /**
   * Posts in the commercial share (docs/metrics.md "Commercial-content ratio"): planned or published, scheduled from
   * `days` ago on (the plan ahead counts in full), leaving one post out when it is being changed.
   */
  async volume(db: Db, orgId: string, days: number, except: string | null) {
    const r = await sql<{ total: number; commercial: number }>`
      select count(*)::int as total, (count(*) filter (where commercial))::int as commercial from care_post
      where org_id = ${orgId} and status <> 'cancelled' and scheduled_at >= now() - make_interval(days => ${days})
        and (${except}::uuid is null or id <> ${except}::uuid)`.execute(db);
    return r.rows[0] ?? { total: 0, commercial: 0 };
  },

  activeUser: (db: Db, orgId: string, id: string) =>
    db
      .selectFrom('app_user')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('active', '=', true)
      .executeTakeFirst(),
};
