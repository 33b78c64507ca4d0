// The value module's only door: its routes and jobs, and what other modules may reuse (access helpers, the pure
// concentration measures). Customer value analytics: docs/metrics.md "Customers and value".
import type { Deps } from '../../platform/deps.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import { clvRoutes } from './clv/clv.routes.ts';
import { cohortsRoutes } from './cohorts/cohorts.routes.ts';
import { cohortsService } from './cohorts/cohorts.service.ts';
import { concentrationRoutes } from './concentration/concentration.routes.ts';
import { concentrationService } from './concentration/concentration.service.ts';
import { CLV_FIT_JOB, clvService, runClvFit } from './clv/clv.service.ts';
import { valueCoreRoutes } from './core-routes.ts';
import { boardRoutes } from './board/board.routes.ts';
import { registerValueExtras } from './segments/register.ts';

/** Every route of the value module and its CLV fit job. */
export function valueModule(app: TandemApp, deps: Deps) {
  clvRoutes(app, clvService(deps));
  concentrationRoutes(app, concentrationService(deps));
  cohortsRoutes(app, cohortsService(deps));
  deps.jobs.define<{ orgId: string; fitId: string }>({
    name: CLV_FIT_JOB,
    handler: async ({ orgId, fitId }) => {
      await runClvFit(deps.db, orgId, fitId);
    },
  });
  valueCoreRoutes(app, deps);
  boardRoutes(app, deps);
  registerValueExtras(app, deps);
}

// Access: who may call value endpoints and whose numbers they get (SQL conditions over the party aliased `p`).
export { VALUE_ROLES, VALUE_ORG_ROLES, requireValueRole, visibleCustomer, liveCustomer } from './value.access.ts';

// Pareto concentration, Lorenz curve and Gini as pure functions of amounts (insight's key-person risk reuses them).
export { gini, topShare, lorenz, lorenzRanks, type LorenzPoint } from './concentration/measures.ts';

// The CLV fit job's queue name, and the fit itself (the CLI and benchmarks run it without a queue).
export { CLV_FIT_JOB, runClvFit } from './clv/clv.service.ts';

// Customers simulated under the CLV model (tests, benchmarks, the demo).
export { simulateCustomers, type SimulatedCustomer } from './clv/simulate.ts';
// The model's pure pieces: a fit on compressed counts and one customer's prediction (tests check the API with them).
export { fitModel, predict, type Compressed } from './clv/model.ts';

// Expected outcomes of the access rules (the access matrix test checks them through the API).
export { valueAccessMatrix } from './value.access-matrix.ts';

// The analytics core's access-matrix rows and the documented default RFM rules.
export { valueCoreAccessMatrix } from './core.access-matrix.ts';
export { defaultRfmRules } from './rfm/rules.ts';

// The period summary and the wallet summary as services (insight shows them as business performance beside the CRM
// capability index).
export { summaryService } from './summary/summary.service.ts';
export { walletService } from './wallet/wallet.service.ts';

// Segments, cross-sell, wallet and snapshots: what surveys and tests may use.
export * from './segments/index-exports.ts';
