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
  created_at: CreatedAt;
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
}

export type CareRuleRow = Selectable<CareRuleTable>;
export type ConsentEventRow = Selectable<CareConsentEventTable>;
export type SuppressionRow = Selectable<CareSuppressionTable>;
export type CampaignRow = Selectable<CampaignTable>;
