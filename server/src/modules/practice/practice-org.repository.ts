import type { Insertable, Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../platform/db/types.ts';
import type { PracticeAccountTable, PracticeOrgTable } from './practice.tables.ts';

type Db = Kysely<Database>;

/** The practice organisations an organisation created, and the accounts in them that survive a reset. */
export const practiceOrgRepository = {
  list(db: Db, orgId: string, practiceOrgId?: string) {
    let q = db
      .selectFrom('practice_org as p')
      .innerJoin('organization as o', 'o.org_id', 'p.practice_org_id')
      .selectAll('p')
      .select(['o.name', 'o.slug'])
      .select(
        sql<number>`(select count(*)::int from practice_account a where a.org_id = p.org_id
          and a.practice_org_id = p.practice_org_id and a.kind = 'trainee')`.as('trainees'),
      )
      .where('p.org_id', '=', orgId);
    if (practiceOrgId) {
      q = q.where('p.practice_org_id', '=', practiceOrgId);
    }
    return q.orderBy('p.created_at', 'desc').orderBy('p.practice_org_id').limit(100).execute();
  },
  insert(db: Db, row: Insertable<PracticeOrgTable>) {
    return db.insertInto('practice_org').values(row).execute();
  },
  markReset(db: Db, orgId: string, practiceOrgId: string) {
    return db
      .updateTable('practice_org')
      .set({ reset_at: new Date(), resets: sql`resets + 1` })
      .where('org_id', '=', orgId)
      .where('practice_org_id', '=', practiceOrgId)
      .execute();
  },
  accounts(db: Db, orgId: string, practiceOrgId: string) {
    return db
      .selectFrom('practice_account')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('practice_org_id', '=', practiceOrgId)
      .orderBy('added_at')
      .orderBy('user_id')
      .execute();
  },
  insertAccount(db: Db, row: Insertable<PracticeAccountTable>) {
    return db.insertInto('practice_account').values(row).execute();
  },
  /** Is this organisation a practice organisation (of any creator)? Practice organisations make none of their own. */
  // org-scope: practice_org_id is the organisation asked about (the row's org_id is its creator's).
  async isPractice(db: Db, orgId: string): Promise<boolean> {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from practice_org where practice_org_id = ${orgId}`.execute(db);
    return (rows[0]?.n ?? 0) > 0;
  },
};
