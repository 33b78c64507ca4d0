import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { addDays } from '../core-common.ts';
import { currencyRows, listedOnly, windowCtes, type Scope } from '../core-scope.repository.ts';
import type { RfmRule } from './rfm.schema.ts';
import { UNCLASSIFIED } from './rules.ts';

export interface RfmWindow {
  asOf: string;
  windowDays: number;
  /** The asked currency; null: the window's most frequent one. */
  currency: string | null;
  rules: RfmRule[];
}

export interface RfmGroupRow {
  kind: 'segment' | 'cell' | 'total' | 'currency';
  /** The segment, or the currency of a 'currency' row (whose `customers` counts transactions). */
  key: string | null;
  r: number | null;
  f: number | null;
  customers: number;
  revenue: string;
}

export interface RfmRow {
  party_id: string;
  recency_days: number;
  frequency: number;
  monetary: string;
  r: number;
  f: number;
  m: number;
  segment: string;
}

/** The rules as one CASE, in order (first match wins); values are parameters, never SQL text. */
function segmentCase(rules: RfmRule[]): RawBuilder<string> {
  const arms = rules.map(
    (x) =>
      sql`when r between ${x.r[0]} and ${x.r[1]} and f between ${x.f[0]} and ${x.f[1]} and m between ${x.m[0]} and ${x.m[1]} then ${x.segment}`,
  );
  return sql<string>`(case ${sql.join(arms, sql` `)} else ${UNCLASSIFIED} end)`;
}

/**
 * Scored customers of the window (docs/metrics.md "RFM"): customers with a purchase (amount > 0) on a day in
 * (asOf − windowDays, asOf]; R = days since the last purchase, F = distinct purchase days, M = net amount (refunds
 * subtract). Each score is ceil(5 × cume_dist()) computed exactly in integers: ceil(5 · k / n) with k the customers
 * ordered at or before this one (ties included, as cume_dist counts peers) and n all of them.
 */
function scoredCtes(scope: Scope, w: RfmWindow): RawBuilder<unknown> {
  const from = addDays(w.asOf, 1 - w.windowDays);
  const to = addDays(w.asOf, 1);
  const score = (order: RawBuilder<unknown>) =>
    sql`((5 * count(*) over (order by ${order} range between unbounded preceding and current row) + n - 1) / n)::int`;
  return sql`
    ${windowCtes(scope, from, to, w.currency)},
    c as (
      select party_id, (${w.asOf}::date - last_day)::int as recency_days, frequency, revenue as monetary from cust
    ),
    s as (
      select party_id, recency_days, frequency, monetary,
        ${score(sql`recency_days desc`)} as r, ${score(sql`frequency`)} as f, ${score(sql`monetary`)} as m
      from (select c.*, count(*) over () as n from c) c
    ),
    x as (
      select s.party_id, s.recency_days, s.frequency, s.monetary::text as monetary, s.r, s.f, s.m,
        ${segmentCase(w.rules)} as segment
      from s
    )`;
}

export const rfmRepository = {
  /** Customers and net revenue per segment, per R × F cell and in all, and the window's currencies (one statement). */
  async summary(db: Db, scope: Scope, w: RfmWindow): Promise<RfmGroupRow[]> {
    const { rows } = await sql<RfmGroupRow>`
      with ${scoredCtes(scope, w)}
      select
        case when grouping(x.segment) = 0 then 'segment' when grouping(x.r) = 0 then 'cell' else 'total' end as kind,
        x.segment as key, x.r, x.f, count(*)::int as customers, coalesce(sum(x.monetary::numeric), 0)::text as revenue
      from x
      group by grouping sets ((x.r, x.f), (x.segment), ())
      union all
      select c.kind, c.key, null, null, c.customers, c.revenue from (${currencyRows}) c`.execute(db);
    return rows;
  },

  /** A page of scored customers in party-id order, optionally of one segment. */
  async customers(
    db: Db,
    scope: Scope,
    w: RfmWindow,
    page: { segment?: string; after?: string; limit: number },
  ): Promise<RfmRow[]> {
    const segment = page.segment ? sql`and x.segment = ${page.segment}` : sql``;
    const after = page.after ? sql`and x.party_id > ${page.after}` : sql``;
    const { rows } = await sql<RfmRow>`
      with ${scoredCtes(scope, w)}
      select x.* from x where true ${segment} ${after} ${listedOnly(scope, 'x')}
      order by x.party_id limit ${page.limit}`.execute(db);
    return rows;
  },
};
