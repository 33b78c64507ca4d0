import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { caseCostsByParty } from '../../cases/index.ts';
import { interactionCountsByParty } from '../../parties/index.ts';
import { addDays } from '../core-common.ts';
import { currencyRows, listedOnly, windowCtes, type Scope } from '../core-scope.repository.ts';
import type { ClassSettings } from './classes.schema.ts';

export interface ClassWindow {
  asOf: string;
  windowDays: number;
  /** The asked currency; null: the window's most frequent one. */
  currency: string | null;
  settings: ClassSettings;
}

export interface ClassRow {
  party_id: string;
  frequency: number;
  revenue: string;
  cost: string;
  profit: string;
  loyalty_class: string;
  cost_class: string;
}

export interface ClassGroupRow {
  kind: 'loyalty' | 'cost' | 'total' | 'currency';
  /** The class, or the currency of a 'currency' row (whose `customers` counts transactions). */
  key: string | null;
  customers: number;
  revenue: string;
  cost: string;
  profit: string;
  profit_min: string | null;
  revenue_min: string | null;
  cost_min: string | null;
}

/**
 * Every buying customer of the window with its class (docs/metrics.md "Value classes"): revenue is the net amount of
 * the window in the currency, cost to serve = interactions × unit cost + cases × unit cost (+ remedy costs), profit
 * = revenue × gross margin − cost to serve. A "high" value is at or above its threshold (the median unless set) and
 * above zero. Interactions and cases come from the parties and cases modules' read models. `c` is the CTE of the
 * buying customers `(party_id, frequency, revenue)`; `zone` the time zone whose days bound the window.
 */
function classCtes(orgId: string, zone: string, w: Omit<ClassWindow, 'currency'>, c: RawBuilder<unknown>) {
  const s = w.settings;
  const from = sql<Date>`(${addDays(w.asOf, 1 - w.windowDays)}::date::timestamp at time zone ${zone})`;
  const to = sql<Date>`(${addDays(w.asOf, 1)}::date::timestamp at time zone ${zone})`;
  const remedy = s.includeRemedyCost ? sql`coalesce(sc.remedy_cost, 0)` : sql`0`;
  // The three thresholds in one pass over the customers, computed once: a one-row CTE (`group by ()` keeps it one row
  // when every threshold is set). Written as sub-queries where they are used, each ran once per reference (ten sorts
  // of the customers at M).
  const threshold = (v: string | null, col: string) =>
    v === null ? sql`percentile_cont(0.5) within group (order by ${sql.ref(col)})::numeric` : sql`${v}::numeric`;
  const high = (col: string, min: string) => sql`(${sql.ref(col)} >= ${sql.ref(min)} and ${sql.ref(col)} > 0)`;
  return sql`
    c as (${c}),
    k as (
      select c.party_id, c.frequency, c.revenue,
        (coalesce(i.interactions, 0) * ${s.interactionCost}::numeric + coalesce(sc.cases, 0) * ${s.caseCost}::numeric
          + ${remedy})::numeric(16, 2) as cost
      from c
      left join ${interactionCountsByParty(orgId, from, to)} i on i.party_id = c.party_id
      left join ${caseCostsByParty(orgId, from, to)} sc on sc.party_id = c.party_id
    ),
    pr as materialized (select k.*, (k.revenue * ${s.grossMargin}::numeric - k.cost)::numeric(16, 2) as profit from k),
    t as materialized (
      select ${threshold(s.highProfitMin, 'profit')} as profit_min, ${threshold(s.highRevenueMin, 'revenue')} as revenue_min,
        ${threshold(s.highCostMin, 'cost')} as cost_min
      from pr group by ()
    ),
    x as (
    select pr.party_id, pr.frequency, pr.revenue, pr.cost, pr.profit,
      case when pr.frequency >= ${s.loyalMinPurchaseDays}
        then case when ${high('pr.profit', 't.profit_min')} then 'true_friend' else 'barnacle' end
        else case when ${high('pr.profit', 't.profit_min')} then 'butterfly' else 'stranger' end
      end as loyalty_class,
      case when ${high('pr.revenue', 't.revenue_min')}
        then case when ${high('pr.cost', 't.cost_min')} then 'high_revenue_high_cost' else 'high_revenue_low_cost' end
        else case when ${high('pr.cost', 't.cost_min')} then 'low_revenue_high_cost' else 'low_revenue_low_cost' end
      end as cost_class
    from pr cross join t
    )`;
}

/** The classes over the reader's visible customers of the window (the live endpoints). */
function classifiedCtes(scope: Scope, w: ClassWindow): RawBuilder<unknown> {
  const fromDay = addDays(w.asOf, 1 - w.windowDays);
  const toDay = addDays(w.asOf, 1);
  return sql`
    ${windowCtes(scope, fromDay, toDay, w.currency)},
    ${classCtes(scope.actor.orgId, scope.timeZone, w, sql`select party_id, frequency, revenue from cust`)}`;
}

export const classesRepository = {
  /** Customers, revenue, cost to serve and profit per class of both kinds and in all; the thresholds used. */
  async summary(db: Db, scope: Scope, w: ClassWindow): Promise<ClassGroupRow[]> {
    const { rows } = await sql<ClassGroupRow>`
      with ${classifiedCtes(scope, w)}
      select
        case when grouping(x.loyalty_class) = 0 then 'loyalty' when grouping(x.cost_class) = 0 then 'cost' else 'total' end
          as kind,
        coalesce(x.loyalty_class, x.cost_class) as key, count(*)::int as customers,
        coalesce(sum(x.revenue), 0)::text as revenue, coalesce(sum(x.cost), 0)::text as cost,
        coalesce(sum(x.profit), 0)::text as profit,
        case when count(*) > 0 then round(max(t.profit_min), 2)::text end as profit_min,
        case when count(*) > 0 then round(max(t.revenue_min), 2)::text end as revenue_min,
        case when count(*) > 0 then round(max(t.cost_min), 2)::text end as cost_min
      from x cross join t
      group by grouping sets ((x.loyalty_class), (x.cost_class), ())
      union all
      select c.kind, c.key, c.customers, c.revenue, '0', '0', null, null, null from (${currencyRows}) c`.execute(db);
    return rows;
  },

  /** A page of classified customers in party-id order, optionally of one class. */
  async customers(
    db: Db,
    scope: Scope,
    w: ClassWindow,
    page: { cls?: string; after?: string; limit: number },
  ): Promise<ClassRow[]> {
    const cls = page.cls ? sql`and (x.loyalty_class = ${page.cls} or x.cost_class = ${page.cls})` : sql``;
    const after = page.after ? sql`and x.party_id > ${page.after}` : sql``;
    const { rows } = await sql<ClassRow>`
      with ${classifiedCtes(scope, w)}
      select x.party_id, x.frequency, x.revenue::text as revenue, x.cost::text as cost, x.profit::text as profit,
        x.loyalty_class, x.cost_class
      from x where true ${cls} ${after} ${listedOnly(scope, 'x')}
      order by x.party_id limit ${page.limit}`.execute(db);
    return rows;
  },

  /**
   * Writes each scored customer's loyalty × profitability class into a snapshot run (docs/metrics.md "Value
   * snapshots"): the same classes as GET /api/value/classes over the whole organisation, with the window's revenue
   * and purchase days the snapshot already holds and UTC days, in one statement.
   */
  async classifySnapshot(db: Db, orgId: string, runId: string, w: Omit<ClassWindow, 'currency'>): Promise<void> {
    const buyers = sql`
      select s.party_id, s.frequency, s.monetary as revenue from value_snapshot s
      where s.org_id = ${orgId} and s.run_id = ${runId} and s.frequency > 0`;
    await sql`
      with ${classCtes(orgId, 'UTC', w, buyers)}
      update value_snapshot vs set value_class = x.loyalty_class from x
      where vs.org_id = ${orgId} and vs.run_id = ${runId} and vs.party_id = x.party_id`.execute(db);
  },
};
