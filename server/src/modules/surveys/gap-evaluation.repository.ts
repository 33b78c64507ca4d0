import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

/** Expected and perceived means of one value dimension, over all eligible surveys (period null) or one period. */
export interface GapCell {
  period: string | null;
  dimension: string;
  expected: number | null;
  perceived: number | null;
  n: number;
}

/**
 * Gap (expectation) surveys aimed at a stakeholder group: audience that group — or, for the employees and company
 * clients groups, the employee and customer audiences — not drafts; employee-side ones only when asked for.
 */
function aimedAt(groupKey: string, employeeSide: boolean) {
  return sql`s.kind = 'gap' and s.status <> 'draft'
    and ((s.audience->>'kind' = 'stakeholderGroup' and s.audience->>'stakeholderGroup' = ${groupKey})
      or (${groupKey} = 'employees' and s.audience->>'kind' = 'employees')
      or (${groupKey} = 'company_clients' and s.audience->>'kind' = 'customers'))
    and (${employeeSide} or s.audience->>'kind' <> 'employees')`;
}

export const gapEvaluationRepository = {
  async surveyCount(db: Db, orgId: string, groupKey: string, employeeSide: boolean): Promise<number> {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from survey s where s.org_id = ${orgId} and ${aimedAt(groupKey, employeeSide)}`.execute(
      db,
    );
    return rows[0]?.n ?? 0;
  },

  /**
   * Mean expected and perceived answer per dimension, overall and per period (the month of a survey's first answer
   * in the window), from answers submitted in [from, to]. A survey held to the anonymity minimum (anonymous or
   * employee-side) counts only when its answers in the window reach its minimum: whole surveys the surveys module
   * would show, never a part of one.
   */
  async cells(db: Db, orgId: string, groupKey: string, employeeSide: boolean, from: string, to: string) {
    const { rows } = await sql<GapCell>`
      with s as (
        select s.id, s.questions, s.min_group_size,
          (s.anonymous or s.audience->>'kind' = 'employees') as thresholded
        from survey s where s.org_id = ${orgId} and ${aimedAt(groupKey, employeeSide)}
      ),
      r as (
        select r.id, r.survey_id, r.submitted_at from survey_response r join s on s.id = r.survey_id
        where r.org_id = ${orgId} and r.submitted_at >= ${from}::date
          and r.submitted_at < ${to}::date + 1
      ),
      n as (select survey_id, count(*)::int as n, min(submitted_at) as first_at from r group by 1),
      ok as (
        select s.id, s.questions, to_char(n.first_at at time zone 'UTC', 'YYYY-MM') as period
        from s join n on n.survey_id = s.id where not s.thresholded or n.n >= s.min_group_size
      ),
      q as (
        select ok.id as survey_id, ok.period, q.id as qid, q.dimension, q.pairing
        from ok cross join lateral jsonb_to_recordset(ok.questions) as q(id text, dimension text, pairing text)
        where q.dimension is not null and q.pairing in ('expected', 'perceived')
      )
      select q.period, q.dimension,
        (avg(a.num) filter (where q.pairing = 'expected'))::float8 as expected,
        (avg(a.num) filter (where q.pairing = 'perceived'))::float8 as perceived,
        count(distinct a.response_id)::int as n
      from survey_answer a
      join r on r.id = a.response_id
      join q on q.survey_id = a.survey_id and q.qid = a.question_id
      where a.org_id = ${orgId} and a.num is not null
      group by grouping sets ((q.dimension), (q.period, q.dimension))
      order by q.dimension, q.period nulls first`.execute(db);
    return rows;
  },
};
