// The HR-department CRM's only door (docs/domain.md "HR-department CRM").
import type { Deps } from '../../platform/deps.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import { groupsRoutes, groupWorkRoutes } from './groups.routes.ts';
import { servicesRoutes } from './services.routes.ts';

/** Every route of the HR-department CRM (under /api/hr-crm). */
export function hrcrmModule(app: TandemApp, deps: Deps) {
  groupsRoutes(app, deps);
  groupWorkRoutes(app, deps);
  servicesRoutes(app, deps);
}

// Expected outcomes of the access rules (the access matrix test checks them through the API).
export { hrcrmAccessMatrix } from './hrcrm.access-matrix.ts';

// Services the demo seeder uses (the same paths as the API).
export { groupsService } from './groups.service.ts';
export { servicesService, deliveriesService } from './services.service.ts';
export { activitiesService } from './activities.service.ts';
export { processService } from './process.service.ts';
export { evaluationService } from './evaluation.service.ts';
