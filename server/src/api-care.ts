// Part of api.ts (re-exported there): runtime values come from zod-free files so the web bundle stays small.
// Care: rules and their preview, occasions and suggestions (modules/care; docs/care.md).
export type {
  CareRule,
  CareRuleParams,
  CareRulePreview,
  CreateCareRule,
  UpdateCareRule,
} from './modules/care/rules/rules.schema.ts';
export {
  careRuleKinds,
  careRuleRoles,
  careScopes,
  careAssignees,
  anniversaryFields,
  careMergeFields,
  careOrgRuleEditorRoles,
  careRuleWriterRoles,
  careStaffRoles,
  careOccasionEditorRoles,
  careOccasionKeys,
  CARE_CATCH_UP_DAYS,
} from './modules/care/constants.ts';
export type {
  CareOccasion,
  CareOccasions,
  CareSuggestion,
  CareSuggestions,
  OccasionCategories as CareOccasionCategories,
  SetOccasionCategories as SetCareOccasionCategories,
} from './modules/care/occasions/occasions.schema.ts';
export type {
  PartyConsent,
  PutConsent,
  Suppression,
  CreateSuppression,
} from './modules/care/consent/consent.schema.ts';
export { consentChannels, consentStatuses, consentSources, careMarketingRoles } from './modules/care/constants.ts';
export type {
  Campaign,
  CreateCampaign,
  UpdateCampaign,
  SendCampaign,
  CommercialRatio,
  Recipient as CampaignRecipient,
  UnsubscribeInfo,
  CampaignAudienceCounts,
} from './modules/care/campaigns/campaigns.schema.ts';
export type { CareSettings, UpdateCareSettings } from './modules/care/settings/settings.schema.ts';
export {
  campaignKinds,
  recipientStates,
  DEFAULT_COMMERCIAL_CAP,
  CAMPAIGN_RATE_PER_MINUTE,
  careSettingsEditorRoles,
} from './modules/care/constants.ts';
