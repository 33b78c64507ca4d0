import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { employmentSource } from '../../parties/index.ts';

export interface RenewalRow {
  org_unit_id: string | null;
  name: string | null;
  expiring: number;
  with_intent: number;
}

/**
 * Per org unit (the unit on the employee role): current employees whose latest contract ends within [today, today +
 * days], and how many of those carry the intent to renew (docs/metrics.md "Contract renewal flag"). `scope` is over
 * the employee's party aliased `p`.
 */
export const renewalsRepository = {
  async byUnit(db: Db, orgId: string, today: string, days: number, scope: Expression<SqlBool>): Promise<RenewalRow[]> {
    const d = sql`${today}::date`;
    const res = await sql<RenewalRow>`
      with emp as (
        select distinct on (e.party_id) e.party_id, e.org_unit_id from ${employmentSource(orgId)} e
        join party p on p.org_id = e.org_id and p.id = e.party_id
        where e.ended_at is null and ${scope}
        order by e.party_id, e.started_at desc
      ),
      con as (
        select emp.org_unit_id, c.renewal_intent from emp
        join lateral (select c.end_on, c.renewal_intent from employee_contract c
          where c.org_id = ${orgId} and c.party_id = emp.party_id order by c.start_on desc, c.created_at desc limit 1) c on true
        where c.end_on >= ${d} and c.end_on <= ${d} + ${days}::int
      )
      select con.org_unit_id, u.name, count(*)::int as expiring,
        (count(*) filter (where con.renewal_intent = 'renew'))::int as with_intent
      from con left join org_unit u on u.org_id = ${orgId} and u.id = con.org_unit_id
      group by 1, 2 order by 2 nulls last, 1`.execute(db);
    return res.rows;
  },
};
