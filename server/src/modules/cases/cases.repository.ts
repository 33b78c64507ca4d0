import { sql, type Expression, type Insertable, type Kysely, type SqlBool, type Updateable } from 'kysely';
import { teamUserIds } from '../../platform/access/access.ts';
import type { Visibility } from '../../platform/access/access.ts';
import { hasRole, type Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/types.ts';
import { updateVersioned } from '../../platform/db/versioned.ts';
import { paginate, parseSort } from '../../platform/db/pagination.ts';
import { canSeeFull } from '../parties/index.ts';
import {
  casePriorities,
  caseStatuses,
  type AlertRuleKind,
  type CaseStatus,
  type MetricsInterval,
} from './constants.ts';
import type { ListCasesQuery, MetricsQuery } from './cases.schema.ts';
import type { AlertTable, CaseEventTable, CaseRow, ServiceCaseTable, SlaPolicyTable } from './cases.tables.ts';

type Db = Kysely<Database>;

/** Roles that see every non-grievance case. */
const seesAllCases = (a: Actor) => hasRole(a, 'admin', 'executive');
const seesAllGrievances = (a: Actor) => hasRole(a, 'admin', 'hr');

/**
 * Who sees a case (alias `c`, its party left-joined as `p`):
 * - grievances: HR, admin, the assigned handler, and a named submitter (anonymous ones have none);
 * - other cases: admin and executive; the assignee and their managers; the creator; anyone who may
 *   read the party fully (the parties module's rule); agents also see the party-less queue.
 */
export function caseVisible(actor: Actor, visibility: Visibility): Expression<SqlBool> {
  const me = actor.userId;
  const grievance = seesAllGrievances(actor)
    ? sql<SqlBool>`true`
    : sql<SqlBool>`(c.assignee_id = ${me} or c.submitter_id = ${me})`;
  const other = seesAllCases(actor)
    ? sql<SqlBool>`true`
    : sql<SqlBool>`(c.assignee_id = ${me} or c.created_by = ${me} or c.assignee_id in ${teamUserIds(actor)}
        or (c.party_id is not null and p.id is not null and ${canSeeFull(actor, visibility, 'read')})
        or (c.party_id is null and ${hasRole(actor, 'agent', 'manager')}))`;
  return sql<SqlBool>`(case when c.type = 'grievance' then ${grievance} else ${other} end)`;
}

function casesQuery(db: Db, orgId: string) {
  return db
    .selectFrom('service_case as c')
    .leftJoin('party as p', (j) => j.onRef('p.org_id', '=', 'c.org_id').onRef('p.id', '=', 'c.party_id'))
    .leftJoin('app_user as au', (j) => j.onRef('au.org_id', '=', 'c.org_id').onRef('au.id', '=', 'c.assignee_id'))
    .selectAll('c')
    .select(['p.display_name as party_name', 'au.display_name as assignee_name'])
    .where('c.org_id', '=', orgId);
}
export type CaseView = CaseRow & { party_name: string | null; assignee_name: string | null };

/** Stands for "no running clock" in the slaDueAt sort, so those cases come last (first when descending). */
const NO_DUE = '9999-12-31T00:00:00.000Z';
const rank = (column: string, values: readonly string[]) =>
  `(case ${column} ${values.map((v, i) => `when '${v}' then ${i}`).join(' ')} end)`;
/** The next due time of a running clock (new, open, pending): the unanswered first response or the resolution. */
export function nextDueAt(
  r: Pick<CaseRow, 'status' | 'first_responded_at' | 'first_response_due_at' | 'resolve_due_at'>,
): Date | null {
  if (r.status === 'resolved' || r.status === 'closed') {
    return null;
  }
  const due = [r.first_responded_at ? null : r.first_response_due_at, r.resolve_due_at].filter(
    (d): d is Date => d !== null,
  );
  return due.length ? new Date(Math.min(...due.map((d) => d.getTime()))) : null;
}
const caseSorts = {
  createdAt: { column: 'c.created_at', type: 'timestamptz' },
  updatedAt: { column: 'c.updated_at', type: 'timestamptz' },
  priority: { column: rank('c.priority', casePriorities), type: 'int' },
  status: { column: rank('c.status', caseStatuses), type: 'int' },
  slaDueAt: {
    column: `coalesce(case when c.status in ('new', 'open', 'pending') then least(case when c.first_responded_at is null then c.first_response_due_at end, c.resolve_due_at) end, '${NO_DUE}'::timestamptz)`,
    type: 'timestamptz',
  },
} as const;
const sortValue: Record<keyof typeof caseSorts, (r: CaseView) => unknown> = {
  createdAt: (r) => r.created_at,
  updatedAt: (r) => r.updated_at,
  priority: (r) => casePriorities.indexOf(r.priority),
  status: (r) => caseStatuses.indexOf(r.status),
  slaDueAt: (r) => nextDueAt(r) ?? NO_DUE,
};

export const policiesRepository = {
  list: (db: Db, orgId: string) =>
    db
      .selectFrom('sla_policy')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('is_default', 'desc')
      .orderBy('name')
      .execute(),
  find: (db: Db, orgId: string, id: string) =>
    db.selectFrom('sla_policy').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst(),
  findDefault: (db: Db, orgId: string) =>
    db
      .selectFrom('sla_policy')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('is_default', '=', true)
      .executeTakeFirst(),
  insert: (db: Db, row: Insertable<SlaPolicyTable>) =>
    db.insertInto('sla_policy').values(row).returningAll().executeTakeFirstOrThrow(),
  update: (db: Db, orgId: string, id: string, version: number, values: Updateable<SlaPolicyTable>) =>
    updateVersioned(db, 'sla_policy', orgId, id, version, values),
  clearDefault: (db: Db, orgId: string) =>
    db
      .updateTable('sla_policy')
      .set({ is_default: false })
      .where('org_id', '=', orgId)
      .where('is_default', '=', true)
      .execute(),
  /** Serialises lazy seeding of the default policy per organisation. */
  lockOrg: (db: Db, orgId: string) =>
    db.selectFrom('organization').select('org_id').where('org_id', '=', orgId).forUpdate().executeTakeFirst(),
};

export const casesRepository = {
  find: (db: Db, orgId: string, id: string) =>
    casesQuery(db, orgId).where('c.id', '=', id).executeTakeFirst() as Promise<CaseView | undefined>,

  findVisible: (db: Db, actor: Actor, visibility: Visibility, id: string) =>
    casesQuery(db, actor.orgId)
      .where('c.id', '=', id)
      .where(() => caseVisible(actor, visibility))
      .executeTakeFirst() as Promise<CaseView | undefined>,

  /** Locks the row for a write (the caller then re-reads it with names). */
  lock: (db: Db, orgId: string, id: string) =>
    db
      .selectFrom('service_case')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst(),

  findByFollowUp: (db: Db, hash: string) =>
    db.selectFrom('service_case').selectAll().where('follow_up_hash', '=', hash).executeTakeFirst(),

  list(db: Db, actor: Actor, visibility: Visibility, f: ListCasesQuery) {
    let q = casesQuery(db, actor.orgId).where(() => caseVisible(actor, visibility));
    if (f.type) {
      q = q.where('c.type', '=', f.type);
    }
    if (f.status) {
      q = q.where('c.status', 'in', f.status.split(',') as CaseStatus[]);
    }
    if (f.priority) {
      q = q.where('c.priority', '=', f.priority);
    }
    if (f.slaState) {
      q = q.where('c.sla_state', '=', f.slaState);
    }
    if (f.assigneeId) {
      q = q.where('c.assignee_id', '=', f.assigneeId === 'me' ? actor.userId : f.assigneeId);
    }
    if (f.partyId) {
      q = q.where('c.party_id', '=', f.partyId);
    }
    if (f.q) {
      q = q.where(sql<SqlBool>`strpos(lower(c.subject), lower(${f.q})) > 0`);
    }
    const field = f.sort.replace(/^-/, '') as keyof typeof caseSorts;
    const sort = parseSort(f.sort, caseSorts);
    return paginate(q, {
      limit: f.limit,
      cursor: f.cursor,
      sort,
      idColumn: 'c.id',
      sortValue: (r) => sortValue[field](r),
    }) as Promise<{ items: CaseView[]; nextCursor: string | null }>;
  },

  insert: (db: Db, row: Insertable<ServiceCaseTable>) =>
    db.insertInto('service_case').values(row).returningAll().executeTakeFirstOrThrow(),
  update: (db: Db, orgId: string, id: string, version: number, values: Updateable<ServiceCaseTable>) =>
    updateVersioned(db, 'service_case', orgId, id, version, values),
  /** SLA bookkeeping: no version bump (a refresh is not an edit). */
  setSla: (db: Db, orgId: string, id: string, values: Updateable<ServiceCaseTable>) =>
    db.updateTable('service_case').set(values).where('org_id', '=', orgId).where('id', '=', id).execute(),

  /** Running cases (not pending, not resolved) whose SLA state may have changed, for the job: all orgs. */
  running: (db: Db, limit: number) =>
    db
      .selectFrom('service_case')
      .select(['org_id', 'id'])
      .where('status', 'in', ['new', 'open', 'pending'])
      .where('sla_state', '<>', 'breached')
      .where('sla_policy_id', 'is not', null)
      .limit(limit)
      .execute(),

  /** The cheap refresh on list reads: running cases past a due time are breached. */
  markOverdue: (db: Db, orgId: string) =>
    db
      .updateTable('service_case')
      .set((eb) => ({
        sla_state: 'breached',
        first_response_breached: sql<boolean>`first_response_breached or (first_responded_at is null and first_response_due_at < now())`,
        resolve_breached: sql<boolean>`resolve_breached or resolve_due_at < now()`,
        version: eb.ref('version'),
      }))
      .where('org_id', '=', orgId)
      .where('status', 'in', ['new', 'open'])
      .where('sla_state', '<>', 'breached')
      .where(sql<SqlBool>`((first_responded_at is null and first_response_due_at < now()) or resolve_due_at < now())`)
      .returning(['id', 'type', 'party_id'])
      .execute(),

  complaintsSince: async (db: Db, orgId: string, partyId: string, since: Date) =>
    Number(
      (
        await db
          .selectFrom('service_case')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('org_id', '=', orgId)
          .where('party_id', '=', partyId)
          .where('type', '=', 'complaint')
          .where('created_at', '>=', since)
          .executeTakeFirstOrThrow()
      ).n,
    ),
};

export const eventsRepository = {
  insert: (db: Db, row: Insertable<CaseEventTable>) =>
    db.insertInto('case_event').values(row).returningAll().executeTakeFirstOrThrow(),
  list: (db: Db, orgId: string, caseId: string, publicOnly: boolean) => {
    let q = db
      .selectFrom('case_event as e')
      .leftJoin('app_user as u', (j) => j.onRef('u.org_id', '=', 'e.org_id').onRef('u.id', '=', 'e.actor_id'))
      .selectAll('e')
      .select('u.display_name as actor_name')
      .where('e.org_id', '=', orgId)
      .where('e.case_id', '=', caseId);
    if (publicOnly) {
      q = q
        .where('e.kind', 'in', ['reply', 'follow_up'])
        .where((eb) => eb.or([eb('e.visibility', '=', 'public'), eb('e.kind', '=', 'follow_up')]));
    }
    return q.orderBy('e.at').orderBy('e.seq').execute();
  },
  /** Status changes in time order (the pauses are the intervals spent in `pending`). */
  statusChanges: (db: Db, orgId: string, caseId: string) =>
    db
      .selectFrom('case_event')
      .select(['to_status', 'at'])
      .where('org_id', '=', orgId)
      .where('case_id', '=', caseId)
      .where('kind', 'in', ['status', 'resolution'])
      .orderBy('at')
      .orderBy('seq')
      .execute(),
};

export const feedbackRepository = {
  insert: (db: Db, row: { org_id: string; case_id: string; token_hash: string; expires_at: Date }) =>
    db.insertInto('case_feedback_token').values(row).execute(),
  find: (db: Db, hash: string) =>
    db
      .selectFrom('case_feedback_token as t')
      .innerJoin('service_case as c', (j) => j.onRef('c.org_id', '=', 't.org_id').onRef('c.id', '=', 't.case_id'))
      .select([
        't.org_id',
        't.id as token_id',
        't.case_id',
        't.expires_at',
        't.used',
        'c.subject',
        'c.resolved_at',
        'c.party_id',
        'c.type',
        'c.assignee_id',
      ])
      .where('t.token_hash', '=', hash)
      .executeTakeFirst(),
  markUsed: async (db: Db, orgId: string, id: string) =>
    (
      await db
        .updateTable('case_feedback_token')
        .set({ used: true })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .where('used', '=', false)
        .executeTakeFirst()
    ).numUpdatedRows > 0n,
};

export const alertsRepository = {
  rules: (db: Db, orgId: string) =>
    db.selectFrom('alert_rule').selectAll().where('org_id', '=', orgId).orderBy('kind').execute(),
  ensureRules: (
    db: Db,
    orgId: string,
    defaults: { kind: AlertRuleKind; enabled: boolean; params: Record<string, number> }[],
  ) =>
    db
      .insertInto('alert_rule')
      .values(
        defaults.map((d) => ({ org_id: orgId, kind: d.kind, enabled: d.enabled, params: JSON.stringify(d.params) })),
      )
      .onConflict((oc) => oc.columns(['org_id', 'kind']).doNothing())
      .execute(),
  putRule: (db: Db, orgId: string, kind: AlertRuleKind, enabled: boolean, params: Record<string, number>) =>
    db
      .updateTable('alert_rule')
      .set({ enabled, params: JSON.stringify(params), updated_at: new Date() })
      .where('org_id', '=', orgId)
      .where('kind', '=', kind)
      .execute(),
  /** One open alert per party and rule: a second raise is a no-op (undefined). */
  insertOpen: (db: Db, row: Insertable<AlertTable>) =>
    db
      .insertInto('alert')
      .values(row)
      .onConflict((oc) => oc.columns(['org_id', 'party_id', 'rule']).where('status', '=', 'open').doNothing())
      .returningAll()
      .executeTakeFirst(),
  setTask: (db: Db, orgId: string, id: string, taskId: string | null, stageNote: string) =>
    db
      .updateTable('alert')
      .set({ task_id: taskId, stage_note: stageNote })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute(),
  list(
    db: Db,
    actor: Actor,
    visibility: Visibility,
    f: {
      partyId?: string | undefined;
      status?: 'open' | 'acknowledged' | undefined;
      limit: number;
      cursor?: string | undefined;
    },
  ) {
    let q = db
      .selectFrom('alert as a')
      .innerJoin('party as p', (j) => j.onRef('p.org_id', '=', 'a.org_id').onRef('p.id', '=', 'a.party_id'))
      .selectAll('a')
      .select('p.display_name as party_name')
      .where('a.org_id', '=', actor.orgId)
      .where(() => canSeeFull(actor, visibility, 'read'));
    if (f.partyId) {
      q = q.where('a.party_id', '=', f.partyId);
    }
    if (f.status) {
      q = q.where('a.status', '=', f.status);
    }
    return paginate(q, {
      limit: f.limit,
      cursor: f.cursor,
      sort: { column: 'a.created_at', desc: true, type: 'timestamptz' },
      idColumn: 'a.id',
      sortValue: (r) => r.created_at,
    });
  },
  findVisible: (db: Db, actor: Actor, visibility: Visibility, id: string) =>
    db
      .selectFrom('alert as a')
      .innerJoin('party as p', (j) => j.onRef('p.org_id', '=', 'a.org_id').onRef('p.id', '=', 'a.party_id'))
      .selectAll('a')
      .select('p.display_name as party_name')
      .where('a.org_id', '=', actor.orgId)
      .where('a.id', '=', id)
      .where(() => canSeeFull(actor, visibility, 'read'))
      .executeTakeFirst(),
  acknowledge: (db: Db, orgId: string, id: string, userId: string, status: 'open' | 'acknowledged') =>
    db
      .updateTable('alert')
      .set(
        status === 'acknowledged'
          ? { status, acknowledged_at: new Date(), acknowledged_by: userId }
          : { status, acknowledged_at: null, acknowledged_by: null },
      )
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute(),
};

/** The party facts the service needs (owner for tasks, email for feedback, name for reasons). */
export const partyFacts = (db: Db, orgId: string, partyId: string) =>
  db
    .selectFrom('party')
    .select(['id', 'display_name', 'emails', 'owner_id', 'kind'])
    .where('org_id', '=', orgId)
    .where('id', '=', partyId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();

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

/** The aggregates of metrics.md "Service" over the rows of `service_case c` in a group. */
const aggregates = sql`
      count(*)::int as count,
      (count(*) filter (where c.resolved_at is not null))::int as resolved,
      avg(c.first_response_minutes)::float8 as fr_mean,
      percentile_cont(0.9) within group (order by c.first_response_minutes)::float8 as fr_p90,
      avg(c.resolution_minutes)::float8 as res_mean,
      percentile_cont(0.9) within group (order by c.resolution_minutes)::float8 as res_p90,
      (count(*) filter (where c.first_response_breached or c.resolve_breached))::int as breached,
      (count(*) filter (where c.first_response_breached or c.resolve_breached or c.resolved_at is not null or c.first_responded_at is not null
        or c.first_response_due_at <= now() or c.resolve_due_at <= now()))::int as due,
      (count(*) filter (where c.reopen_count > 0))::int as reopened,
      (count(*) filter (where c.resolved_at is not null or c.reopen_count > 0))::int as ever_resolved,
      avg(c.csat_score)::float8 as csat_mean,
      count(c.csat_score)::int as csat_count`;

interface MetricsRange {
  from: Date;
  to: Date;
  groupBy: MetricsQuery['groupBy'];
  type?: string | undefined;
}

/** The cases the actor sees created in [from, to), with assignee (`au`) and their org unit (`ou`). */
const metricsSource = (actor: Actor, visibility: Visibility, q: MetricsRange) => sql`
    service_case c
    left join party p on p.org_id = c.org_id and p.id = c.party_id
    left join app_user au on au.org_id = c.org_id and au.id = c.assignee_id
    left join org_unit ou on ou.org_id = au.org_id and ou.id = au.org_unit_id
    where c.org_id = ${actor.orgId} and c.created_at >= ${q.from} and c.created_at < ${q.to}
      and ${q.type ? sql`c.type = ${q.type}` : sql`true`}
      and ${caseVisible(actor, visibility)}`;

/** Service metrics (metrics.md "Service") over the cases the actor sees, created in [from, to). */
export async function metricsRows(
  db: Db,
  actor: Actor,
  visibility: Visibility,
  q: MetricsRange,
  grouped: boolean,
): Promise<MetricsSqlRow[]> {
  const g = grouped ? q.groupBy : 'none';
  const res = await sql<MetricsSqlRow>`
    select ${groupKey[g]} as key, ${groupName[g]} as name, ${aggregates}
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
      select date_trunc(${unit}, c.created_at at time zone ${q.timeZone}) as period, ${aggregates}
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
