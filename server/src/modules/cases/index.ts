import type { Deps } from '../../platform/deps.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import { publicCaseRoutes } from './public.routes.ts';
import { casesExportRoutes } from './cases.export.ts';
import { casesRoutes } from './cases.routes.ts';
import { casesService } from './cases.service.ts';
import { caseTimelineSource } from './timeline.ts';

/** Refreshes SLA states of running cases every minute (runs only in `serve`; tests call refreshAll). */
export const SLA_JOB = 'service-sla-refresh';

/** Every route of the service module (issue 6), its timeline source and its SLA job. */
export function casesModule(app: TandemApp, deps: Deps) {
  const cases = casesService(deps);
  casesExportRoutes(app, cases);
  casesRoutes(app, deps, cases);
  publicCaseRoutes(app, cases);
  deps.timeline.register(caseTimelineSource);
  // A customer's cases follow them when parties merge (alerts stay: one open alert per party and rule).
  deps.partyReferences.register('service_case');
  deps.jobs.define({
    name: SLA_JOB,
    cron: '* * * * *',
    handler: async () => {
      await cases.refreshAll();
    },
  });
}
