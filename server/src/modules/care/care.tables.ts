import type { ColumnType, Generated, Selectable } from 'kysely';
import type {
  CareAssignee,
  CareRuleKind,
  CareRuleRole,
  CareScope,
  ConsentChannel,
  ConsentStatus,
  CampaignKind,
  CampaignAudience,
} from './constants.ts';

// Kysely table interfaces of the care module; `Database` (platform/db/types.ts) extends CareTables.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string, string>;
type DateOnly = ColumnType<string, string, string>;

export interface CareRuleTable {
  org_id: string;
  id: Generated<string>;
  name: string;
  kind: CareRuleKind;
  params: Json<Record<string, unknown>>;
  role: CareRuleRole;
  lead_days: number;
  scope: CareScope;
  assignee: CareAssignee;
  assignee_id: string | null;
  title_zh: string;
  title_en: string;
  body_zh: string | null;
  body_en: string | null;
  active: Generated<boolean>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface CareReminderTable {
  org_id: string;
  rule_id: string;
  party_id: string;
  occasion_on: DateOnly;
  task_id: string | null;
  created_at: CreatedAt;
}

export interface CareOccasionCategoryTable {
  org_id: string;
  occasion: string;
  categories: ColumnType<string[], string[], string[]>;
  updated_by: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface CareConsentEventTable {
  org_id: string;
  id: Generated<string>;
  party_id: string;
  channel: ConsentChannel;
  status: ConsentStatus;
  source: string;
  note: string | null;
  actor_id: string | null;
  at: CreatedAt;
}

export interface CareSuppressionTable {
  org_id: string;
  id: Generated<string>;
  channel: ConsentChannel;
  address: string;
  reason: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface CampaignTable {
  org_id: string;
  id: Generated<string>;
  name: string;
  kind: CampaignKind;
  commercial: boolean;
  audience: Json<CampaignAudience>;
  subject_zh: string;
  subject_en: string;
  body_zh: string;
  body_en: string;
  scheduled_at: Date | null;
  status: Generated<'draft' | 'sent'>;
  override_reason: string | null;
  /** Why the scheduler did not send it (COMMERCIAL_RATIO_EXCEEDED, MAIL_NOT_CONFIGURED…); cleared by a change. */
  send_error: string | null;
  sent_at: Date | null;
  sent_by: string | null;
  created_by: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface CampaignRecipientTable {
  org_id: string;
  campaign_id: string;
  party_id: string;
  address: string | null;
  locale: string | null;
  state: 'queued' | 'unsubscribed' | 'skipped_no_address' | 'skipped_no_consent' | 'skipped_suppressed';
  outbox_id: string | null;
  unsubscribed_at: Date | null;
  /** The first reply matched to this recipient's message (docs/care.md "Replies"). */
  replied_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: CreatedAt;
}

export interface CareMailSettingsTable {
  org_id: string;
  token_hash: string | null;
  token_created_at: Date | null;
  token_created_by: string | null;
}

export interface CareInboundMailTable {
  org_id: string;
  message_id: string;
  from_address: string;
  subject: string;
  matched_by: 'reply_header' | 'sender' | 'none';
  party_id: string | null;
  campaign_id: string | null;
  interaction_id: string | null;
  received_at: CreatedAt;
}

export interface CareReferralCodeTable {
  org_id: string;
  party_id: string;
  code: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface CareReferralTable {
  org_id: string;
  id: Generated<string>;
  referrer_id: string;
  referred_id: string;
  source: 'link' | 'manual';
  note: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface CareReferralRewardTable {
  org_id: string;
  id: Generated<string>;
  party_id: string;
  kind: string;
  amount: ColumnType<string, string, string>;
  currency: string | null;
  note: string | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface CareWinbackTaskTable {
  org_id: string;
  party_id: string;
  lost_at: Date;
  task_id: string | null;
  created_at: CreatedAt;
}

export interface CareMentionTable {
  org_id: string;
  id: Generated<string>;
  channel: string;
  author: string;
  text: string;
  url: string | null;
  posted_at: Date;
  sentiment: 'negative' | 'neutral' | 'positive';
  sentiment_source: 'source' | 'lexicon';
  score: Generated<number>;
  party_id: string | null;
  source: 'api' | 'inbound' | 'csv';
  created_by: string | null;
  created_at: CreatedAt;
}

export interface CareMentionSettingsTable {
  org_id: string;
  token_hash: string | null;
  token_created_at: Date | null;
  token_created_by: string | null;
  negative_count: Generated<number>;
  window_hours: Generated<number>;
  key_segment_id: string | null;
  assignee_id: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface CareMentionAlertTable {
  org_id: string;
  id: Generated<string>;
  kind: 'burst' | 'key_account';
  window_key: string;
  party_id: string | null;
  mention_id: string;
  negatives: number;
  task_id: string | null;
  assignee_id: string | null;
  created_at: CreatedAt;
}

export interface CarePostTable {
  org_id: string;
  id: Generated<string>;
  channel: string;
  owner_id: string;
  scheduled_at: Date;
  commercial: boolean;
  text: string;
  status: Generated<'planned' | 'published' | 'cancelled'>;
  override_reason: string | null;
  created_by: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface CareSettingsTable {
  org_id: string;
  commercial_cap: ColumnType<string, number, number>;
  updated_by: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface CareTables {
  care_settings: CareSettingsTable;
  care_rule: CareRuleTable;
  care_reminder: CareReminderTable;
  care_occasion_category: CareOccasionCategoryTable;
  care_consent_event: CareConsentEventTable;
  care_suppression: CareSuppressionTable;
  campaign: CampaignTable;
  campaign_recipient: CampaignRecipientTable;
  care_referral_code: CareReferralCodeTable;
  care_referral: CareReferralTable;
  care_referral_reward: CareReferralRewardTable;
  care_winback_task: CareWinbackTaskTable;
  care_mention: CareMentionTable;
  care_mention_settings: CareMentionSettingsTable;
  care_mention_alert: CareMentionAlertTable;
  care_post: CarePostTable;
  care_mail_settings: CareMailSettingsTable;
  care_inbound_mail: CareInboundMailTable;
}

export type CareRuleRow = Selectable<CareRuleTable>;
export type ConsentEventRow = Selectable<CareConsentEventTable>;
export type SuppressionRow = Selectable<CareSuppressionTable>;
export type CampaignRow = Selectable<CampaignTable>;
export type ReferralRewardRow = Selectable<CareReferralRewardTable>;
export type MentionRow = Selectable<CareMentionTable>;
export type MentionSettingsRow = Selectable<CareMentionSettingsTable>;
export type MentionAlertRow = Selectable<CareMentionAlertTable>;
export type PostRow = Selectable<CarePostTable>;
