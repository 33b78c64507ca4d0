import { sql, type RawBuilder } from 'kysely';
import type { Visibility } from '../../../platform/access/access.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/database.ts';
import { livePartyVisible } from '../../parties/index.ts';
import { MAX_BASKET_ITEMS } from '../segments/constants.ts';

// Association rules and the cross-sell ratio (docs/metrics.md "Cross-sell ratio and association rules"), over the
// purchases of the parties the reader may see, from commerce's transaction tables (its published contract).
// A basket is one purchase (a transaction of a positive amount): the set of its products, or of their categories.

export interface Period {
  from: Date;
  to: Date;
}
export type Level = 'category' | 'product';

export interface RuleRow {
  antecedent: string;
  antecedent_name: string | null;
  consequent: string;
  consequent_name: string | null;
  count: number;
  support: number;
  confidence: number;
  lift: number;
}

/** CTEs `kept(basket, item)` (baskets within the size cap) and `sized(basket, k)` for the reader's purchases. */
function basketCtes(actor: Actor, vis: Visibility, period: Period, level: Level): RawBuilder<unknown> {
  const item = level === 'category' ? sql`pr.category` : sql`l.product_id::text`;
  return sql`
    b as (
      select t.id from "transaction" t join party p on p.org_id = t.org_id and p.id = t.party_id
      where t.org_id = ${actor.orgId} and t.amount > 0 and t.occurred_at >= ${period.from} and t.occurred_at < ${period.to}
        and ${livePartyVisible(actor, vis, 'read')}
    ),
    items as (
      select distinct l.transaction_id as basket, ${item} as item
      from transaction_line l
      join b on b.id = l.transaction_id
      join product pr on pr.org_id = l.org_id and pr.id = l.product_id
      where l.org_id = ${actor.orgId} and ${item} is not null
    ),
    sized as (select basket, count(*) as k from items group by basket),
    kept as (select i.basket, i.item from items i join sized s on s.basket = i.basket where s.k <= ${MAX_BASKET_ITEMS})`;
}

export const crossSellRepository = {
  /** Baskets counted and left out, and every rule A ⇒ B (both directions of each pair) above the thresholds. */
  async rules(
    db: Db,
    actor: Actor,
    vis: Visibility,
    period: Period,
    level: Level,
    opts: { minCount: number; minLift: number; limit: number },
  ): Promise<{ baskets: number; leftOut: number; rules: RuleRow[] }> {
    const label = (ref: string) =>
      level === 'category'
        ? sql<string>`${sql.ref(ref)}`
        : sql<string>`(select n.name from product n where n.org_id = ${actor.orgId} and n.id = ${sql.ref(ref)}::uuid)`;
    // One statement: the baskets are read once for both the counts and the rules (a row of counts, with the rules
    // joined to it: one row of nulls when there are none).
    const { rows } = await sql<{ baskets: number; left_out: number } & { [K in keyof RuleRow]: RuleRow[K] | null }>`
      with ${basketCtes(actor, vis, period, level)},
      n as (select count(distinct basket)::float8 as n from kept),
      single as (select item, count(*)::float8 as c from kept group by item),
      pairs as (
        select x.item as a, y.item as b, count(*)::int as ab
        from kept x join kept y on y.basket = x.basket and x.item < y.item
        group by 1, 2 having count(*) >= ${opts.minCount}
      ),
      directed as (
        select a as antecedent, b as consequent, ab from pairs
        union all select b, a, ab from pairs
      ),
      scored as (
        select d.antecedent, d.consequent, d.ab as count, d.ab / n.n as support, d.ab / sa.c as confidence,
          (d.ab / sa.c) / (sc.c / n.n) as lift
        from directed d cross join n
        join single sa on sa.item = d.antecedent
        join single sc on sc.item = d.consequent
      ),
      top as (
        select s.antecedent, ${label('s.antecedent')} as antecedent_name, s.consequent,
          ${label('s.consequent')} as consequent_name, s.count, s.support, s.confidence, s.lift
        from scored s where s.lift >= ${opts.minLift}
        order by s.lift desc, s.count desc, s.antecedent, s.consequent
        limit ${opts.limit}
      )
      select c.baskets, c.left_out, top.*
      from (
        select (select n from n)::int as baskets, (select count(*) from sized where k > ${MAX_BASKET_ITEMS})::int as left_out
      ) c
      left join top on true
      order by top.lift desc, top.count desc, top.antecedent, top.consequent`.execute(db);
    const c = rows[0];
    const rules = rows.filter((r): r is typeof r & RuleRow => r.antecedent !== null);
    return { baskets: c?.baskets ?? 0, leftOut: c?.left_out ?? 0, rules };
  },

  /** Customers with a purchase in the period, and those of them who bought two or more categories. */
  async ratio(db: Db, actor: Actor, vis: Visibility, period: Period): Promise<{ active: number; multi: number }> {
    const res = await sql<{ active: number; multi: number }>`
      with pt as (
        select t.id, t.party_id from "transaction" t join party p on p.org_id = t.org_id and p.id = t.party_id
        where t.org_id = ${actor.orgId} and t.amount > 0 and t.occurred_at >= ${period.from} and t.occurred_at < ${period.to}
          and ${livePartyVisible(actor, vis, 'read')}
      ),
      cats as (
        select pt.party_id, count(distinct pr.category) as c
        from pt join transaction_line l on l.org_id = ${actor.orgId} and l.transaction_id = pt.id
        join product pr on pr.org_id = l.org_id and pr.id = l.product_id
        where pr.category is not null group by pt.party_id
      )
      select (select count(distinct party_id) from pt)::int as active,
        (select count(*) from cats where c >= 2)::int as multi`.execute(db);
    return res.rows[0] ?? { active: 0, multi: 0 };
  },

  /**
   * Products to suggest to a party: rules A ⇒ B over the reader's baskets with A a product the party bought (ever)
   * and B one it never did, lift above 1; per B the rule of highest confidence (then lift).
   */
  async suggestions(
    db: Db,
    actor: Actor,
    vis: Visibility,
    period: Period,
    partyId: string,
    opts: { minCount: number; limit: number },
  ) {
    const res = await sql<{
      product_id: string;
      name: string;
      category: string | null;
      because_id: string;
      because_name: string;
      count: number;
      confidence: number;
      lift: number;
    }>`
      with ${basketCtes(actor, vis, period, 'product')},
      mine as (
        select distinct l.product_id::text as item from "transaction" t
        join transaction_line l on l.org_id = t.org_id and l.transaction_id = t.id
        where t.org_id = ${actor.orgId} and t.party_id = ${partyId} and t.amount > 0
      ),
      n as (select count(distinct basket)::float8 as n from kept),
      pairs as (
        select x.item as a, y.item as b, count(*)::int as ab
        from kept x join kept y on y.basket = x.basket and y.item <> x.item
        where x.item in (select item from mine) and y.item not in (select item from mine)
        group by 1, 2 having count(*) >= ${opts.minCount}
      ),
      single as (
        select item, count(*)::float8 as c from kept
        where item in (select a from pairs union select b from pairs) group by item
      ),
      best as (
        select distinct on (pr.b) pr.b, pr.a, pr.ab, pr.ab / sa.c as confidence, (pr.ab / sa.c) / (sb.c / n.n) as lift
        from pairs pr cross join n join single sa on sa.item = pr.a join single sb on sb.item = pr.b
        where (pr.ab / sa.c) / (sb.c / n.n) > 1
        order by pr.b, confidence desc, lift desc, pr.a
      )
      select x.id as product_id, x.name, x.category, bp.id as because_id, bp.name as because_name,
        best.ab as count, best.confidence, best.lift
      from best
      join product x on x.org_id = ${actor.orgId} and x.id = best.b::uuid and x.active
      join product bp on bp.org_id = ${actor.orgId} and bp.id = best.a::uuid
      order by best.confidence desc, best.lift desc, x.name, x.id
      limit ${opts.limit}`.execute(db);
    return res.rows;
  },
};
