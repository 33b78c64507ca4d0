import type { TandemApp } from '../../platform/http/types.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Deps } from '../../platform/deps.ts';
import { stakeholderGroupsRepository } from './settings.repository.ts';
import { activityRoutes } from './activity.routes.ts';
import { mergeRoutes } from './merge.routes.ts';
import { partiesExportRoutes } from './parties.export.ts';
import { partiesRoutes } from './parties.routes.ts';
import { settingsRoutes } from './settings.routes.ts';

export { partiesSearchProvider } from './search.provider.ts';
export { partiesReadModel } from './read-model.ts';
// For the service module (cases): party visibility as SQL over alias `p`, the org's visibility setting,
// tasks for early-warning alerts, and the customer role (stage) with its history.
export { canSeeFull as partyVisibleCondition } from './parties.access.ts';
export { partiesRepository as partyVisibilitySource } from './parties.repository.ts';
export { tasksRepository as partyTasks } from './activity.repository.ts';
export { rolesRepository as partyRoles } from './roles.repository.ts';
export { isLegalMove, legalNextStages } from './stages.ts';


/** For bootstrap: gives a new organisation the eight default stakeholder groups (also done lazily on first use). */
export const seedPartyDefaults = (db: Db, orgId: string) => stakeholderGroupsRepository.ensureDefaults(db, orgId);

/** Every route of the parties module (issue 4). */
export function partiesModule(app: TandemApp, deps: Deps) {
  partiesExportRoutes(app, deps);
  partiesRoutes(app, deps);
  settingsRoutes(app, deps);
  activityRoutes(app, deps);
  mergeRoutes(app, deps);
}
