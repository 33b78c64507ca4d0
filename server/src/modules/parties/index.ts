import type { TandemApp } from '../../platform/http/types.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Deps } from '../../platform/deps.ts';
import { stakeholderGroupsRepository } from './settings/settings.repository.ts';
import { partiesRepository } from './parties.repository.ts';
import { activityRoutes } from './activity/activity.routes.ts';
import { mergeRoutes } from './merge/merge.routes.ts';
import { partiesExportRoutes } from './parties.export.ts';
import { partiesRoutes } from './parties.routes.ts';
import { settingsRoutes } from './settings/settings.routes.ts';

export { partiesSearchProvider } from './search.provider.ts';
export { partiesReadModel } from './read-model.ts';
// For modules whose records follow their party's visibility (cases, transactions): party visibility as SQL
// over alias `p` (with `customerVisibility` below); tasks for early-warning alerts; the customer role (stage).
export { canSeeFull as partyVisibleCondition } from './parties.access.ts';
export { tasksRepository as partyTasks } from './activity/activity.repository.ts';
export { rolesRepository as partyRoles } from './roles/roles.repository.ts';
export { isLegalMove, legalNextStages } from './roles/stages.ts';

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
export { bulkUpsertParties } from './bulk/bulk.ts';
export { restorePartySnapshots } from './bulk/bulk-restore.ts';
export { partiesHolding } from './bulk/bulk-sql.ts';
export { bulkInsertInteractions, type BulkInteractionResult } from './bulk/bulk-interactions.ts';
export type {
  UpsertKey,
  BulkPartyInput,
  BulkPartyResult,
  BulkPartiesOutcome,
  PartySnapshot,
  RowFailure,
} from './bulk/bulk-types.ts';
export { readableParty, writableParty } from './parties.service.ts';
/** The org's customer-visibility setting, which `partyVisibleCondition` needs. */
export const customerVisibility = (db: Db, orgId: string) => partiesRepository.visibility(db, orgId);
export { normalizePhone } from './phone.ts';
export { createPartySchema, type CreateParty } from './parties.schema.ts';
export { createInteractionSchema, type CreateInteraction } from './activity/activity.schema.ts';
export { partyRoles as partyRoleNames } from './constants.ts';
export { partiesService } from './parties.service.ts';
export { partyExportColumns } from './parties.export.ts';
export { listPartiesQuerySchema } from './parties.schema.ts';
