import { sql, type Insertable, type Kysely } from 'kysely';
import type { AuditLogTable, Database } from '../db/types.ts';
import { paginate } from '../db/pagination.ts';

export interface AuditFilters {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export const auditRepository = {
  /** One more anonymous action of this kind today (no row of its own: see countAnonymous). */
  countToday(db: Kysely<Database>, orgId: string, action: string): Promise<unknown> {
    return db
      .insertInto('audit_daily_count')
      .values({ org_id: orgId, day: sql<string>`current_date`, action, count: 1 })
      .onConflict((oc) =>
        oc.columns(['org_id', 'day', 'action']).doUpdateSet({ count: sql`audit_daily_count.count + 1` }),
      )
      .execute();
  },

  dailyCounts(db: Kysely<Database>, orgId: string, from: string, to: string) {
    return db
      .selectFrom('audit_daily_count')
      .select(['day', 'action', 'count'])
      .where('org_id', '=', orgId)
      .where('day', '>=', from)
      .where('day', '<=', to)
      .orderBy('day', 'desc')
      .orderBy('action')
      .limit(1000)
      .execute();
  },

  /**
   * Blanks the before/after of every entry about these records (what a purge erases must not survive here). Call it
   * inside a transaction: the append-only trigger lets exactly this through while the transaction's flag is on.
   */
  async redactEntities(trx: Kysely<Database>, orgId: string, entityType: string, ids: string[]): Promise<void> {
    if (ids.length === 0) {
      return;
    }
    await sql`select set_config('tandem.audit_redaction', 'on', true)`.execute(trx);
    await trx
      .updateTable('audit_log')
      .set({ before: null, after: null })
      .where('org_id', '=', orgId)
      .where('entity_type', '=', entityType)
      .where('entity_id', 'in', ids)
      .execute();
    await sql`select set_config('tandem.audit_redaction', 'off', true)`.execute(trx);
  },

  insert(db: Kysely<Database>, row: Insertable<AuditLogTable>): Promise<unknown> {
    return db.insertInto('audit_log').values(row).execute();
  },

  /** Newest first; the identity column orders rows in the order they were written. */
  list(db: Kysely<Database>, orgId: string, f: AuditFilters, page: { limit: number; cursor: string | undefined }) {
    let q = db
      .selectFrom('audit_log as a')
      .leftJoin('app_user as u', (j) => j.onRef('u.org_id', '=', 'a.org_id').onRef('u.id', '=', 'a.actor_id'))
      .selectAll('a')
      .select('u.display_name as actor_name')
      .where('a.org_id', '=', orgId);
    if (f.entityType) {
      q = q.where('a.entity_type', '=', f.entityType);
    }
    if (f.entityId) {
      q = q.where('a.entity_id', '=', f.entityId);
    }
    if (f.actorId) {
      q = q.where('a.actor_id', '=', f.actorId);
    }
    if (f.action) {
      q = q.where('a.action', '=', f.action);
    }
    if (f.from) {
      q = q.where('a.at', '>=', new Date(f.from));
    }
    if (f.to) {
      q = q.where('a.at', '<', new Date(f.to));
    }
    return paginate(q, {
      ...page,
      sort: { column: 'a.id', desc: true, type: 'int' },
      idColumn: 'a.id',
      idType: 'int',
      sortValue: (r) => r.id,
    });
  },
};
