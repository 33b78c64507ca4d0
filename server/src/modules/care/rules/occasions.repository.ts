import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { lastVisitSource, partyDatesSource } from '../../parties/index.ts';
import type { CareRuleParams } from './rules.schema.ts';
import type { CareRuleRow } from '../care.tables.ts';

/** One occasion of a rule for a party: what the task will say and to whom it goes. */
export interface OccasionRow {
  party_id: string;
  display_name: string;
  occasion_on: string;
  remind_on: string;
  /** The date the occasion counts from (birth, customer since, hire, purchase, last visit). */
  base_on: string;
  years: number | null;
  products: string | null;
  assignee_id: string;
  locale: string;
  created: boolean;
}

type Rule = Pick<
  CareRuleRow,
  'org_id' | 'id' | 'kind' | 'role' | 'lead_days' | 'scope' | 'assignee' | 'assignee_id' | 'created_by'
> & {
  params: CareRuleParams;
};

/**
 * The occasion of each year in [from, to] of a yearly date (docs/care.md "Rule kinds"): the same month and day, a
 * 29 February falling on 28 February in common years; only years after the base date's own.
 */
const yearly = (source: RawBuilder<unknown>, from: string, to: string) => sql`(
  select x.party_id, x.base_on, y.y::int - extract(year from x.base_on)::int as years, null::text as products,
    (make_date(y.y::int, extract(month from x.base_on)::int, 1) + (least(extract(day from x.base_on)::int,
      extract(day from (make_date(y.y::int, extract(month from x.base_on)::int, 1) + interval '1 month - 1 day'))::int) - 1)) as occasion_on
  from ${source} x
  cross join generate_series(extract(year from ${from}::date)::int, extract(year from ${to}::date)::int) y(y)
  where x.base_on is not null and y.y > extract(year from x.base_on)
)`;

/** A custom date field's value as a date, when it is one (custom values are validated on write; this guards reads). */
const customDate = (key: string) =>
  sql`case when (d.custom ->> ${key}) ~ '^\\d{4}-\\d{2}-\\d{2}$' then to_date(d.custom ->> ${key}, 'YYYY-MM-DD') end`;

/** Candidates of a rule: (party_id, occasion_on, base_on, years, products) for occasions in [from, to]. */
function candidates(rule: Rule, from: string, to: string): RawBuilder<unknown> {
  const org = rule.org_id;
  const p = rule.params;
  const dates = partyDatesSource(org);
  switch (rule.kind) {
    case 'birthday':
      return yearly(sql`(select d.party_id, d.birthday as base_on from ${dates} d)`, from, to);
    case 'anniversary': {
      const col = p.field === 'hire_date' ? sql`d.hire_date` : sql`d.customer_since`;
      return yearly(sql`(select d.party_id, ${col} as base_on from ${dates} d)`, from, to);
    }
    case 'custom_date': {
      const base = sql`(select d.party_id, ${customDate(p.field ?? '')} as base_on from ${dates} d)`;
      if (p.yearly ?? true) {
        return yearly(base, from, to);
      }
      return sql`(select x.party_id, x.base_on, null::int as years, null::text as products, x.base_on as occasion_on from ${base} x)`;
    }
    case 'contract_renewal':
      return sql`(select d.party_id, ${customDate(p.field ?? 'contract_end')} as base_on, null::int as years,
        null::text as products, ${customDate(p.field ?? 'contract_end')} as occasion_on from ${dates} d)`;
    case 'revisit':
      return sql`(select v.party_id, v.last_visit_on as base_on, null::int as years, null::text as products,
        v.last_visit_on + ${p.days ?? 1}::int as occasion_on from ${lastVisitSource(org)} v)`;
    case 'purchase': {
      const days = p.days ?? 1;
      const which = p.productId ? sql`pr.id = ${p.productId}` : sql`pr.category = ${p.category ?? ''}`;
      // Commerce's published contract (product, transaction, transaction_line): the day of each matching purchase.
      return sql`(
        select t.party_id, (t.occurred_at at time zone 'UTC')::date as base_on, null::int as years,
          string_agg(distinct pr.name, ', ') as products, (t.occurred_at at time zone 'UTC')::date + ${days}::int as occasion_on
        from transaction t
        join transaction_line l on l.org_id = t.org_id and l.transaction_id = t.id
        join product pr on pr.org_id = l.org_id and pr.id = l.product_id
        where t.org_id = ${org} and ${which}
          and t.occurred_at >= ${from}::date - ${days + 1}::int and t.occurred_at < ${to}::date - ${days - 2}::int
        group by t.party_id, (t.occurred_at at time zone 'UTC')::date
      )`;
    }
  }
}

/**
 * Occasions of one rule in [from, to] (occasion dates), for live parties of the rule's role (and, for a `mine`
 * rule, owned by its creator), passing `visible` (the reader's condition over the party `p`). `onlyNew` leaves out
 * occasions already reminded of. The assignee: the named user, else the party's active owner, else the creator.
 */
export async function ruleOccasions(
  db: Db,
  rule: Rule,
  window: { from: string; to: string },
  opts: { visible?: Expression<SqlBool>; onlyNew: boolean; limit: number },
): Promise<OccasionRow[]> {
  const org = rule.org_id;
  const mine = rule.scope === 'mine' ? sql`p.owner_id = ${rule.created_by}` : sql`true`;
  const named = rule.assignee === 'user' ? rule.assignee_id : null;
  const res = await sql<OccasionRow>`
    with c as (${candidates(rule, window.from, window.to)})
    select c.party_id, p.display_name, to_char(c.occasion_on, 'YYYY-MM-DD') as occasion_on,
      to_char(c.occasion_on - ${rule.lead_days}::int, 'YYYY-MM-DD') as remind_on,
      to_char(c.base_on, 'YYYY-MM-DD') as base_on, c.years, c.products, a.id as assignee_id,
      coalesce(a.locale, o.default_locale) as locale,
      exists (select 1 from care_reminder r where r.org_id = ${org} and r.rule_id = ${rule.id}
        and r.party_id = c.party_id and r.occasion_on = c.occasion_on) as created
    from c
    join party p on p.org_id = ${org} and p.id = c.party_id
    join organization o on o.org_id = ${org}
    join lateral (
      select u.id, u.locale from app_user u
      where u.org_id = ${org} and u.id = coalesce(${named}::uuid,
        (select w.id from app_user w where w.org_id = ${org} and w.id = p.owner_id and w.active), ${rule.created_by}::uuid)
    ) a on true
    where c.occasion_on between ${window.from}::date and ${window.to}::date
      and p.deleted_at is null and p.merged_into_id is null and ${mine}
      and p.id in (select m.party_id from party_membership m where m.org_id = ${org} and m.role = ${rule.role})
      and ${opts.visible ?? sql<SqlBool>`true`}
      ${
        opts.onlyNew
          ? sql`and not exists (select 1 from care_reminder r where r.org_id = ${org} and r.rule_id = ${rule.id}
        and r.party_id = c.party_id and r.occasion_on = c.occasion_on)`
          : sql``
      }
    order by c.occasion_on, p.display_name, c.party_id
    limit ${opts.limit}`.execute(db);
  return res.rows;
}

export const remindersRepository = {
  /** Claims one (rule, party, occasion): false when another run (or server) has claimed it already. */
  async claim(db: Db, orgId: string, ruleId: string, partyId: string, occasionOn: string): Promise<boolean> {
    const row = await db
      .insertInto('care_reminder')
      .values({ org_id: orgId, rule_id: ruleId, party_id: partyId, occasion_on: occasionOn })
      .onConflict((c) => c.columns(['org_id', 'rule_id', 'party_id', 'occasion_on']).doNothing())
      .returning('rule_id')
      .executeTakeFirst();
    return Boolean(row);
  },

  setTask: (db: Db, orgId: string, ruleId: string, partyId: string, occasionOn: string, taskId: string) =>
    db
      .updateTable('care_reminder')
      .set({ task_id: taskId })
      .where('org_id', '=', orgId)
      .where('rule_id', '=', ruleId)
      .where('party_id', '=', partyId)
      .where('occasion_on', '=', occasionOn)
      .execute(),
};
