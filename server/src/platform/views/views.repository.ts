import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

type Db = Kysely<Database>;

// Saved views are private to their user: everything filters on (org, user).
export const viewsRepository = {
  list: (db: Db, orgId: string, userId: string, table: string) =>
    db
      .selectFrom('saved_view')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .where('table_key', '=', table)
      .orderBy('name')
      .limit(200)
      .execute(),
  find: (db: Db, orgId: string, userId: string, id: string) =>
    db
      .selectFrom('saved_view')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst(),
  insert: (db: Db, orgId: string, userId: string, v: { table: string; name: string; state: unknown }) =>
    db
      .insertInto('saved_view')
      .values({ org_id: orgId, user_id: userId, table_key: v.table, name: v.name, state: JSON.stringify(v.state) })
      .returningAll()
      .executeTakeFirstOrThrow(),
  update: (
    db: Db,
    orgId: string,
    userId: string,
    id: string,
    version: number,
    v: { name?: string | undefined; state?: unknown },
  ) =>
    db
      .updateTable('saved_view')
      .set((eb) => ({
        ...(v.name !== undefined ? { name: v.name } : {}),
        ...(v.state !== undefined ? { state: JSON.stringify(v.state) } : {}),
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst(),
  delete: (db: Db, orgId: string, userId: string, id: string) =>
    db
      .deleteFrom('saved_view')
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst(),
};
