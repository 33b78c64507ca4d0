// The care API's types and role lists, from the server's schemas (type-only, plus zod-free constants).
import type { Role } from '../../../api/types.ts';
import {
  careMarketingRoles,
  careOccasionEditorRoles,
  careOrgRuleEditorRoles,
  careRuleWriterRoles,
  careSettingsEditorRoles,
  careStaffRoles,
} from '@tandem/server/api';

export type {
  Campaign,
  CampaignAudienceCounts,
  CampaignRecipient,
  CareOccasion,
  CareOccasionCategories,
  CareOccasions,
  CareRule,
  CareRuleParams,
  CareRulePreview,
  CareSettings,
  CareSuggestion,
  CareSuggestions,
  CommercialRatio,
  CreateCampaign,
  CreateCareRule,
  PartyConsent,
  PutConsent,
  Suppression,
  UnsubscribeInfo,
  UpdateCampaign,
  UpdateCareRule,
} from '@tandem/server/api';
export {
  anniversaryFields,
  campaignKinds,
  careAssignees,
  careMergeFields,
  careOccasionKeys,
  careRuleKinds,
  careRuleRoles,
  careScopes,
  consentChannels,
  consentSources,
  consentStatuses,
  recipientStates,
} from '@tandem/server/api';

/** Campaigns and the suppression list: admins and marketing (modules/care/constants.ts). */
export const campaignRoles: readonly Role[] = careMarketingRoles;
/** Rules, their preview, occasions and suggestions: staff. */
export const careReaderRoles: readonly Role[] = careStaffRoles;
export const ruleWriterRoles: readonly Role[] = careRuleWriterRoles;
export const orgRuleEditorRoles: readonly Role[] = careOrgRuleEditorRoles;
export const occasionEditorRoles: readonly Role[] = careOccasionEditorRoles;
/** Who changes the commercial cap (Settings). */
export const capEditorRoles: readonly Role[] = careSettingsEditorRoles;
