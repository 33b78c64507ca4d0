// The insight module's only door: the service-profit chain, key-person risk, the CRM capability index and the home
// cards per role (docs/metrics.md "The chain", "Key-person risk", "Home"; docs/capability-index.md).
import type { Deps } from '../../platform/deps.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import { capabilityRoutes } from './capability/capability.routes.ts';
import { capabilityService } from './capability/capability.service.ts';
import { chainRoutes } from './chain/chain.routes.ts';
import { chainService } from './chain/chain.service.ts';
import { homeRoutes } from './home/home.routes.ts';
import { homeService } from './home/home.service.ts';
import { keyPersonRoutes } from './key-person/key-person.routes.ts';
import { keyPersonService } from './key-person/key-person.service.ts';

/** Every route of the insight module. */
export function insightModule(app: TandemApp, deps: Deps) {
  keyPersonRoutes(app, keyPersonService(deps));
  chainRoutes(app, chainService(deps));
  capabilityRoutes(app, capabilityService(deps));
  homeRoutes(app, homeService(deps));
}

// Expected outcomes of the access rules (the access matrix test checks them through the API).
export { insightAccessMatrix } from './insight.access-matrix.ts';
