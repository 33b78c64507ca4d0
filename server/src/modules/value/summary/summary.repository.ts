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
    const { rows } = await sql<SummaryCounts>`
      with tx as (${visibleTx(scope, lower, q.to)}),
      buy as (select distinct party_id, day from tx where amount > 0),
      s as (select distinct party_id from buy where day >= ${startFrom}::date and day < ${q.from}::date),
      e as (select distinct party_id from buy where day >= ${endFrom}::date and day < ${q.to}::date),
      act as (
        select party_id, count(*) as days from buy where day >= ${q.from}::date and day < ${q.to}::date
        group by party_id
      ),
      gained as (select e.party_id from e where not exists (select 1 from s where s.party_id = e.party_id))
      select
        (select count(*) from s)::int as at_start,
        (select count(*) from e)::int as at_end,
        (select count(*) from s join e using (party_id))::int as retained,
        (select count(*) from gained g where ${boughtBefore('g')})::int as won_back,
        (select count(*) from act a where not ${boughtBefore('a')})::int as new_customers,
        (select count(*) from act)::int as active,
        (select count(*) from act where days >= 2)::int as repeat`.execute(db);
    return rows[0] as SummaryCounts;
  },
};
