import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../platform/db/types.ts';
import { partiesReadModel } from '../parties/index.ts';
import type { Audience, GroupBy } from './surveys.schema.ts';
import { segmentKeySql, segmentNames } from '../value/index.ts';
import { roleOrder } from './surveys.repository.ts';

type Db = Kysely<Database>;

// Analytics of a survey, aggregated in SQL: only counts, means and small matrices leave the database.

/**
 * The group key of a response (alias r: survey_response) or of an invitee's role (alias pr: party_membership);
 * `segment` is the response's captured segment, or for an invitee the SQL of value's segment choice.
 */
function keyOf(
  groupBy: GroupBy,
  cols: { unit: string; group: string; role: string; segment: RawBuilder<unknown> },
): RawBuilder<string> {
  switch (groupBy) {
    case 'none':
      return sql<string>`'all'`;
    case 'orgUnit':
      return sql<string>`coalesce(${sql.raw(cols.unit)}::text, 'none')`;
    case 'stakeholderGroup':
      return sql<string>`coalesce(${sql.raw(cols.group)}, 'none')`;
    case 'role':
      return sql<string>`coalesce(${sql.raw(cols.role)}, 'none')`;
    case 'segment':
      return sql<string>`coalesce(${cols.segment}::text, 'none')`;
  }
}
const responseKey = (g: GroupBy) =>
  keyOf(g, {
    unit: 'r.org_unit_id',
    group: 'r.stakeholder_group',
    role: 'r.respondent_role',
    segment: sql`r.segment_id`,
  });

export interface NumericAgg {
  gkey: string;
  question_id: string;
  item: string;
  n: number;
  mean: number | null;
  promoters: number;
  passives: number;
  detractors: number;
  top2: number;
  top3: number;
}

export const resultsRepository = {
  async groupCounts(db: Db, orgId: string, surveyId: string, groupBy: GroupBy) {
    const res = await sql<{ gkey: string; n: number }>`
      select ${responseKey(groupBy)} as gkey, count(*)::int as n
      from survey_response r where r.org_id = ${orgId} and r.survey_id = ${surveyId}
      group by 1`.execute(db);
    return res.rows;
  },

  /** Invitations per group, by the invitee's current role (the same role a response would record). */
  async invitedCounts(db: Db, orgId: string, surveyId: string, audience: Audience, groupBy: GroupBy) {
    const segmentOf = groupBy === 'segment' ? await segmentKeySql(db, orgId) : null;
    const key = keyOf(groupBy, {
      unit: 'pr.org_unit_id',
      group: 'pr.stakeholder_group',
      role: 'pr.role',
      segment: segmentOf ? segmentOf(sql`i.party_id`) : sql`null`,
    });
    const res = await sql<{ gkey: string; n: number }>`
      select ${key} as gkey, count(*)::int as n
      from survey_invitation i
      left join lateral (
        select x.role, x.org_unit_id, x.stakeholder_group from party_membership x
        where x.org_id = i.org_id and x.party_id = i.party_id
        order by ${roleOrder(audience, 'x')} limit 1
      ) pr on true
      where i.org_id = ${orgId} and i.survey_id = ${surveyId}
      group by 1`.execute(db);
    return res.rows;
  },

  /** Per group × question (× matrix row): answer count, mean and the counts each metric needs. */
  async numeric(db: Db, orgId: string, surveyId: string, groupBy: GroupBy) {
    const res = await sql<NumericAgg>`
      with r as (select id, ${responseKey(groupBy)} as gkey from survey_response r where r.org_id = ${orgId} and r.survey_id = ${surveyId})
      select r.gkey, a.question_id, a.item, count(*)::int as n, avg(a.num)::float8 as mean,
        (count(*) filter (where a.num >= 9))::int as promoters,
        (count(*) filter (where a.num >= 7 and a.num <= 8))::int as passives,
        (count(*) filter (where a.num <= 6))::int as detractors,
        (count(*) filter (where a.num >= 4))::int as top2,
        (count(*) filter (where a.num >= 5))::int as top3
      from survey_answer a join r on r.id = a.response_id
      where a.org_id = ${orgId} and a.survey_id = ${surveyId} and a.num is not null
      group by 1, 2, 3`.execute(db);
    return res.rows;
  },

  async distribution(db: Db, orgId: string, surveyId: string, groupBy: GroupBy) {
    const res = await sql<{ gkey: string; question_id: string; item: string; value: string; n: number }>`
      with r as (select id, ${responseKey(groupBy)} as gkey from survey_response r where r.org_id = ${orgId} and r.survey_id = ${surveyId})
      select r.gkey, a.question_id, a.item, a.num::text as value, count(*)::int as n
      from survey_answer a join r on r.id = a.response_id
      where a.org_id = ${orgId} and a.survey_id = ${surveyId} and a.num is not null
      group by 1, 2, 3, 4`.execute(db);
    return res.rows;
  },

  /** Picks per option, and `answers`: how many responses answered the question (a multi-choice answer may pick several). */
  async choices(db: Db, orgId: string, surveyId: string, groupBy: GroupBy) {
    const res = await sql<{ gkey: string; question_id: string; choice: string; n: number; answers: number }>`
      with r as (select id, ${responseKey(groupBy)} as gkey from survey_response r where r.org_id = ${orgId} and r.survey_id = ${surveyId}),
      a as (select r.gkey, a.question_id, a.choices from survey_answer a join r on r.id = a.response_id
            where a.org_id = ${orgId} and a.survey_id = ${surveyId} and a.choices is not null),
      t as (select gkey, question_id, count(*)::int as answers from a group by 1, 2)
      select a.gkey, a.question_id, c.choice, count(*)::int as n, t.answers
      from a cross join lateral unnest(a.choices) as c(choice) join t on t.gkey = a.gkey and t.question_id = a.question_id
      group by 1, 2, 3, 5`.execute(db);
    return res.rows;
  },

  /** Gap per group and dimension: mean of the perceived answers and of the expected ones (pairing read from the survey's questions). */
  async gaps(db: Db, orgId: string, surveyId: string, groupBy: GroupBy) {
    const res = await sql<{ gkey: string; dimension: string; expected: number | null; perceived: number | null }>`
      with r as (select id, ${responseKey(groupBy)} as gkey from survey_response r where r.org_id = ${orgId} and r.survey_id = ${surveyId}),
      q as (select q.id, q.dimension, q.pairing from survey s cross join lateral jsonb_to_recordset(s.questions) as q(id text, dimension text, pairing text)
            where s.org_id = ${orgId} and s.id = ${surveyId} and q.dimension is not null and q.pairing is not null)
      select r.gkey, q.dimension,
        (avg(a.num) filter (where q.pairing = 'expected'))::float8 as expected,
        (avg(a.num) filter (where q.pairing = 'perceived'))::float8 as perceived
      from survey_answer a join r on r.id = a.response_id join q on q.id = a.question_id
      where a.org_id = ${orgId} and a.survey_id = ${surveyId} and a.num is not null
      group by 1, 2 order by 2`.execute(db);
    return res.rows;
  },

  /** Pairwise Pearson r (pairwise complete), the small k×k matrix over the given questions, and each one's mean. */
  async correlations(db: Db, orgId: string, surveyId: string, questionIds: string[]) {
    const x = sql`select response_id, question_id, num::float8 as v from survey_answer
                  where org_id = ${orgId} and survey_id = ${surveyId} and item = '' and num is not null and question_id = any(${questionIds}::text[])`;
    const [pairs, means, n] = await Promise.all([
      sql<{ qa: string; qb: string; r: number | null }>`
        with x as (${x})
        select a.question_id as qa, b.question_id as qb, corr(a.v, b.v) as r
        from x a join x b on a.response_id = b.response_id group by 1, 2`.execute(db),
      sql<{
        question_id: string;
        mean: number;
      }>`with x as (${x}) select question_id, avg(v)::float8 as mean from x group by 1`.execute(db),
      sql<{ n: number }>`with x as (${x}) select count(distinct response_id)::int as n from x`.execute(db),
    ]);
    return { pairs: pairs.rows, means: means.rows, n: n.rows[0]?.n ?? 0 };
  },

  async texts(db: Db, orgId: string, surveyId: string, groupBy: GroupBy, questionIds: string[]) {
    const res = await sql<{
      gkey: string;
      question_id: string;
      text: string;
      party_id: string | null;
      submitted_at: Date;
    }>`
      select ${responseKey(groupBy)} as gkey, a.question_id, a.text_value as text, r.party_id, r.submitted_at
      from survey_answer a join survey_response r on r.org_id = a.org_id and r.id = a.response_id
      where a.org_id = ${orgId} and a.survey_id = ${surveyId} and a.text_value is not null and a.question_id = any(${questionIds}::text[])
      order by a.question_id, a.text_value
      limit 5000`.execute(db);
    return res.rows;
  },

  async groupNames(db: Db, orgId: string, groupBy: GroupBy, zh: boolean): Promise<Map<string, string>> {
    if (groupBy === 'orgUnit') {
      const rows = await db.selectFrom('org_unit').select(['id', 'name']).where('org_id', '=', orgId).execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    }
    if (groupBy === 'stakeholderGroup') {
      return partiesReadModel.stakeholderGroupNames(db, orgId, zh);
    }
    if (groupBy === 'segment') {
      return segmentNames(db, orgId);
    }
    return new Map();
  },
};
