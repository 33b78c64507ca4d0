import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { partyDatesSource } from '../../parties/index.ts';

/** Days before and after an occasion that count as buying "for" it (docs/metrics.md "Occasion suggestions"). */
export const SUGGESTION_DAYS_BEFORE = 21;
export const SUGGESTION_DAYS_AFTER = 3;
/** How many earlier years the suggestions look back, for the occasion window and for category purchases. */
export const SUGGESTION_YEARS = 3;

export interface SuggestionRow {
  party_id: string;
  display_name: string;
  owner_id: string | null;
  years: number[] | null;
  purchases: number;
  categories: string[] | null;
  last_purchase_on: string | null;
  score: number;
}

/** Earlier years' dates of a calendar occasion, as a relation (y, d). */
const fixedDates = (dates: { year: number; date: string }[]) =>
  sql`(select v.y::int as y, v.d::date as d from (values ${sql.join(dates.map((x) => sql`(${x.year}, ${x.date})`))}) v(y, d))`;

/** Purchases around each earlier occasion: one row per party and year (transactions are commerce's contract). */
function aroundFixed(orgId: string, dates: { year: number; date: string }[]): RawBuilder<unknown> {
  return sql`(
    select t.party_id, o.y, count(*)::int as n
    from ${fixedDates(dates)} o
    join transaction t on t.org_id = ${orgId}
      and t.occurred_at >= o.d - ${SUGGESTION_DAYS_BEFORE}::int and t.occurred_at < o.d + ${SUGGESTION_DAYS_AFTER + 1}::int
    group by t.party_id, o.y
  )`;
}

/** The same around each customer's own birthday (29 February: 28 February in common years). */
function aroundBirthday(orgId: string, year: number): RawBuilder<unknown> {
  return sql`(
    select t.party_id, y.y, count(*)::int as n
    from ${partyDatesSource(orgId)} d
    cross join generate_series(${year - SUGGESTION_YEARS}::int, ${year - 1}::int) y(y)
    cross join lateral (select make_date(y.y, extract(month from d.birthday)::int, 1) + (least(extract(day from d.birthday)::int,
      extract(day from (make_date(y.y, extract(month from d.birthday)::int, 1) + interval '1 month - 1 day'))::int) - 1) as b) bd
    join transaction t on t.org_id = ${orgId} and t.party_id = d.party_id
      and t.occurred_at >= bd.b - ${SUGGESTION_DAYS_BEFORE}::int and t.occurred_at < bd.b + ${SUGGESTION_DAYS_AFTER + 1}::int
    where d.birthday is not null
    group by t.party_id, y.y
  )`;
}

/**
 * Customers likely to buy for an occasion, among those the reader may see (`visible` over the party `p`): who bought
 * in the window around the same occasion in earlier years, and who bought in the occasion's categories within the
 * last years. Score: 2 per earlier year bought around the occasion, plus 1 for a category purchase.
 */
export async function occasionSuggestions(
  db: Db,
  orgId: string,
  q: {
    year: number;
    earlier: { year: number; date: string }[] | 'birthday';
    categories: string[];
    visible: Expression<SqlBool>;
    limit: number;
  },
): Promise<SuggestionRow[]> {
  const around = q.earlier === 'birthday' ? aroundBirthday(orgId, q.year) : aroundFixed(orgId, q.earlier);
  const since = `${q.year - SUGGESTION_YEARS}-01-01`;
  const cats = q.categories.length
    ? sql`(
        select t.party_id, array_agg(distinct pr.category order by pr.category) as categories
        from transaction t
        join transaction_line l on l.org_id = t.org_id and l.transaction_id = t.id
        join product pr on pr.org_id = l.org_id and pr.id = l.product_id
        where t.org_id = ${orgId} and t.occurred_at >= ${since}::date and t.occurred_at < make_date(${q.year}::int + 1, 1, 1)
          and pr.category in (${sql.join(q.categories)})
        group by t.party_id)`
    : sql`(select null::uuid as party_id, null::text[] as categories where false)`;
  const res = await sql<SuggestionRow>`
    with a as (select party_id, array_agg(y order by y) as years, sum(n)::int as purchases from ${around} x group by party_id),
    c as ${cats}
    select p.id as party_id, p.display_name, p.owner_id, a.years, coalesce(a.purchases, 0) as purchases, c.categories,
      (select to_char(max(t.occurred_at at time zone 'UTC'), 'YYYY-MM-DD') from transaction t
        where t.org_id = ${orgId} and t.party_id = p.id) as last_purchase_on,
      (2 * coalesce(cardinality(a.years), 0) + case when c.party_id is null then 0 else 1 end)::int as score
    from party p
    left join a on a.party_id = p.id
    left join c on c.party_id = p.id
    where p.org_id = ${orgId} and p.deleted_at is null and p.merged_into_id is null
      and (a.party_id is not null or c.party_id is not null)
      and p.id in (select m.party_id from party_membership m where m.org_id = ${orgId} and m.role = 'customer')
      and ${q.visible}
    order by score desc, purchases desc, p.display_name, p.id
    limit ${q.limit}`.execute(db);
  return res.rows;
}

export const occasionCategoriesRepository = {
  all: (db: Db, orgId: string) =>
    db.selectFrom('care_occasion_category').selectAll().where('org_id', '=', orgId).execute(),

  find: (db: Db, orgId: string, occasion: string) =>
    db
      .selectFrom('care_occasion_category')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('occasion', '=', occasion)
      .executeTakeFirst(),

  /** Sets the categories; `version` is the stored row's (none yet: null). Undefined when another write came first. */
  async set(db: Db, orgId: string, occasion: string, categories: string[], userId: string, version: number | null) {
    if (version === null) {
      return db
        .insertInto('care_occasion_category')
        .values({ org_id: orgId, occasion, categories, updated_by: userId })
        .onConflict((c) => c.columns(['org_id', 'occasion']).doNothing())
        .returningAll()
        .executeTakeFirst();
    }
    return db
      .updateTable('care_occasion_category')
      .set({ categories, updated_by: userId, updated_at: new Date(), version: sql`version + 1` })
      .where('org_id', '=', orgId)
      .where('occasion', '=', occasion)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  },
};
