import type { Deps } from '../../platform/deps.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import { publicServiceRoutes } from './public.routes.ts';
import { serviceExportRoutes } from './service.export.ts';
import { serviceRoutes } from './service.routes.ts';
import { serviceService } from './service.service.ts';
import { caseTimelineSource } from './timeline.ts';

/** Refreshes SLA states of running cases every minute (runs only in `serve`; tests call refreshAll). */
export const SLA_JOB = 'service-sla-refresh';

/** Every route of the service module (issue 6), its timeline source and its SLA job. */
export function serviceModule(app: TandemApp, deps: Deps) {
  const cases = serviceService(deps);
  serviceExportRoutes(app, cases);
  serviceRoutes(app, deps, cases);
  publicServiceRoutes(app, cases);
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
