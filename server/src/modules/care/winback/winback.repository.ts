import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { rootCauseBeforeSql } from '../../cases/index.ts';
import { stageMovesSql } from '../../parties/index.ts';

export interface LossRow {
  party_id: string;
  display_name: string;
  owner_id: string | null;
  lost_at: Date;
  reason: string | null;
  cause: string;
  cause_source: 'reason' | 'case' | null;
  won_back_at: Date | null;
  stage: string | null;
}

const causeKeys = sql`('competition', 'customer', 'company_error', 'other')`;

/**
 * Losses (moves of the customer role to `churned`) in [from, to) of the parties the reader may see (`visible` over
 * `p`), optionally among a segment's members, each with its cause (docs/metrics.md "Win-back rate"): the cause key
 * the churn reason starts with, else the root cause of the party's latest resolved case before the loss, else
 * `unknown`; and the first move to `won_back` after it and before the party's next loss (a window function).
 */
function lossesSql(
  orgId: string,
  visible: Expression<SqlBool>,
  q: { from: Date; to: Date; members: string[] | null },
): RawBuilder<LossRow> {
  const inSegment = q.members ? (q.members.length ? sql`p.id in (${sql.join(q.members)})` : sql`false`) : sql`true`;
  const keyOfReason = sql`split_part(lower(trim(coalesce(l.reason, ''))), ':', 1)`;
  return sql<LossRow>`(
    with moves as (
      select m.party_id, m.at, m.reason, lead(m.at) over (partition by m.party_id order by m.at) as next_loss
      from ${stageMovesSql(orgId, 'customer', 'churned')} m
    ),
    losses as (
      select mv.party_id, mv.at, mv.reason, mv.next_loss, p.display_name, p.owner_id
      from moves mv join party p on p.org_id = ${orgId} and p.id = mv.party_id
      where mv.at >= ${q.from} and mv.at < ${q.to} and ${visible} and ${inSegment}
    ),
    caused as (
      select l.*, case when ${keyOfReason} in ${causeKeys} then ${keyOfReason} end as reason_cause,
        ${rootCauseBeforeSql(orgId, sql`l.party_id`, sql`l.at`)} as case_cause
      from losses l
    )
    select c.party_id, c.display_name, c.owner_id, c.at as lost_at, c.reason,
      coalesce(c.reason_cause, c.case_cause, 'unknown') as cause,
      case when c.reason_cause is not null then 'reason' when c.case_cause is not null then 'case' end as cause_source,
      (select min(w.at) from ${stageMovesSql(orgId, 'customer', 'won_back')} w
        where w.party_id = c.party_id and w.at > c.at and (c.next_loss is null or w.at < c.next_loss)) as won_back_at,
      (select pm.stage from party_membership pm
        where pm.org_id = ${orgId} and pm.party_id = c.party_id and pm.role = 'customer') as stage
    from caused c
  )`;
}

export const winbackRepository = {
  async losses(
    db: Db,
    orgId: string,
    visible: Expression<SqlBool>,
    q: { from: Date; to: Date; members: string[] | null; limit: number },
  ): Promise<{ rows: LossRow[]; total: number }> {
    const res = await sql<LossRow & { total: number }>`
      select x.*, count(*) over ()::int as total from ${lossesSql(orgId, visible, q)} x
      order by x.lost_at desc, x.party_id limit ${q.limit}`.execute(db);
    return { rows: res.rows, total: res.rows[0]?.total ?? 0 };
  },

  /** Per cause: losses in the period and those won back before `to`; and the moves to won_back in the period. */
  async summary(
    db: Db,
    orgId: string,
    visible: Expression<SqlBool>,
    q: { from: Date; to: Date; members: string[] | null },
  ) {
    const byCause = await sql<{ cause: string; lost: number; won_back: number }>`
      select x.cause, count(*)::int as lost, count(*) filter (where x.won_back_at < ${q.to})::int as won_back
      from ${lossesSql(orgId, visible, q)} x group by x.cause`.execute(db);
    const inSegment = q.members ? (q.members.length ? sql`p.id in (${sql.join(q.members)})` : sql`false`) : sql`true`;
    const moves = await sql<{ n: number }>`
      select count(*)::int as n from ${stageMovesSql(orgId, 'customer', 'won_back')} w
      join party p on p.org_id = ${orgId} and p.id = w.party_id
      where w.at >= ${q.from} and w.at < ${q.to} and ${visible} and ${inSegment}`.execute(db);
    return { byCause: byCause.rows, wonBackMoves: moves.rows[0]?.n ?? 0 };
  },

  /** One win-back task per loss: the key (party, lost_at) is taken once (on conflict do nothing). */
  claimTask: (db: Db, orgId: string, partyId: string, lostAt: Date) =>
    db
      .insertInto('care_winback_task')
      .values({ org_id: orgId, party_id: partyId, lost_at: lostAt })
      .onConflict((c) => c.columns(['org_id', 'party_id', 'lost_at']).doNothing())
      .returning('party_id')
      .executeTakeFirst(),

  setTask: (db: Db, orgId: string, partyId: string, lostAt: Date, taskId: string) =>
    db
      .updateTable('care_winback_task')
      .set({ task_id: taskId })
      .where('org_id', '=', orgId)
      .where('party_id', '=', partyId)
      .where('lost_at', '=', lostAt)
      .execute(),

  /** The user a task goes to: the party's owner when active, else null (the caller). */
  async activeUser(db: Db, orgId: string, userId: string | null): Promise<string | null> {
    if (!userId) {
      return null;
    }
    const u = await db
      .selectFrom('app_user')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', '=', userId)
      .where('active', '=', true)
      .executeTakeFirst();
    return u?.id ?? null;
  },
};
