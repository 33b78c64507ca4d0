// Zod-free constants of the care module (the web imports them through api.ts). docs/care.md explains each.
import type { Role } from '../../platform/identity/constants-types.ts';

/** What a care rule reminds of (docs/care.md "Rule kinds"). */
export const careRuleKinds = [
  'birthday',
  'anniversary',
  'purchase',
  'revisit',
  'contract_renewal',
  'custom_date',
] as const;
export type CareRuleKind = (typeof careRuleKinds)[number];
/** Whom a rule looks at: customers (the default) or employees (hire-date anniversaries, birthdays of staff). */
export const careRuleRoles = ['customer', 'employee'] as const;
export type CareRuleRole = (typeof careRuleRoles)[number];
/** `org`: every party of the role; `mine`: only the parties the rule's creator owns (an agent's own book). */
export const careScopes = ['org', 'mine'] as const;
export type CareScope = (typeof careScopes)[number];
/** Who gets the task: the party's owner (the rule's creator when it has no active owner), or a named user. */
export const careAssignees = ['owner', 'user'] as const;
export type CareAssignee = (typeof careAssignees)[number];
/** Dates an anniversary counts from: the customer role's start, or the employee role's hire date. */
export const anniversaryFields = ['customer_since', 'hire_date'] as const;
/** Merge fields a title or body may use as `{{field}}`; any other name is refused on save. */
export const careMergeFields = ['name', 'date', 'years', 'days', 'products', 'rule'] as const;
export type CareMergeField = (typeof careMergeFields)[number];

/**
 * Who manages care rules: admins, managers and marketing write organisation-wide rules (`scope: org`); agents write
 * rules over their own customers only (`scope: mine`). Every staff member reads the organisation's rules and their
 * own; a `mine` rule of someone else is not found (admins see all). Plain employees have no customer book: 403.
 */
export const careOrgRuleEditorRoles: readonly Role[] = ['admin', 'manager', 'marketing'];
export const careRuleWriterRoles: readonly Role[] = ['admin', 'manager', 'marketing', 'agent'];
export const careStaffRoles: readonly Role[] = ['admin', 'executive', 'manager', 'hr', 'marketing', 'agent'];
/** Who sets the product categories that sell for an occasion (suggestions read them). */
export const careOccasionEditorRoles: readonly Role[] = ['admin', 'manager', 'marketing'];

/**
 * The job looks back this many days for occasions it has not reminded of yet, so a day the job did not run (a
 * restart, downtime) still gets its tasks, late; older missed occasions are left alone.
 */
export const CARE_CATCH_UP_DAYS = 2;
export const CARE_REMINDER_JOB = 'care-reminders';

/** The occasions of the calendar (docs/care.md "Occasions"); `birthday` is per customer. */
export const careOccasionKeys = [
  'spring_festival',
  'lantern',
  'qingming',
  'mothers_day',
  'dragon_boat',
  'fathers_day',
  'teachers_day',
  'mid_autumn',
  'national_day',
  'double_11',
  'christmas',
  'birthday',
] as const;
export type CareOccasionKey = (typeof careOccasionKeys)[number];

/** Channels consent is kept for (docs/care.md "Consent"). */
export const consentChannels = ['email', 'sms', 'wechat'] as const;
export type ConsentChannel = (typeof consentChannels)[number];
export const consentStatuses = ['granted', 'withdrawn'] as const;
export type ConsentStatus = (typeof consentStatuses)[number];
/** Where a consent came from; `unsubscribe_link` is written by the one-click link only. */
export const consentSources = [
  'form',
  'verbal',
  'written',
  'import',
  'api',
  'preference_center',
  'unsubscribe_link',
  'other',
] as const;
export type ConsentSource = (typeof consentSources)[number];
/** Who keeps the suppression list (and runs campaigns): admins and marketing. */
export const careMarketingRoles: readonly Role[] = ['admin', 'marketing'];

/** Campaign kinds (docs/care.md "Campaigns"). */
export const campaignKinds = ['care', 'newsletter', 'offer', 'referral', 'win_back'] as const;
export type CampaignKind = (typeof campaignKinds)[number];
/** Who a campaign goes to: the live members of a value segment when sent, or named parties. */
export type CampaignAudience = { segmentId: string } | { partyIds: string[] };
/**
 * What happened to a recipient. `sent` and `failed` are read from the mail outbox for queued messages; the others are
 * decided when the campaign is sent (no email address, consent not granted, address suppressed) or afterwards
 * (unsubscribed through the campaign's link, or `replied`: a reply to their message arrived, docs/care.md "Replies").
 */
export const recipientStates = [
  'queued',
  'sent',
  'failed',
  'replied',
  'unsubscribed',
  'skipped_no_address',
  'skipped_no_consent',
  'skipped_suppressed',
] as const;
export type RecipientState = (typeof recipientStates)[number];
/** The default cap of commercial messages among all the organisation sent in the last 30 days. */
export const DEFAULT_COMMERCIAL_CAP = 0.1;
/** Who changes the organisation's commercial cap (everyone who runs campaigns reads it). */
export const careSettingsEditorRoles: readonly Role[] = ['admin'];
/** The job that sends scheduled campaigns once they are due (every minute). */
export const CAMPAIGN_SCHEDULE_JOB = 'campaign-schedule';
/** Messages a campaign hands to the outbox per minute (later ones wait their turn). */
export const CAMPAIGN_RATE_PER_MINUTE = 60;

/** Kinds of referral reward (docs/care.md "Referral"). */
export const rewardKinds = ['cash', 'voucher', 'gift', 'points', 'discount', 'other'] as const;
export type RewardKind = (typeof rewardKinds)[number];
/** Causes of loss a win-back rate is given for ([S3.7]; docs/domain.md "Root cause"); `unknown`: none recorded. */
export const lossCauses = ['competition', 'customer', 'company_error', 'other', 'unknown'] as const;
export type LossCause = (typeof lossCauses)[number];
/** Sentiment of a mention: given by the source or scored by the lexicon (docs/metrics.md "Mention sentiment"). */
export const mentionSentiments = ['negative', 'neutral', 'positive'] as const;
export type MentionSentiment = (typeof mentionSentiments)[number];
export const mentionSources = ['api', 'inbound', 'csv'] as const;
export const mentionAlertKinds = ['burst', 'key_account'] as const;
/** A party with this tag is a key account for mention alerts (besides the members of the chosen segment). */
export const KEY_ACCOUNT_TAG = 'key_account';
/** Default alert rule: this many negative mentions within this many hours raise an alert. */
export const DEFAULT_NEGATIVE_COUNT = 3;
export const DEFAULT_WINDOW_HOURS = 24;
export const postStatuses = ['planned', 'published', 'cancelled'] as const;
export type PostStatus = (typeof postStatuses)[number];
/** Who sets the mention token and alert rule, imports mentions and plans posts: admins and marketing. */
export const careListeningAdminRoles: readonly Role[] = ['admin'];
