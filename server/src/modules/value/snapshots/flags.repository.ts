import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { FLAG_HISTORY_LIMIT, FLAG_MIN_HISTORY } from '../segments/constants.ts';

// Purchases far outside the customer's own history (docs/metrics.md "Purchase flags"): a purchase (a transaction
// of a positive amount) above the p99 of the customer's earlier purchases in its currency (at least
// FLAG_MIN_HISTORY of them; the latest FLAG_HISTORY_LIMIT), or a first purchase in a product category by a customer
// who had bought before. Computed when read, from commerce's transaction tables (its published contract).

const hex = "'0123456789abcdef'";
const flippedHex = "'fedcba9876543210'";
const flipPart = (ref: RawBuilder<unknown>, from: number, len?: number) =>
  len === undefined
    ? sql`translate(substr(${ref}::text, ${sql.lit(from)}), ${sql.raw(hex)}, ${sql.raw(flippedHex)})`
    : sql`translate(substr(${ref}::text, ${sql.lit(from)}, ${sql.lit(len)}), ${sql.raw(hex)}, ${sql.raw(flippedHex)})`;

/**
 * The timeline id of a transaction's flag: the transaction id with every hex digit but the version and variant
 * digits complemented (so it stays a valid uuid, differs from the transaction's own timeline entry, and maps back).
 */
function flagIdSql(ref: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`(${flipPart(ref, 1, 14)} || substr(${ref}::text, 15, 1) || ${flipPart(ref, 16, 4)}
    || substr(${ref}::text, 20, 1) || ${flipPart(ref, 21)})::uuid`;
}

/** The same mapping in TypeScript (it is its own inverse). */
export function flipId(id: string): string {
  const flip = (s: string) => s.replace(/[0-9a-f]/gi, (c) => (15 - parseInt(c, 16)).toString(16));
  const s = id.toLowerCase();
  return `${flip(s.slice(0, 14))}${s[14]}${flip(s.slice(15, 19))}${s[19]}${flip(s.slice(20))}`;
}

/** p99 and size of a purchase's history (alias t: the purchase). */
const historyLateral = sql`lateral (
  select count(*)::int as n, percentile_cont(0.99) within group (order by x.amount) as p99
  from (select e.amount from "transaction" e
        where e.org_id = t.org_id and e.party_id = t.party_id and e.currency = t.currency and e.amount > 0
          and (e.occurred_at, e.id) < (t.occurred_at, t.id)
        order by e.occurred_at desc, e.id desc limit ${FLAG_HISTORY_LIMIT}) x
) h`;

export interface FlagDetail {
  id: string;
  occurred_at: Date;
  amount: string;
  currency: string;
  history: number;
  p99: number | null;
  new_categories: string[] | null;
}

export const flagsRepository = {
  /** Timeline keys of a party's flagged purchases: (type, flag id, the purchase's time). */
  timelineKeys(orgId: string, partyId: string): RawBuilder<unknown> {
    return sql`
      with pt as (
        select t.id, t.org_id, t.party_id, t.occurred_at, t.amount, t.currency from "transaction" t
        where t.org_id = ${orgId} and t.party_id = ${partyId} and t.amount > 0
      ),
      first_any as (select min(occurred_at) as at from pt),
      cat as (
        select pt.id, pt.occurred_at, min(pt.occurred_at) over (partition by pr.category) as first_in
        from pt
        join transaction_line l on l.org_id = pt.org_id and l.transaction_id = pt.id
        join product pr on pr.org_id = l.org_id and pr.id = l.product_id
        where pr.category is not null
      ),
      flagged as (
        select c.id from cat c, first_any f where c.occurred_at = c.first_in and c.occurred_at > f.at
        union
        select t.id from pt t cross join ${historyLateral}
        where h.n >= ${FLAG_MIN_HISTORY} and t.amount > h.p99
      )
      select 'value_flag' as type, ${flagIdSql(sql.ref('pt.id'))} as id, pt.occurred_at as at
      from flagged x join pt on pt.id = x.id`;
  },

  /** Why each of these purchases is flagged (ids are transaction ids). */
  async details(db: Db, orgId: string, ids: string[]): Promise<FlagDetail[]> {
    if (!ids.length) {
      return [];
    }
    const res = await sql<FlagDetail>`
      select t.id, t.occurred_at, t.amount, t.currency, h.n as history, h.p99::float8 as p99, nc.cats as new_categories
      from "transaction" t
      cross join ${historyLateral}
      cross join lateral (
        select array_agg(distinct pr.category order by pr.category) as cats
        from transaction_line l join product pr on pr.org_id = l.org_id and pr.id = l.product_id
        where l.org_id = t.org_id and l.transaction_id = t.id and pr.category is not null
          and exists (select 1 from "transaction" e where e.org_id = t.org_id and e.party_id = t.party_id
                      and e.amount > 0 and e.occurred_at < t.occurred_at)
          and not exists (
            select 1 from "transaction" e
            join transaction_line el on el.org_id = e.org_id and el.transaction_id = e.id
            join product ep on ep.org_id = el.org_id and ep.id = el.product_id
            where e.org_id = t.org_id and e.party_id = t.party_id and e.amount > 0
              and e.occurred_at < t.occurred_at and ep.category = pr.category)
      ) nc
      where t.org_id = ${orgId} and t.id = any(${sql.val(ids)}::uuid[]) and t.amount > 0`.execute(db);
    return res.rows;
  },
};
