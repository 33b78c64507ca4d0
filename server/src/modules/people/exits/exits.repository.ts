import { sql, type Insertable } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { EmployeeSeparationTable, ExitInterviewTable } from '../people.tables.ts';

export const exitsRepository = {
  insertSeparation: (db: Db, row: Insertable<EmployeeSeparationTable>) =>
    db.insertInto('employee_separation').values(row).returningAll().executeTakeFirstOrThrow(),

  insertInterview: (db: Db, row: Insertable<ExitInterviewTable>) =>
    db.insertInto('exit_interview').values(row).returningAll().executeTakeFirstOrThrow(),

  /** Interviews held in the range, each reason counted once per interview (docs/metrics.md "Exit reasons"). */
  async reasons(db: Db, orgId: string, from: string | null, to: string | null) {
    const r = await sql<{ reason: string; count: number; interviews: number; rejoin: number; rehire: number }>`
      with i as (
        select * from exit_interview
        where org_id = ${orgId} and (${from}::date is null or held_on >= ${from}::date)
          and (${to}::date is null or held_on <= ${to}::date)
      )
      select r.reason, count(*)::int as count,
        (select count(*)::int from i) as interviews,
        (select count(*)::int from i where would_rejoin) as rejoin,
        (select count(*)::int from i where rehire_eligible) as rehire
      from i cross join lateral unnest(i.reasons) as r(reason)
      group by r.reason order by count desc, r.reason
    `.execute(db);
    const totals = await sql<{ interviews: number; rejoin: number; rehire: number }>`
      select count(*)::int as interviews, (count(*) filter (where would_rejoin))::int as rejoin,
        (count(*) filter (where rehire_eligible))::int as rehire
      from exit_interview where org_id = ${orgId} and (${from}::date is null or held_on >= ${from}::date)
        and (${to}::date is null or held_on <= ${to}::date)
    `.execute(db);
    return { rows: r.rows, totals: totals.rows[0] ?? { interviews: 0, rejoin: 0, rehire: 0 } };
  },
};
