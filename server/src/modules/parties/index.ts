// The parties module's only door: what other modules may use (services, read models, SQL conditions).
import type { Db } from '../../platform/db/database.ts';
import type { Deps } from '../../platform/deps.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import { activityRoutes } from './activity/activity.routes.ts';
import { binRoutes } from './bin/bin.routes.ts';
import { bulkActionsRoutes } from './bulk-actions/bulk-actions.routes.ts';
import { linksRoutes } from './links/links.routes.ts';
import { mergeRoutes } from './merge/merge.routes.ts';
import { relationshipRoutes } from './roles/relationship.routes.ts';
import { partiesExportRoutes } from './parties.export.ts';
import { partiesRepository } from './parties.repository.ts';
import { partiesRoutes } from './parties.routes.ts';
import { settingsRoutes } from './settings/settings.routes.ts';
import { notifyDueTasks, registerActivityNotifications, TASKS_DUE_CRON, TASKS_DUE_JOB } from './activity/notify.ts';
import { fieldDefinitionsRepository, stakeholderGroupsRepository } from './settings/settings.repository.ts';

/** Every route of the parties module. */
export function partiesModule(app: TandemApp, deps: Deps) {
  partiesExportRoutes(app, deps);
  partiesRoutes(app, deps);
  settingsRoutes(app, deps);
  activityRoutes(app, deps);
  mergeRoutes(app, deps);
  bulkActionsRoutes(app, deps);
  binRoutes(app, deps);
  linksRoutes(app, deps);
  relationshipRoutes(app, deps);
  registerActivityNotifications(deps);
  deps.jobs.define({
    name: TASKS_DUE_JOB,
    cron: TASKS_DUE_CRON,
    handler: async () => void (await notifyDueTasks(deps.db)),
  });
}

/** The daily due-task notifications (`serve` runs them at 01:00 UTC; tests call this directly). */
export { notifyDueTasks, TASKS_DUE_JOB } from './activity/notify.ts';

// Services.
export { partiesService, readableParty, writableParty } from './parties.service.ts';
// Bulk backup owners (insight's key-person risk assigns them from its page), audited, all or nothing.
export { assignBackupOwners, type BackupAssignment } from './backups.service.ts';
export { activityService, createSystemTask } from './activity/activity.service.ts';
export { moveStageAsSystem, type SystemMove } from './roles/roles.service.ts';
// Employment (the employee role's fields) for the people module: one write path, one SQL source.
export {
  changeEmployment,
  currentEmployeeRole,
  type EmployeeRole,
  type EmploymentChange,
} from './roles/employment.service.ts';
export { employmentSource, type EmploymentSourceRow } from './roles/employment.repository.ts';
// Dates care reminders count from (birthday, customer since, hire date, custom date fields, last visit).
export { partyDatesSource, lastVisitSource, type PartyDatesRow } from './care-dates.repository.ts';
export { isLegalMove, legalNextStages, stagesOf } from './roles/stages.ts';
export { relationshipPhases } from './constants.ts';
export { normalizePhone } from './phone.ts';

// Read models (lookups other modules need; their SQL stays here).
export { partiesReadModel, interactionCountsByParty } from './read-model.repository.ts';
export { partiesSearchProvider } from './search.repository.ts';
/** The list's search as a condition over `p` (it matches only fields the reader may read). */
export { visibleSearch } from './parties.repository.ts';
/** The org's customer-visibility setting, which the visibility conditions below take. */
export const customerVisibility = (db: Db, orgId: string) => partiesRepository.visibility(db, orgId);
/** For bootstrap: gives a new organisation the eight default stakeholder groups (also done lazily on first use). */
export const seedPartyDefaults = (db: Db, orgId: string) => stakeholderGroupsRepository.ensureDefaults(db, orgId);
/** Active custom field definitions (imports map columns onto them). */
export const activeFieldDefinitions = (db: Db, orgId: string) => fieldDefinitionsRepository.active(db, orgId);

// SQL conditions over the party aliased `p`, for records that follow their party's visibility; the employee circle
// (HR, admin, the management chain, the employee) and the actor's reports, for records about an employee.
// The relationship map's counts, for the HR home card.
export { relationshipMapService } from './settings/relationship-map.ts';
export { canSeeFull, livePartyVisible, inEmployeeCircle, reportPartyIds, visiblePartySet } from './parties.access.ts';
/** Aggregates for the CRM capability index (insight): profile completeness, inbound interaction channels. */
export { profileCompleteness, inboundInteractionChannels, openTaskCount } from './capability.repository.ts';
/** SQL: a party's owner at an instant, from its owner history (analytics attribute answers and purchases by it). */
export { ownerAtSql } from './owner-at.repository.ts';
/** Conditions on the party's own fields beyond the join contract (tags, creation date), over the party aliased `p`. */
export { partyFieldConditions } from './read-model.repository.ts';

// The bulk paths imports and the demo loader share.
export { bulkUpsertParties } from './bulk/upsert.ts';
export { restorePartySnapshots } from './bulk/restore.ts';
export { binPartiesIn, deleteInteractionsIn } from './bulk/bulk.repository.ts';
export { bulkInsertInteractions, type BulkInteractionResult } from './bulk/interactions.ts';
export {
  resolvePartyRefs,
  partyRefKey,
  partiesSharingContacts,
  afterPartiesBatch,
  type PartyRef,
} from './bulk/lookup.repository.ts';
export type { UpsertKey, BulkPartyInput, BulkPartyResult, BulkPartiesOutcome, PartySnapshot } from './bulk/types.ts';
// Until every bulk path imports it from platform/bulk.
export type { RowFailure } from '../../platform/bulk/row-failure.ts';

// Schemas and constants the API of other modules reuses.
export { createPartySchema, listPartiesQuerySchema, type CreateParty } from './parties.schema.ts';
export { createInteractionSchema, type CreateInteraction } from './activity/activity.schema.ts';
export { partyRoles as partyRoleNames, partyKinds as partyKindNames } from './constants.ts';
export { partyExportColumns, readablePartyColumns, unitsOfOwners } from './parties.export.ts';
/** The readable export's headers and labels, which imports map back to fields and codes. */
export { partyExportHeaders, kindLabels, roleLabels, stageLabels, levelLabels } from './export-labels.ts';
export { MAX_BULK_PARTIES } from './constants.ts';

// Expected outcomes of the access rules (the access matrix test checks them through the API).
export { partiesAccessMatrix } from './parties.access-matrix.ts';
export { activityAccessMatrix } from './activity/activity.access-matrix.ts';
export { settingsAccessMatrix } from './settings/settings.access-matrix.ts';

// Links between parties and the two relationship scales (the HR-department CRM uses both).
export { kotlerLevelSchema, quadrantSchema } from './parties.schema.ts';
export {
  relationshipInputSchema,
  relationshipHistorySchema,
  relationshipHistoryItemSchema,
  actorRefSchema,
  type RelationshipInput,
  type RelationshipHistoryItem,
} from './roles/relationship.schema.ts';
export { quadrantOf } from './roles/stages.ts';
export type { KotlerLevel, Quadrant } from './constants.ts';
/** Stakeholder groups as stored, and the numbers the HR-department CRM shows per group (parties the reader sees). */
export { stakeholderGroupRows, groupQuadrantCounts, groupFacts } from './settings/group-facts.repository.ts';
export { defaultStakeholderGroups } from './settings/settings.repository.ts';
export { linksAccessMatrix } from './links/links.access-matrix.ts';
/** Imports' company column: match or create the organisation, and a works_at link (in the batch's transaction). */
export { linkPeopleToCompanies, type CompanyLinkInput } from './links/company-links.ts';
export { linksService } from './links/links.service.ts';
/** Care's referrals: the referred party `referred_by` the referrer, in the caller's transaction. */
export { ensurePartyLink } from './links/system-links.ts';
/** Moves of a role into a stage (the party history), as a relation for analytics (care's win-back). */
export { stageMovesSql } from './roles/stage-moves.repository.ts';
