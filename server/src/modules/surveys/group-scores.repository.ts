import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/types.ts';

type Db = Kysely<Database>;

export interface GroupScoreRow {
  survey_id: string;
  closed_at: Date;
  min_group_size: number;
  /** The org unit's id, or 'none' for responses without one (they still count towards suppression). */
  gkey: string;
  /** Responses of the group (what the anonymity minimum applies to). */
  n: number;
  /** Answers to the outcome question in the group. */
  answered: number;
  mean: number | null;
  promoters: number;
  detractors: number;
  /** The outcome question's scale (0–10 for NPS). */
  scale_min: number;
  scale_max: number;
}

/**
 * Per closed employee survey of one kind (closed within [from, to)) and org unit: counts and the outcome question's
 * aggregates. The outcome is the survey's first NPS question (eNPS) or its `overall` question, else its first scale
 * question (engagement). Only counts and aggregates leave the database, never an answer.
 */
export const groupScoresRepository = {
  async rows(db: Db, orgId: string, kind: 'enps' | 'engagement', from: Date, to: Date): Promise<GroupScoreRow[]> {
    const res = await sql<GroupScoreRow>`
      with s as (
        select s.id, s.min_group_size, coalesce(s.closes_at, s.updated_at) as closed_at,
          o.q->>'id' as outcome, coalesce((o.q->>'min')::float8, 0) as scale_min,
          coalesce((o.q->>'max')::float8, 10) as scale_max
        from survey s
        cross join lateral (
          select q from jsonb_array_elements(s.questions) with ordinality as e(q, i)
          where case when ${kind} = 'enps' then q->>'type' = 'nps' else q->>'type' = 'scale' end
          order by (q->>'id' = 'overall') desc, i limit 1
        ) o
        where s.org_id = ${orgId} and s.kind = ${kind} and s.status = 'closed'
          and coalesce(s.closes_at, s.updated_at) >= ${from} and coalesce(s.closes_at, s.updated_at) < ${to}
      ),
      r as (
        select r.survey_id, r.id, coalesce(r.org_unit_id::text, 'none') as gkey
        from survey_response r join s on s.id = r.survey_id where r.org_id = ${orgId}
      ),
      a as (
        select r.survey_id, r.gkey, count(*)::int as answered, avg(a.num)::float8 as mean,
          (count(*) filter (where a.num >= 9))::int as promoters,
          (count(*) filter (where a.num <= 6))::int as detractors
        from survey_answer a join r on r.id = a.response_id join s on s.id = a.survey_id
        where a.org_id = ${orgId} and a.question_id = s.outcome and a.item = '' and a.num is not null
        group by 1, 2
      )
      select s.id as survey_id, s.closed_at, s.min_group_size, s.scale_min, s.scale_max, g.gkey, g.n,
        coalesce(a.answered, 0) as answered, a.mean, coalesce(a.promoters, 0) as promoters,
        coalesce(a.detractors, 0) as detractors
      from (select survey_id, gkey, count(*)::int as n from r group by 1, 2) g
      join s on s.id = g.survey_id
      left join a on a.survey_id = g.survey_id and a.gkey = g.gkey
      order by s.closed_at desc, s.id, g.gkey`.execute(db);
    return res.rows;
  },
};
