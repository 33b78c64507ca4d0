import type { Insertable, Kysely } from 'kysely';
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
