import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

type Db = Kysely<Database>;

export const sessionsRepository = {
  insert(
    db: Db,
    v: {
      orgId: string;
      userId: string;
      tokenHash: string;
      csrfToken: string;
      ip: string | null;
      userAgent: string | null;
      expiresAt: Date;
    },
  ) {
    return db
      .insertInto('session')
      .values({
        org_id: v.orgId,
        user_id: v.userId,
        token_hash: v.tokenHash,
        csrf_token: v.csrfToken,
        ip: v.ip,
        user_agent: v.userAgent,
        expires_at: v.expiresAt,
      })
      .returning(['id'])
      .executeTakeFirstOrThrow();
  },

  /** The session and its user, if the session is live and the user active. */
  // org-scope: a session cookie's token hash is unique across organisations, and the caller's organisation is not known before it.
  findLive(db: Db, tokenHash: string) {
    return db
      .selectFrom('session as s')
      .innerJoin('app_user as u', (j) => j.onRef('u.org_id', '=', 's.org_id').onRef('u.id', '=', 's.user_id'))
      .selectAll('u')
      .select(['s.id as session_id', 's.csrf_token', 's.expires_at', 's.last_seen_at'])
      .where('s.token_hash', '=', tokenHash)
      .where('s.expires_at', '>', new Date())
      .where('u.active', '=', true)
      .executeTakeFirst();
  },

  extend(db: Db, orgId: string, id: string, expiresAt: Date) {
    return db
      .updateTable('session')
      .set({ expires_at: expiresAt, last_seen_at: new Date() })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute();
  },

  delete(db: Db, orgId: string, id: string) {
    return db.deleteFrom('session').where('org_id', '=', orgId).where('id', '=', id).execute();
  },

  deleteForUser(db: Db, orgId: string, userId: string, except: string | null = null) {
    let q = db.deleteFrom('session').where('org_id', '=', orgId).where('user_id', '=', userId);
    if (except) {
      q = q.where('id', '<>', except);
    }
    return q.execute();
  },

  /** A user's live sessions, newest activity first. */
  listForUser(db: Db, orgId: string, userId: string) {
    return db
      .selectFrom('session')
      .select(['id', 'ip', 'user_agent', 'created_at', 'last_seen_at', 'expires_at'])
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .where('expires_at', '>', new Date())
      .orderBy('last_seen_at', 'desc')
      .limit(100)
      .execute();
  },

  /** Deletes one of the user's own sessions; false when it is not theirs (or gone). */
  async deleteOwn(db: Db, orgId: string, userId: string, id: string): Promise<boolean> {
    const r = await db
      .deleteFrom('session')
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  },

  // org-scope: the hourly sweep of expired sessions of every organisation.
  deleteExpired(db: Db) {
    return db.deleteFrom('session').where('expires_at', '<', new Date()).executeTakeFirst();
  },
};
