import type { Insertable } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/database.ts';
import { paginate } from '../../../platform/db/pagination.ts';
import { ruleVisible } from '../care.access.ts';
import type { CareRuleRow, CareRuleTable } from '../care.tables.ts';

export const rulesRepository = {
  insert: (db: Db, row: Insertable<CareRuleTable>): Promise<CareRuleRow> =>
    db.insertInto('care_rule').values(row).returningAll().executeTakeFirstOrThrow(),

  /** One rule the actor may see (undefined: not found for them). */
  findVisible: (db: Db, actor: Actor, id: string): Promise<CareRuleRow | undefined> =>
    db
      .selectFrom('care_rule as r')
      .selectAll('r')
      .where('r.org_id', '=', actor.orgId)
      .where('r.id', '=', id)
      .where(ruleVisible(actor))
      .executeTakeFirst(),

  find: (db: Db, orgId: string, id: string): Promise<CareRuleRow | undefined> =>
    db.selectFrom('care_rule').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst(),

  /** Rules the actor sees, oldest first. */
  list(db: Db, actor: Actor, q: { active?: boolean | undefined; limit: number; cursor?: string | undefined }) {
    let query = db
      .selectFrom('care_rule as r')
      .selectAll('r')
      .where('r.org_id', '=', actor.orgId)
      .where(ruleVisible(actor));
    if (q.active !== undefined) {
      query = query.where('r.active', '=', q.active);
    }
    return paginate(query, {
      limit: q.limit,
      cursor: q.cursor,
      sort: { column: 'r.created_at', type: 'timestamptz', desc: false },
      idColumn: 'r.id',
      sortValue: (row) => row.created_at,
    });
  },

  /** Active rules of every organisation (the daily job's work list). */
  // org-scope: the daily care job's work list across organisations; each rule carries its org_id.
  active: (db: Db): Promise<CareRuleRow[]> =>
    db.selectFrom('care_rule').selectAll().where('active', '=', true).orderBy('org_id').orderBy('created_at').execute(),

  /** Is the user an active member of the organisation (a named assignee must be)? */
  async activeUser(db: Db, orgId: string, id: string): Promise<boolean> {
    const row = await db
      .selectFrom('app_user')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('active', '=', true)
      .executeTakeFirst();
    return Boolean(row);
  },

  async productExists(db: Db, orgId: string, id: string): Promise<boolean> {
    // Commerce's published product table (read only).
    const row = await db
      .selectFrom('product')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Boolean(row);
  },
};
