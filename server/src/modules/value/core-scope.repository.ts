import { sql, type RawBuilder } from 'kysely';
import type { Visibility } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import type { CurrencyCount } from './core.schema.ts';
import { listedCustomer, visibleCustomer } from './value.access.ts';

/**
 * Whose transactions an analysis reads: the actor's visible customers (value.access.ts), their purchase days
 * counted in one time zone. Commerce's `transaction` table is read here as commerce's published contract for
 * analytics (see modules/commerce/index.ts); parties' identity columns through the party aliased `p`.
 */
export interface Scope {
  actor: Actor;
  visibility: Visibility;
  timeZone: string;
}

/** The first instant of a local calendar day. */
export const dayStart = (scope: Scope, day: string): RawBuilder<Date> =>
  sql<Date>`(${day}::date::timestamp at time zone ${scope.timeZone})`;

/**
 * The visible transactions with `occurred_at` in [fromDay, toDay) of the scope's zone, as
 * `(party_id, amount, currency, day)`; `currency` limits it to one currency when given.
 */
export function visibleTx(scope: Scope, fromDay: string, toDay: string, currency?: string | null): RawBuilder<unknown> {
  const inCurrency = currency ? sql`and t.currency = ${currency}` : sql``;
  return sql`
    select t.party_id, t.amount, t.currency, (t.occurred_at at time zone ${scope.timeZone})::date as day
    from transaction t
    join party p on p.org_id = t.org_id and p.id = t.party_id
    where t.org_id = ${scope.actor.orgId}
      and t.occurred_at >= ${dayStart(scope, fromDay)} and t.occurred_at < ${dayStart(scope, toDay)}
      ${inCurrency}
      and ${visibleCustomer(scope.actor, scope.visibility)}`;
}

/**
 * The CTEs every window analysis starts from, so the window is read once and kept small: `pc` (per visible party
 * and currency over [fromDay, toDay): transactions, net amount, last purchase day, purchase days), `cur` (the
 * analysis currency: the asked one, else the one with the most transactions, ties alphabetical — docs/metrics.md
 * "Currencies") and `cust` (the parties with a purchase in that currency: party_id, last_day, frequency, revenue).
 */
export function windowCtes(scope: Scope, fromDay: string, toDay: string, asked: string | null): RawBuilder<unknown> {
  return sql`
    pc as (
      select party_id, currency, count(*) as n, sum(amount) as revenue,
        max(day) filter (where amount > 0) as last_day,
        (count(distinct day) filter (where amount > 0))::int as frequency
      from (${visibleTx(scope, fromDay, toDay)}) t
      group by party_id, currency
    ),
    cur as (
      select coalesce(${asked}::text, (select currency from pc group by currency order by sum(n) desc, currency limit 1))
        as currency
    ),
    cust as (
      select party_id, last_day, frequency, revenue from pc
      where currency = (select currency from cur) and last_day is not null
    )`;
}

/** Currency rows over `pc`, in the shape of the window analyses' group rows (kind 'currency', key = currency). */
export const currencyRows = sql`
  select 'currency' as kind, pc.currency as key, sum(pc.n)::int as customers, coalesce(sum(pc.revenue), 0)::text as revenue
  from pc group by pc.currency`;

/** `and …`: the row's `party_id` (of alias `alias`) is one a per-customer list may name (value.access.ts). */
export function listedOnly(scope: Scope, alias: string): RawBuilder<unknown> {
  const cond = listedCustomer(scope.actor, scope.visibility);
  return cond
    ? sql`and exists (select 1 from party p where p.org_id = ${scope.actor.orgId} and p.id = ${sql.ref(`${alias}.party_id`)} and ${cond})`
    : sql``;
}

export const scopeRepository = {
  /** Transactions and net revenue per currency in [fromDay, toDay), most transactions first. */
  async currencies(db: Db, scope: Scope, fromDay: string, toDay: string): Promise<CurrencyCount[]> {
    const { rows } = await sql<{ currency: string; transactions: number; revenue: string }>`
      with tx as (${visibleTx(scope, fromDay, toDay)})
      select currency, count(*)::int as transactions, coalesce(sum(amount), 0)::numeric(16, 2)::text as revenue
      from tx group by currency order by count(*) desc, currency`.execute(db);
    return rows;
  },
};
