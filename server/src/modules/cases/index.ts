// The cases module's only door: its routes, jobs and timeline source, and what other code may call.
import type { Deps } from '../../platform/deps.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import { alertsRoutes } from './alerts/alerts.routes.ts';
import { alertsService } from './alerts/alerts.service.ts';
import { casesExportRoutes } from './cases.export.ts';
import { casesRoutes } from './cases.routes.ts';
import { casesService } from './cases.service.ts';
import { feedbackRoutes } from './feedback/feedback.routes.ts';
import { feedbackService } from './feedback/feedback.service.ts';
import { grievancesRoutes } from './grievances/grievances.routes.ts';
import { grievancesService } from './grievances/grievances.service.ts';
import { metricsRoutes } from './metrics/metrics.routes.ts';
import { metricsService } from './metrics/metrics.service.ts';
import { publicLimits } from './public-limits.ts';
import { policiesService } from './sla/policies.service.ts';
import { policiesRoutes } from './sla/sla.routes.ts';
import { refreshAll } from './sla/sla.service.ts';
import { caseTimelineSource } from './timeline.repository.ts';
import { registerCaseNotifications } from './notify.ts';

/** The SLA job's queue name (kept from before the module was called cases: scheduled jobs are stored under it). */
export const SLA_JOB = 'service-sla-refresh';

/**
 * What the SLA job does: persists the SLA state of running cases at `now` and raises breach alerts (tasks,
 * customers moved to at_risk). `serve` runs it every minute; tests call it directly.
 */
export const refreshSlaStates = (deps: Deps, now?: Date): Promise<number> => refreshAll(deps.db, now);

/** Every route of the cases module, its party-timeline source and its SLA job. */
export function casesModule(app: TandemApp, deps: Deps) {
  // The feedback link and the grievance follow-up code share one budget per address.
  const limits = publicLimits();
  const cases = casesService(deps);
  casesExportRoutes(app, cases, deps.db);
  casesRoutes(app, cases);
  policiesRoutes(app, policiesService(deps));
  metricsRoutes(app, metricsService(deps));
  alertsRoutes(app, alertsService(deps));
  grievancesRoutes(app, grievancesService(deps, limits));
  feedbackRoutes(app, feedbackService(deps, limits));
  deps.timeline.register(caseTimelineSource);
  registerCaseNotifications(deps);
  // A customer's cases follow them when parties merge (alerts stay: one open alert per party and rule).
  deps.partyReferences.register('service_case');
  deps.jobs.define({
    name: SLA_JOB,
    cron: '* * * * *',
    handler: async () => {
      await refreshSlaStates(deps);
    },
  });
}

// For the demo data: opening, answering and resolving cases as a signed-in user would.
export { casesService, type CasesService } from './cases.service.ts';
export { createCaseSchema, replyInputSchema, resolveInputSchema } from './cases.schema.ts';

// Cases and remedy costs per party, for value's cost to serve (an SQL subquery; its SQL stays here).
export { caseCostsByParty } from './cost-to-serve.repository.ts';

/** The root cause of a party's latest resolved customer case before an instant (care's win-back cause of loss). */
export { rootCauseBeforeSql } from './loss-cause.repository.ts';

// Named (never anonymous) grievances per employee, for people's attrition risk (an SQL subquery; its SQL stays here).
// Organisation-wide service figures for the CRM capability index (insight).
export {
  serviceCapabilityFigures,
  openCaseCount,
  grievanceSlaCounts,
  myGrievanceCounts,
  type ServiceCapabilityFigures,
} from './capability.repository.ts';
export { namedGrievances } from './grievances/named-grievances.repository.ts';

// Expected outcomes of the access rules (the access matrix test checks them through the API).
export { casesAccessMatrix } from './cases.access-matrix.ts';
/** The export's columns: the machine format (`raw=true`) and the readable one (docs/domain.md "Exports"). */
export { caseColumns, readableCaseColumns } from './cases.export.ts';
export { casesSearchProvider } from './search.repository.ts';
