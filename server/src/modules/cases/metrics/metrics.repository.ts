import { sql, type Kysely } from 'kysely';
import type { Visibility } from '../../../platform/access/access.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Database } from '../../../platform/db/types.ts';
import { caseVisible } from '../cases.access.ts';
import { overdueAt } from '../cases.repository.ts';
import type { MetricsInterval } from '../constants.ts';
import type { MetricsQuery } from './metrics.schema.ts';

type Db = Kysely<Database>;

const groupKey = {
  none: sql`null::text`,
  type: sql`c.type`,
  rootCause: sql`c.root_cause`,
  assignee: sql`c.assignee_id::text`,
  orgUnit: sql`au.org_unit_id::text`,
} as const;
const groupName = {
  none: sql`null::text`,
  type: sql`null::text`,
  rootCause: sql`null::text`,
  assignee: sql`min(au.display_name)`,
  orgUnit: sql`min(ou.name)`,
} as const;

export interface MetricsSqlRow {
  key: string | null;
  name: string | null;
  count: number;
  resolved: number;
  fr_mean: number | null;
  fr_p90: number | null;
  res_mean: number | null;
  res_p90: number | null;
  breached: number;
  due: number;
  reopened: number;
  ever_resolved: number;
  csat_mean: number | null;
  csat_count: number;
}

/**
 * The service measures over the rows of `service_case c` in a group. A running clock past its due time counts as
 * breached at `now` even before the SLA job has marked it.
 */
const aggregates = (now: Date) => sql`
      count(*)::int as count,
      (count(*) filter (where c.resolved_at is not null))::int as resolved,
      avg(c.first_response_minutes)::float8 as fr_mean,
      percentile_cont(0.9) within group (order by c.first_response_minutes)::float8 as fr_p90,
      avg(c.resolution_minutes)::float8 as res_mean,
      percentile_cont(0.9) within group (order by c.resolution_minutes)::float8 as res_p90,
      (count(*) filter (where c.first_response_breached or c.resolve_breached or ${overdueAt(now)}))::int as breached,
      (count(*) filter (where c.first_response_breached or c.resolve_breached or c.resolved_at is not null or c.first_responded_at is not null
        or c.first_response_due_at <= ${now} or c.resolve_due_at <= ${now}))::int as due,
      (count(*) filter (where c.reopen_count > 0))::int as reopened,
      (count(*) filter (where c.resolved_at is not null or c.reopen_count > 0))::int as ever_resolved,
      avg(c.csat_score)::float8 as csat_mean,
      count(c.csat_score)::int as csat_count`;

interface MetricsRange {
  from: Date;
  to: Date;
  groupBy: MetricsQuery['groupBy'];
  type?: string | undefined;
  now: Date;
}

/** The cases the actor sees created in [from, to), with assignee (`au`) and their org unit (`ou`). */
const metricsSource = (actor: Actor, visibility: Visibility, q: MetricsRange) => sql`
    service_case c
    left join party p on p.org_id = c.org_id and p.id = c.party_id
    left join app_user au on au.org_id = c.org_id and au.id = c.assignee_id
    left join org_unit ou on ou.org_id = au.org_id and ou.id = au.org_unit_id
    where c.org_id = ${actor.orgId} and c.created_at >= ${q.from} and c.created_at < ${q.to}
      and ${q.type ? sql`c.type = ${q.type}` : sql`true`}
      and ${caseVisible(actor, visibility, 'read')}`;

/** Counts, clock times, breach, reopen and CSAT over the cases the actor sees, created in [from, to). */
export async function metricsRows(
  db: Db,
  actor: Actor,
  visibility: Visibility,
  q: MetricsRange,
  grouped: boolean,
): Promise<MetricsSqlRow[]> {
  const g = grouped ? q.groupBy : 'none';
  const res = await sql<MetricsSqlRow>`
    select ${groupKey[g]} as key, ${groupName[g]} as name, ${aggregates(q.now)}
    from ${metricsSource(actor, visibility, q)}
    group by 1
    order by 3 desc, 1
  `.execute(db);
  return res.rows;
}

export type MetricsPeriodRow = MetricsSqlRow & { start: Date };

/**
 * The same metrics per period of creation: `date_trunc(interval)` of the creation time read in `timeZone`,
 * every period that overlaps [from, to) present (a period without cases is a row with count 0, via
 * generate_series). `key` is the period's first local day (YYYY-MM-DD), `start` its first instant.
 */
export async function metricsSeriesRows(
  db: Db,
  actor: Actor,
  visibility: Visibility,
  q: MetricsRange & { interval: MetricsInterval; timeZone: string },
): Promise<MetricsPeriodRow[]> {
  const unit = sql.lit(q.interval);
  const step = sql.lit(`1 ${q.interval}`);
  const res = await sql<MetricsPeriodRow>`
    with periods as (
      select generate_series(
        date_trunc(${unit}, ${q.from}::timestamptz at time zone ${q.timeZone}),
        (${q.to}::timestamptz - interval '1 millisecond') at time zone ${q.timeZone},
        ${step}::interval
      ) as period
    ),
    agg as (
      select date_trunc(${unit}, c.created_at at time zone ${q.timeZone}) as period, ${aggregates(q.now)}
      from ${metricsSource(actor, visibility, q)}
      group by 1
    )
    select to_char(periods.period, 'YYYY-MM-DD') as key, null::text as name,
      (periods.period at time zone ${q.timeZone}) as start,
      coalesce(agg.count, 0) as count, coalesce(agg.resolved, 0) as resolved,
      agg.fr_mean, agg.fr_p90, agg.res_mean, agg.res_p90,
      coalesce(agg.breached, 0) as breached, coalesce(agg.due, 0) as due,
      coalesce(agg.reopened, 0) as reopened, coalesce(agg.ever_resolved, 0) as ever_resolved,
      agg.csat_mean, coalesce(agg.csat_count, 0) as csat_count
    from periods left join agg on agg.period = periods.period
    order by periods.period
  `.execute(db);
  return res.rows;
}
