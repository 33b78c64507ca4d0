import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { namedGrievances } from '../../cases/index.ts';
import { employmentSource } from '../../parties/index.ts';
import type { AttritionFactor } from '../constants.ts';

/** One unit's group factor, worked out from the surveys read model (only groups shown under the anonymity rule). */
export interface GroupRisk {
  unit_id: string;
  r: number;
  detail: string;
}

export interface ScoreParams {
  orgId: string;
  /** The day the score is for; data after it is not used (the back-test scores the past). */
  asOf: string;
  /** Who is scored, over the party aliased `p`. */
  scope: Expression<SqlBool>;
  /** Normalised weights (sum 100). */
  weights: Record<AttritionFactor, number>;
  windowFromMonths: number;
  windowToMonths: number;
  contractWindowDays: number;
  groups: GroupRisk[];
}

/** The raw facts and each factor's risk r in [0, 1], per employee. Named columns: r_<factor>. */
export interface ScoredRow {
  party_id: string;
  name: string;
  org_unit_id: string | null;
  score: number;
  tenure_months: number;
  months_since_raise: number;
  compa_ratio: number | null;
  group_detail: string | null;
  grievances: number;
  manager_changes: number;
  appraisal_latest: number | null;
  appraisal_previous: number | null;
  contract_end_on: string | null;
  renewal_intent: string | null;
  r_tenure_window: number;
  r_no_raise_or_promotion: number;
  r_compa_ratio: number;
  r_group_engagement: number;
  r_grievances: number;
  r_manager_changes: number;
  r_appraisal_trend: number;
  r_contract_ending: number;
}

const clamp01 = (x: RawBuilder<unknown>) => sql`least(greatest(${x}, 0), 1)::float8`;
const monthsBetween = (from: RawBuilder<unknown>, to: RawBuilder<unknown>) =>
  sql`(extract(year from age(${to}, ${from})) * 12 + extract(month from age(${to}, ${from})))::int`;

/**
 * The employees employed on asOf in scope, with the facts of docs/metrics.md "Attrition risk" as of that day: the
 * latest employee role of each live party, started on or before asOf and not left by then.
 */
function facts(q: ScoreParams): RawBuilder<unknown> {
  const d = sql`${q.asOf}::date`;
  const yearBefore = sql`(${d} - interval '12 months')`;
  return sql`
    emp as (
      select distinct on (e.party_id) e.party_id, e.org_unit_id, e.grade, e.salary,
        coalesce(e.hire_date, e.started_at::date) as start_on, e.exit_date
      from ${employmentSource(q.orgId)} e
      order by e.party_id, (e.ended_at is null) desc, e.started_at desc
    ),
    pop as (
      select emp.*, p.display_name as name from emp
      join party p on p.org_id = ${q.orgId} and p.id = emp.party_id
      left join lateral (
        select max(x.exit_on) as exit_on from employee_separation x where x.org_id = ${q.orgId} and x.party_id = emp.party_id
      ) s on true
      where emp.start_on <= ${d} and coalesce(s.exit_on, emp.exit_date, 'infinity'::date) > ${d} and ${q.scope}
    ),
    f as (
      select pop.party_id, pop.name, pop.org_unit_id,
        ${monthsBetween(sql`pop.start_on`, d)} as tenure_months,
        ${monthsBetween(sql`greatest(pop.start_on, raise.on_day, promo.on_day)`, d)} as months_since_raise,
        (coalesce(pay.salary, pop.salary) / nullif(band.mid_pay, 0))::float8 as compa_ratio,
        g.r as group_r, g.detail as group_detail,
        (select count(*)::int from ${namedGrievances(q.orgId)} gr
         where gr.party_id = pop.party_id and gr.filed_at > ${yearBefore} and gr.filed_at < ${d} + interval '1 day') as grievances,
        (select count(*)::int from employee_event ev where ev.org_id = ${q.orgId} and ev.party_id = pop.party_id
         and ev.kind = 'manager' and ev.effective_on > ${yearBefore} and ev.effective_on <= ${d}) as manager_changes,
        appr.latest::float8 as appraisal_latest, appr.previous::float8 as appraisal_previous,
        con.end_on as contract_end_on, con.renewal_intent
      from pop
      left join lateral (select max(c.effective_on) as on_day from employee_pay_change c where c.org_id = ${q.orgId}
        and c.party_id = pop.party_id and c.kind in ('raise', 'promotion') and c.effective_on <= ${d}) raise on true
      left join lateral (select max(c.effective_on) as on_day from employee_promotion c where c.org_id = ${q.orgId}
        and c.party_id = pop.party_id and c.effective_on <= ${d}) promo on true
      left join lateral (select c.salary from employee_pay_change c where c.org_id = ${q.orgId} and c.party_id = pop.party_id
        and c.effective_on <= ${d} order by c.effective_on desc, c.created_at desc limit 1) pay on true
      left join pay_band band on band.org_id = ${q.orgId} and band.grade = pop.grade
      left join jsonb_to_recordset(${JSON.stringify(q.groups)}::jsonb) as g(unit_id uuid, r float8, detail text)
        on g.unit_id = pop.org_unit_id
      left join lateral (
        select (array_agg(x.overall_score order by x.period_end desc))[1] as latest,
          (array_agg(x.overall_score order by x.period_end desc))[2] as previous
        from (select a.overall_score, c.period_end from appraisal a
              join appraisal_cycle c on c.org_id = a.org_id and c.id = a.cycle_id
              where a.org_id = ${q.orgId} and a.party_id = pop.party_id and c.status = 'closed'
                and c.closed_at < ${d} + interval '1 day' and a.overall_score is not null
              order by c.period_end desc limit 2) x
      ) appr on true
      left join lateral (select c.end_on, c.renewal_intent from employee_contract c where c.org_id = ${q.orgId}
        and c.party_id = pop.party_id and c.start_on <= ${d} order by c.start_on desc, c.created_at desc limit 1) con on true
    )`;
}

/** Each factor's risk in [0, 1] (docs/metrics.md "Attrition risk"), and the weighted score 0–100. */
function risks(q: ScoreParams): RawBuilder<unknown> {
  const d = sql`${q.asOf}::date`;
  const w = q.weights;
  return sql`
    rk as (
      select f.*,
        (case when tenure_months >= ${q.windowFromMonths} and tenure_months < ${q.windowToMonths} then 1 else 0 end)::float8
          as r_tenure_window,
        ${clamp01(sql`(months_since_raise - 12) / 12.0`)} as r_no_raise_or_promotion,
        (case when compa_ratio is null then 0 else ${clamp01(sql`(1 - compa_ratio) / 0.2`)} end) as r_compa_ratio,
        coalesce(group_r, 0)::float8 as r_group_engagement,
        ${clamp01(sql`grievances / 2.0`)} as r_grievances,
        ${clamp01(sql`manager_changes / 2.0`)} as r_manager_changes,
        (case when appraisal_previous is null then 0
          else ${clamp01(sql`appraisal_previous - appraisal_latest`)} end) as r_appraisal_trend,
        (case when contract_end_on >= ${d} and contract_end_on <= ${d} + ${q.contractWindowDays}::int
          and renewal_intent is distinct from 'renew' then 1 else 0 end)::float8 as r_contract_ending
      from f
    ),
    scored as (
      select rk.*, round((${w.tenure_window}::float8 * r_tenure_window
        + ${w.no_raise_or_promotion}::float8 * r_no_raise_or_promotion + ${w.compa_ratio}::float8 * r_compa_ratio
        + ${w.group_engagement}::float8 * r_group_engagement + ${w.grievances}::float8 * r_grievances
        + ${w.manager_changes}::float8 * r_manager_changes + ${w.appraisal_trend}::float8 * r_appraisal_trend
        + ${w.contract_ending}::float8 * r_contract_ending)::numeric, 1)::float8 as score
      from rk
    )`;
}

const bandSql = (high: number, medium: number) =>
  sql`(case when score >= ${high} then 'high' when score >= ${medium} then 'medium' else 'low' end)`;

export const attritionRepository = {
  /** One page, highest score first; `after` is the last row of the previous page. */
  async page(
    db: Db,
    q: ScoreParams,
    opts: { orgUnitId?: string; band?: string; after?: { score: number; id: string }; limit: number },
    bands: { high: number; medium: number },
  ): Promise<ScoredRow[]> {
    const unit = opts.orgUnitId ? sql`and org_unit_id = ${opts.orgUnitId}::uuid` : sql``;
    const band = opts.band ? sql`and ${bandSql(bands.high, bands.medium)} = ${opts.band}` : sql``;
    const after = opts.after
      ? sql`and (score < ${opts.after.score} or (score = ${opts.after.score} and party_id > ${opts.after.id}::uuid))`
      : sql``;
    const res = await sql<ScoredRow>`
      with ${facts(q)}, ${risks(q)}
      select * from scored where true ${unit} ${band} ${after}
      order by score desc, party_id limit ${opts.limit}`.execute(db);
    return res.rows;
  },

  /** Scores of the given employees (no reader: for other modules' aggregates, docs/metrics.md "Key-person risk"). */
  async forParties(db: Db, q: ScoreParams, partyIds: string[]): Promise<{ party_id: string; score: number }[]> {
    const res = await sql<{ party_id: string; score: number }>`
      with ${facts(q)}, ${risks(q)}
      select party_id, score from scored where party_id = any(${partyIds}::uuid[])`.execute(db);
    return res.rows;
  },

  /**
   * The back-test (docs/metrics.md): everyone employed on asOf, scored with data up to then; who of them left in the
   * following 12 months, and how many of those were in the top band.
   */
  async backtest(db: Db, q: ScoreParams, high: number) {
    const d = sql`${q.asOf}::date`;
    const res = await sql<{ population: number; leavers: number; top_band: number; leavers_in_top: number }>`
      with ${facts(q)}, ${risks(q)},
      left_after as (
        select s.party_id, (s.score >= ${high}) as top from scored s
        where exists (select 1 from employee_separation x where x.org_id = ${q.orgId} and x.party_id = s.party_id
          and x.exit_on > ${d} and x.exit_on <= ${d} + interval '12 months')
      )
      select (select count(*)::int from scored) as population, (select count(*)::int from left_after) as leavers,
        (select count(*)::int from scored where score >= ${high}) as top_band,
        (select count(*)::int from left_after where top) as leavers_in_top`.execute(db);
    return res.rows[0] ?? { population: 0, leavers: 0, top_band: 0, leavers_in_top: 0 };
  },
};
