import type { Deps } from '../../platform/deps.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import { classesRoutes } from './classes/classes.routes.ts';
import { rfmRoutes } from './rfm/rfm.routes.ts';
import { summaryRoutes } from './summary/summary.routes.ts';

/** The routes of the value analytics core: summary, RFM, value classes (docs/metrics.md "Customers and value"). */
export function valueCoreRoutes(app: TandemApp, deps: Deps) {
  summaryRoutes(app, deps);
  rfmRoutes(app, deps);
  classesRoutes(app, deps);
}
