import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { invalidCursor, cursorValueFits, decodeCursor, encodeCursor } from '../db/pagination.ts';
import type { NotificationRow, NewNotification } from './notify.types.ts';

// Notifications are private to their user: every read and write filters on (org, user).
export const notificationsRepository = {
  /** Inserts what is new; a row whose (user, dedupe key) exists already is skipped. Inactive users get nothing. */
  async insert(db: Db, orgId: string, rows: readonly NewNotification[]): Promise<number> {
    if (!rows.length) {
      return 0;
    }
    const values = rows.map(
      (r) =>
        sql`(${r.userId}::uuid, ${r.kind}, ${r.recordType}, ${r.recordId}::uuid, ${JSON.stringify(r.params ?? {})}::jsonb, ${r.dedupeKey})`,
    );
    const res = await sql`
      insert into notification (org_id, user_id, kind, record_type, record_id, params, dedupe_key)
      select ${orgId}::uuid, v.user_id, v.kind, v.record_type, v.record_id, v.params, v.dedupe_key
      from (values ${sql.join(values)}) as v (user_id, kind, record_type, record_id, params, dedupe_key)
      join app_user u on u.org_id = ${orgId} and u.id = v.user_id and u.active
      on conflict (org_id, user_id, dedupe_key) do nothing`.execute(db);
    return Number(res.numAffectedRows ?? 0);
  },

  /** Newest first, keyset over (created_at, id). */
  async page(
    db: Db,
    orgId: string,
    userId: string,
    q: { unread: boolean; limit: number; cursor: string | undefined },
  ): Promise<{ items: NotificationRow[]; nextCursor: string | null }> {
    let query = db.selectFrom('notification').selectAll().where('org_id', '=', orgId).where('user_id', '=', userId);
    if (q.unread) {
      query = query.where('read_at', 'is', null);
    }
    if (q.cursor) {
      const [at, id] = decodeCursor(q.cursor, 2);
      if (!cursorValueFits(at, 'timestamptz') || !cursorValueFits(id, 'uuid')) {
        throw invalidCursor();
      }
      query = query.where(sql<boolean>`(created_at, id) < (${at}::timestamptz, ${id}::uuid)`);
    }
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.limit + 1)
      .execute();
    const items = rows.slice(0, q.limit);
    const last = items.at(-1);
    return {
      items,
      nextCursor: rows.length > q.limit && last ? encodeCursor([last.created_at.toISOString(), last.id]) : null,
    };
  },

  /** The newest unread rows (the count checks each one's record). */
  unread: (db: Db, orgId: string, userId: string, limit: number) =>
    db
      .selectFrom('notification')
      .select(['id', 'record_type', 'record_id'])
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute(),

  find: (db: Db, orgId: string, userId: string, id: string) =>
    db
      .selectFrom('notification')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst(),

  markRead: (db: Db, orgId: string, userId: string, id: string, at: Date) =>
    db
      .updateTable('notification')
      .set({ read_at: sql<Date>`coalesce(read_at, ${at})` })
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst(),

  async markAllRead(db: Db, orgId: string, userId: string, at: Date): Promise<number> {
    const res = await db
      .updateTable('notification')
      .set({ read_at: at })
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return Number(res.numUpdatedRows);
  },

  setting: (db: Db, orgId: string, userId: string) =>
    db
      .selectFrom('notification_setting')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .executeTakeFirst(),

  putSetting: (db: Db, orgId: string, userId: string, emailDigest: boolean) =>
    db
      .insertInto('notification_setting')
      .values({ org_id: orgId, user_id: userId, email_digest: emailDigest })
      .onConflict((oc) =>
        oc.columns(['org_id', 'user_id']).doUpdateSet({ email_digest: emailDigest, updated_at: new Date() }),
      )
      .returningAll()
      .executeTakeFirstOrThrow(),

  /**
   * Claims today's digest for every active user who asked for one and has unread notifications newer than their last
   * digest: one update per user moves `digest_sent_on` to `day` only if it is not there already, so two servers (or a
   * retried job) claim each user once a day. Returns the claimed users with what goes in their mail.
   */
  async claimDigests(db: Db, day: string, now: Date, limit: number) {
    const { rows } = await sql<{
      org_id: string;
      user_id: string;
      email: string;
      display_name: string;
      locale: string | null;
      since: Date | null;
    }>`
      with due as (
        select s.org_id, s.user_id, s.digest_sent_at as since from notification_setting s
        join app_user u on u.org_id = s.org_id and u.id = s.user_id and u.active
        where s.email_digest and (s.digest_sent_on is null or s.digest_sent_on < ${day}::date)
          and exists (
            select 1 from notification n
            where n.org_id = s.org_id and n.user_id = s.user_id and n.read_at is null
              and n.created_at > coalesce(s.digest_sent_at, '-infinity'::timestamptz) and n.created_at <= ${now}
          )
        order by s.org_id, s.user_id
        limit ${limit}
        for update of s skip locked
      ), claimed as (
        update notification_setting s set digest_sent_on = ${day}::date, digest_sent_at = ${now}
        from due where s.org_id = due.org_id and s.user_id = due.user_id
        returning s.org_id, s.user_id, due.since
      )
      select c.org_id, c.user_id, u.email, u.display_name, coalesce(u.locale, o.default_locale) as locale, c.since
      from claimed c
      join app_user u on u.org_id = c.org_id and u.id = c.user_id
      join organization o on o.org_id = c.org_id`.execute(db);
    return rows;
  },

  /** Unread notifications of one user created in (since, until], newest first. */
  digestItems: (db: Db, orgId: string, userId: string, since: Date | null, until: Date, limit: number) =>
    db
      .selectFrom('notification')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .where('created_at', '>', since ?? new Date(0))
      .where('created_at', '<=', until)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute(),
};
