// Plain constants (no zod) so the web bundle can import them through api.ts.
export const partyKinds = ['person', 'organization'] as const;
export const partyRoles = [
  'customer',
  'employee',
  'candidate',
  'partner',
  'supplier',
  'distributor',
  'government',
  'community',
  'media',
] as const;
export const genders = ['female', 'male', 'other', 'undisclosed'] as const;

/** Kotler's five levels of relationship marketing, lowest first (the gap is a difference of positions). */
export const kotlerLevels = ['basic', 'reactive', 'accountable', 'proactive', 'partnership'] as const;
/** The HR quadrant (docs/sources.md [S0]), derived from initiative × participation scores. */
export const quadrants = ['basic', 'proactive', 'reactive', 'partnership'] as const;
export const relationshipPhases = ['awareness', 'exploration', 'expansion', 'commitment', 'dissolution'] as const;

export const customerStages = ['prospect', 'new', 'developing', 'loyal', 'at_risk', 'churned', 'won_back'] as const;
export const employeeStages = ['candidate', 'onboarding', 'stable', 'departing', 'alumni'] as const;

export const interactionChannels = [
  'phone',
  'email',
  'visit',
  'meeting',
  'web',
  'social',
  'wechat',
  'sms',
  'letter',
  'survey',
  'other',
] as const;
export const interactionDirections = ['inbound', 'outbound', 'internal'] as const;
export const sentiments = ['negative', 'neutral', 'positive'] as const;
export const taskKinds = ['follow_up_visit', 'call_back', 'greeting', 'review', 'other'] as const;
export const taskStatuses = ['open', 'done', 'cancelled'] as const;
export const fieldTypes = ['text', 'number', 'date', 'boolean', 'select', 'multiselect'] as const;
export const stakeholderSides = ['internal', 'external'] as const;
export const historyFields = ['role', 'stage', 'level', 'target_level', 'phase', 'owner', 'backup_owner'] as const;

/** The most parties one bulk action (or an export of a selection) takes. */
export const MAX_BULK_PARTIES = 200;

/** Days during which a merge can be undone. */
export const MERGE_UNDO_DAYS = 30;

export type PartyKind = (typeof partyKinds)[number];
export type PartyRoleName = (typeof partyRoles)[number];
export type KotlerLevel = (typeof kotlerLevels)[number];
export type Quadrant = (typeof quadrants)[number];
export type RelationshipPhase = (typeof relationshipPhases)[number];
export type HistoryField = (typeof historyFields)[number];
export type FieldType = (typeof fieldTypes)[number];
