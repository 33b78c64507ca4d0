import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { grievanceVisible } from './cases.access.ts';
import { overdueAt } from './cases.repository.ts';

export interface ServiceCapabilityFigures {
  /** Median business minutes to the first response of complaints created in the period. */
  complaintFirstResponseMedian: number | null;
  /** Mean business minutes to resolve complaints created in the period. */
  complaintResolutionMean: number | null;
  /** Mean business minutes to resolve inquiries created in the period. */
  inquiryResolutionMean: number | null;
  /** Mean post-resolution score (1–5) given in the period. */
  csatMean: number | null;
  csatCount: number;
  /** Distinct channels of customer cases created in the period. */
  channels: string[];
}

/**
 * Organisation-wide service figures over customer cases (grievances left out) for the CRM capability index
 * (docs/capability-index.md): the measures of docs/metrics.md "Service", read only in aggregate.
 */
export async function serviceCapabilityFigures(
  db: Db,
  orgId: string,
  from: Date,
  to: Date,
): Promise<ServiceCapabilityFigures> {
  const { rows } = await sql<ServiceCapabilityFigures>`
    select
      (percentile_cont(0.5) within group (order by c.first_response_minutes)
        filter (where c.type = 'complaint' and c.created_at >= ${from} and c.created_at < ${to}))::float8
        as "complaintFirstResponseMedian",
      (avg(c.resolution_minutes) filter (where c.type = 'complaint' and c.created_at >= ${from}
        and c.created_at < ${to}))::float8 as "complaintResolutionMean",
      (avg(c.resolution_minutes) filter (where c.type = 'inquiry' and c.created_at >= ${from}
        and c.created_at < ${to}))::float8 as "inquiryResolutionMean",
      (avg(c.csat_score) filter (where c.csat_at >= ${from} and c.csat_at < ${to}))::float8 as "csatMean",
      (count(c.csat_score) filter (where c.csat_at >= ${from} and c.csat_at < ${to}))::int as "csatCount",
      coalesce(array_agg(distinct c.channel) filter (where c.created_at >= ${from} and c.created_at < ${to}),
        '{}') as channels
    from service_case c
    where c.org_id = ${orgId} and c.type <> 'grievance'`.execute(db);
  return rows[0] as ServiceCapabilityFigures;
}

/** Customer cases (not grievances) assigned to `userId` that are not resolved or closed (the home page's count). */
export async function openCaseCount(db: Db, orgId: string, userId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from service_case c
    where c.org_id = ${orgId} and c.assignee_id = ${userId} and c.type <> 'grievance'
      and c.status not in ('resolved', 'closed')`.execute(db);
  return rows[0]?.n ?? 0;
}

/**
 * Open grievances the actor may see (cases.access.ts `grievanceVisible`), by SLA state as a reader sees it at `now`: the
 * stored state, or breached once a running clock is past due (the home page's HR card).
 */
export async function grievanceSlaCounts(
  db: Db,
  actor: Actor,
  now = new Date(),
): Promise<{ open: number; onTrack: number; atRisk: number; breached: number }> {
  const overdue = overdueAt(now);
  const { rows } = await sql<{ open: number; on_track: number; at_risk: number; breached: number }>`
    select count(*)::int as open,
      (count(*) filter (where c.sla_state = 'on_track' and not ${overdue}))::int as on_track,
      (count(*) filter (where c.sla_state = 'at_risk' and not ${overdue}))::int as at_risk,
      (count(*) filter (where c.sla_state = 'breached' or ${overdue}))::int as breached
    from service_case c
    where c.org_id = ${actor.orgId} and c.type = 'grievance' and c.status not in ('resolved', 'closed')
      and ${grievanceVisible(actor)}`.execute(db);
  const r = rows[0];
  return { open: r?.open ?? 0, onTrack: r?.on_track ?? 0, atRisk: r?.at_risk ?? 0, breached: r?.breached ?? 0 };
}

/** The named grievances `userId` filed: all of them and those still open (the home page's employee card). */
export async function myGrievanceCounts(
  db: Db,
  orgId: string,
  userId: string,
): Promise<{ total: number; open: number }> {
  const { rows } = await sql<{ total: number; open: number }>`
    select count(*)::int as total, (count(*) filter (where c.status not in ('resolved', 'closed')))::int as open
    from service_case c where c.org_id = ${orgId} and c.type = 'grievance' and c.submitter_id = ${userId}`.execute(db);
  return { total: rows[0]?.total ?? 0, open: rows[0]?.open ?? 0 };
}
