import { sql, type Expression, type SqlBool } from 'kysely';
import type { Visibility } from '../../../platform/access/access.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/database.ts';
import { canSeeFull } from '../../parties/index.ts';

// Monthly membership of segments (docs/metrics.md "Segments"): stays as intervals of months [entered_on, left_on),
// so a member of many months is one row; a month's members are the stays that cover it.

export interface HistoryRow {
  month: string;
  members: number;
  entered: number;
  left: number;
}

export const membershipRepository = {
  /** The latest month taken for a segment, or null. */
  async lastMonth(db: Db, orgId: string, segmentId: string): Promise<string | null> {
    const r = await db
      .selectFrom('segment_snapshot')
      .select(sql<string>`max(month)::text`.as('month'))
      .where('org_id', '=', orgId)
      .where('segment_id', '=', segmentId)
      .executeTakeFirst();
    return r?.month ?? null;
  },

  /** Undoes the month's snapshot (taken again later the same month): its entries go, its exits reopen. */
  async undoMonth(db: Db, orgId: string, segmentId: string, month: string): Promise<void> {
    await db
      .deleteFrom('segment_membership')
      .where('org_id', '=', orgId)
      .where('segment_id', '=', segmentId)
      .where('entered_on', '=', month)
      .execute();
    await db
      .updateTable('segment_membership')
      .set({ left_on: null })
      .where('org_id', '=', orgId)
      .where('segment_id', '=', segmentId)
      .where('left_on', '=', month)
      .execute();
    await db
      .deleteFrom('segment_snapshot')
      .where('org_id', '=', orgId)
      .where('segment_id', '=', segmentId)
      .where('month', '=', month)
      .execute();
  },

  /**
   * Takes the month: closes the stays of parties that no longer match, opens one for each new member, and records
   * the month with its size; one statement over the live parties matching `cond` (alias p). (PostgreSQL runs the
   * data-modifying CTEs once whether or not the final insert reads them.)
   */
  async takeMonth(
    db: Db,
    orgId: string,
    segmentId: string,
    month: string,
    cond: Expression<SqlBool>,
  ): Promise<{ members: number; entered: number; left: number }> {
    const res = await sql<{ members: number; entered: number; left: number }>`
      with cur as (
        select p.id from party p
        where p.org_id = ${orgId} and p.deleted_at is null and p.merged_into_id is null and ${cond}
      ),
      closed as (
        update segment_membership m set left_on = ${month}::date
        where m.org_id = ${orgId} and m.segment_id = ${segmentId} and m.left_on is null
          and not exists (select 1 from cur where cur.id = m.party_id)
        returning 1
      ),
      opened as (
        insert into segment_membership (org_id, segment_id, party_id, entered_on)
        select ${orgId}::uuid, ${segmentId}::uuid, cur.id, ${month}::date from cur
        where not exists (select 1 from segment_membership m where m.org_id = ${orgId} and m.segment_id = ${segmentId}
                          and m.party_id = cur.id and m.left_on is null)
        returning 1
      )
      insert into segment_snapshot (org_id, segment_id, month, members)
      select ${orgId}::uuid, ${segmentId}::uuid, ${month}::date, (select count(*) from cur)::int
      returning members, (select count(*) from opened)::int as entered, (select count(*) from closed)::int as "left"`.execute(
      db,
    );
    return res.rows[0] ?? { members: 0, entered: 0, left: 0 };
  },

  /** Members, entries and exits per month taken, over the members the actor sees in full. */
  async history(db: Db, actor: Actor, vis: Visibility, segmentId: string): Promise<HistoryRow[]> {
    const res = await sql<HistoryRow>`
      with vm as (
        select m.entered_on, m.left_on from segment_membership m
        join party p on p.org_id = m.org_id and p.id = m.party_id
        where m.org_id = ${actor.orgId} and m.segment_id = ${segmentId} and ${canSeeFull(actor, vis, 'read')}
      )
      select s.month::text as month,
        (select count(*) from vm where vm.entered_on <= s.month and (vm.left_on is null or vm.left_on > s.month))::int
          as members,
        (select count(*) from vm where vm.entered_on = s.month)::int as entered,
        (select count(*) from vm where vm.left_on = s.month)::int as left
      from segment_snapshot s
      where s.org_id = ${actor.orgId} and s.segment_id = ${segmentId}
      order by s.month`.execute(db);
    return res.rows;
  },

  /** Organisations with an active segment (the monthly job takes them). */
  // org-scope: which organisations the monthly segment job visits.
  async orgsWithSegments(db: Db): Promise<string[]> {
    const rows = await db.selectFrom('segment').select('org_id').distinct().where('archived', '=', false).execute();
    return rows.map((r) => r.org_id);
  },
};
