// Scenario practice's only door (docs/practice.md).
import type { Deps } from '../../platform/deps.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import { practiceOrgRoutes } from './practice-org.routes.ts';
import { scenarioRoutes, sessionRoutes } from './practice.routes.ts';

/** Every route of scenario practice (under /api/practice). */
export function practiceModule(app: TandemApp, deps: Deps) {
  scenarioRoutes(app, deps);
  sessionRoutes(app, deps);
  practiceOrgRoutes(app, deps);
}

// Every new organisation starts with the built-in scenarios (bootstrap).
export { seedBuiltInScenarios } from './scenarios.service.ts';

// Expected outcomes of the access rules (the access matrix test checks them through the API).
export { practiceAccessMatrix } from './practice.access-matrix.ts';

// Practice organisations for the CLI (`tandem practice create --from demo`), the same path as the API.
export { createPracticeOrg, isPracticeOrg } from './practice-org.service.ts';
