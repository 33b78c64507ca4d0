import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { addDays } from '../core-common.ts';
import { dayStart, visibleTx, type Scope } from '../core-scope.repository.ts';

export interface SummaryCounts {
  at_start: number;
  at_end: number;
  retained: number;
  won_back: number;
  new_customers: number;
  active: number;
  repeat: number;
}

export interface SummaryPeriod {
  from: string;
  to: string;
  lapseDays: number;
}

// Customer counts of the period summary, one statement (docs/metrics.md "Customers at a date"): a customer at the
// start of day d is a visible party with a purchase (amount > 0) on one of the lapseDays days before d.
export const summaryRepository = {
  async counts(db: Db, scope: Scope, q: SummaryPeriod): Promise<SummaryCounts> {
    const startFrom = addDays(q.from, -q.lapseDays);
    const endFrom = addDays(q.to, -q.lapseDays);
    const lower = startFrom < endFrom ? startFrom : endFrom;
    // A purchase before `from` (the party is visible, so all its transactions are): won back vs new.
    const boughtBefore = (alias: string) => sql`exists (
      select 1 from transaction t2
      where t2.org_id = ${scope.actor.orgId} and t2.party_id = ${sql.ref(`${alias}.party_id`)} and t2.amount > 0
        and t2.occurred_at < ${dayStart(scope, q.from)})`;
    // One aggregation per party (purchase flags of the two lapse windows and the period's purchase days), then the
    // counts over it: the window is read once, with no per-day intermediate read several times.
    const { rows } = await sql<SummaryCounts>`
      with tx as (${visibleTx(scope, lower, q.to)}),
      per as (
        select party_id,
          bool_or(amount > 0 and day >= ${startFrom}::date and day < ${q.from}::date) as s,
          bool_or(amount > 0 and day >= ${endFrom}::date and day < ${q.to}::date) as e,
          count(distinct day) filter (where amount > 0 and day >= ${q.from}::date and day < ${q.to}::date) as days
        from tx group by party_id
      )
      select
        (count(*) filter (where per.s))::int as at_start,
        (count(*) filter (where per.e))::int as at_end,
        (count(*) filter (where per.s and per.e))::int as retained,
        (count(*) filter (where per.e and not per.s and ${boughtBefore('per')}))::int as won_back,
        (count(*) filter (where per.days > 0 and not ${boughtBefore('per')}))::int as new_customers,
        (count(*) filter (where per.days > 0))::int as active,
        (count(*) filter (where per.days >= 2))::int as repeat
      from per`.execute(db);
    return rows[0] as SummaryCounts;
  },
};
