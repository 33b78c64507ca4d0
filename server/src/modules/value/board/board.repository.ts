import { sql, type Expression, type SqlBool } from 'kysely';
import type { Visibility } from '../../../platform/access/access.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/database.ts';
import { livePartyVisible, visibleSearch } from '../../parties/index.ts';

export interface BoardFilters {
  role: string;
  owners: string[] | null;
  q: string | null;
  ids: string[];
  currency: string | null;
  since: Date;
}

export interface BoardRow {
  kind: 'column' | 'card';
  stage: string;
  party_id: string | null;
  count: number;
  revenue: string;
  clv: string | null;
  clv_customers: number;
  currency: string | null;
  clv_as_of: string | null;
}

const uuidArray = (xs: readonly string[]) => sql`${sql.val([...xs])}::uuid[]`;

/**
 * The board's parties (the role's current members the reader sees in full, with the board's filters — the party
 * list's conditions), each one's revenue over the window in one currency (the asked one, else the most used one on
 * the board) and CLV from the newest finished value snapshot; grouped per stage, plus the cards asked for. Commerce's
 * `transaction` table and parties' `party_membership` view are their modules' published contracts.
 */
export async function boardValues(db: Db, actor: Actor, vis: Visibility, f: BoardFilters): Promise<BoardRow[]> {
  const conds: Expression<SqlBool>[] = [livePartyVisible(actor, vis, 'read')];
  if (f.owners) {
    conds.push(sql<SqlBool>`p.owner_id = any(${uuidArray(f.owners)})`);
  }
  if (f.q) {
    conds.push(visibleSearch(actor, vis, f.q));
  }
  const { rows } = await sql<BoardRow>`
    with b as (
      select p.id, pm.stage
      from party p
      join party_membership pm on pm.org_id = p.org_id and pm.party_id = p.id and pm.role = ${f.role}
      where p.org_id = ${actor.orgId} and ${sql.join(conds, sql` and `)}
    ), used as (
      select coalesce(${f.currency}::text, (
        select t.currency from "transaction" t join b on b.id = t.party_id
        where t.org_id = ${actor.orgId} and t.occurred_at >= ${f.since}
        group by t.currency order by count(*) desc, t.currency limit 1)) as currency
    ), rev as (
      select t.party_id, sum(t.amount) as revenue
      from "transaction" t join b on b.id = t.party_id
      where t.org_id = ${actor.orgId} and t.occurred_at >= ${f.since} and t.currency = (select currency from used)
      group by t.party_id
    ), run as (
      select r.id, r.as_of from value_snapshot_run r where r.org_id = ${actor.orgId} and r.status = 'done'
      order by r.finished_at desc, r.id desc limit 1
    ), v as (
      select b.id, b.stage, coalesce(rev.revenue, 0) as revenue, vs.clv
      from b
      left join rev on rev.party_id = b.id
      left join value_snapshot vs on vs.org_id = ${actor.orgId} and vs.party_id = b.id
        and vs.run_id = (select id from run)
    )
    select 'column' as kind, v.stage, null::uuid as party_id, count(*)::int as count,
      round(sum(v.revenue), 2)::text as revenue,
      round(sum(v.clv), 2)::text as clv, count(v.clv)::int as clv_customers,
      (select currency from used) as currency, (select as_of::text from run) as clv_as_of
    from v group by v.stage
    union all
    select 'card', v.stage, v.id, 1, round(v.revenue, 2)::text, round(v.clv, 2)::text,
      (v.clv is not null)::int, null, null
    from v where v.id = any(${uuidArray(f.ids)})`.execute(db);
  return rows;
}
