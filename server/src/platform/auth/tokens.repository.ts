import type { Kysely } from 'kysely';
import type { ApiTokenRow, Database } from '../db/types.ts';
import { paginate } from '../db/pagination.ts';

type Db = Kysely<Database>;

export const tokensRepository = {
  insert(
    db: Db,
    v: { orgId: string; userId: string; name: string; prefix: string; tokenHash: string },
  ): Promise<ApiTokenRow> {
    return db
      .insertInto('api_token')
      .values({ org_id: v.orgId, user_id: v.userId, name: v.name, prefix: v.prefix, token_hash: v.tokenHash })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /** The token's owner, if the token is not revoked and the user active. */
  // org-scope: an API token's hash is unique across organisations, and the caller's organisation is not known before it.
  findLive(db: Db, tokenHash: string) {
    return db
      .selectFrom('api_token as t')
      .innerJoin('app_user as u', (j) => j.onRef('u.org_id', '=', 't.org_id').onRef('u.id', '=', 't.user_id'))
      .selectAll('u')
      .select(['t.id as token_id', 't.last_used_at'])
      .where('t.token_hash', '=', tokenHash)
      .where('t.revoked_at', 'is', null)
      .where('u.active', '=', true)
      .executeTakeFirst();
  },

  touch(db: Db, orgId: string, id: string) {
    return db
      .updateTable('api_token')
      .set({ last_used_at: new Date() })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute();
  },

  findById(db: Db, orgId: string, id: string, userId: string | null): Promise<ApiTokenRow | undefined> {
    let q = db.selectFrom('api_token').selectAll().where('org_id', '=', orgId).where('id', '=', id);
    if (userId) {
      q = q.where('user_id', '=', userId);
    }
    return q.executeTakeFirst();
  },

  list(
    db: Db,
    orgId: string,
    userId: string | null,
    includeRevoked: boolean,
    page: { limit: number; cursor: string | undefined },
  ) {
    let q = db.selectFrom('api_token').selectAll().where('org_id', '=', orgId);
    if (userId) {
      q = q.where('user_id', '=', userId);
    }
    if (!includeRevoked) {
      q = q.where('revoked_at', 'is', null);
    }
    return paginate(q, {
      ...page,
      sort: { column: 'created_at', desc: true, type: 'timestamptz' },
      idColumn: 'id',
      sortValue: (r) => r.created_at,
    });
  },

  revoke(db: Db, orgId: string, id: string): Promise<ApiTokenRow | undefined> {
    return db
      .updateTable('api_token')
      .set({ revoked_at: new Date() })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
  },

  /** Revokes every live token of a user (a password reset signs them out everywhere, tokens included). */
  revokeForUser(db: Db, orgId: string, userId: string) {
    return db
      .updateTable('api_token')
      .set({ revoked_at: new Date() })
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .execute();
  },
};
