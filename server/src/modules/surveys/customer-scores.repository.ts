import { sql, type RawBuilder } from 'kysely';

/**
 * A read model for analytics (insight's service-profit chain, docs/metrics.md "The chain"): the named customer-side
 * answers to the outcome question of NPS or CSAT surveys submitted within [from, to), one row per response:
 * `(party_id, at, value)`. The outcome is the survey's first NPS question (nps), its 1–5 scale question (csat) or its
 * 1–7 scale question (ces), `overall` first. Anonymous answers name no party and are never attributed; employee-side answers are left out.
 */
export function customerAnswersSql(
  orgId: string,
  metric: 'nps' | 'csat' | 'ces',
  from: Date,
  to: Date,
): RawBuilder<{ party_id: string; at: Date; value: number }> {
  return sql<{ party_id: string; at: Date; value: number }>`(
    with s as (
      select s.id, (select q->>'id' from jsonb_array_elements(s.questions) with ordinality as e(q, i)
        where case when ${metric} = 'nps' then q->>'type' = 'nps'
          else q->>'type' = 'scale' and q->>'min' = '1' and q->>'max' = ${metric === 'ces' ? '7' : '5'} end
        order by (q->>'id' = 'overall') desc, i limit 1) as outcome
      from survey s where s.org_id = ${orgId} and s.kind = ${metric}
    )
    select r.party_id, r.submitted_at as at, a.num::float8 as value
    from survey_response r
    join s on s.id = r.survey_id
    join survey_answer a on a.org_id = r.org_id and a.response_id = r.id and a.question_id = s.outcome and a.item = ''
    where r.org_id = ${orgId} and r.party_id is not null and not r.anonymous
      and r.submitted_at >= ${from} and r.submitted_at < ${to} and a.num is not null
      and coalesce(r.respondent_role, '') not in ('employee', 'candidate')
  )`;
}
