import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Locale, Role } from '../identity/constants-types.ts';
import type { PartiesTables } from '../../modules/parties/parties.tables.ts';
import type { SurveysTables } from '../../modules/surveys/surveys.tables.ts';
import type { CasesTables } from '../../modules/cases/cases.tables.ts';
import type { ImportsTables } from '../../modules/imports/imports.tables.ts';
import type { CommerceTables } from '../../modules/commerce/commerce.tables.ts';
import type { ValueTables } from '../../modules/value/value.tables.ts';
import type { ValueCoreTables } from '../../modules/value/core.tables.ts';
import type { ValueSegmentsTables } from '../../modules/value/segments/value-segments.tables.ts';
import type { PeopleTables } from '../../modules/people/people.tables.ts';
import type { InsightTables } from '../../modules/insight/insight.tables.ts';
import type { CareTables } from '../../modules/care/care.tables.ts';
import type { LinksTables } from '../../modules/parties/links/links.tables.ts';
import type { HrcrmTables } from '../../modules/hrcrm/hrcrm.tables.ts';
import type { PracticeTables } from '../../modules/practice/practice.tables.ts';
import type { ProjectsTables } from '../../modules/projects/projects.tables.ts';
import type { WebhookTables } from '../webhooks/webhooks.tables.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string, string>;

export interface OrganizationTable {
  org_id: Generated<string>;
  slug: string;
  name: string;
  default_locale: Locale;
  settings: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: CreatedAt;
  version: Generated<number>;
}

export interface OrgUnitTable {
  org_id: string;
  id: Generated<string>;
  name: string;
  parent_id: string | null;
  manager_user_id: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface AppUserTable {
  org_id: string;
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string | null;
  roles: ColumnType<Role[], Role[], Role[]>;
  org_unit_id: string | null;
  party_id: string | null;
  locale: Locale | null;
  active: Generated<boolean>;
  last_login_at: Date | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

/** Failed sign-ins per key (an HMAC of an email or a client address) in the current window; shared by all servers. */
export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_ends_at: Date;
}

export interface SessionTable {
  org_id: string;
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Date;
  /** Set after a successful write request when a replica is configured (read your writes, migration 0029). */
  last_write_at: Date | null;
}

export interface ApiTokenTable {
  org_id: string;
  id: Generated<string>;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: CreatedAt;
  last_used_at: Date | null;
  revoked_at: Date | null;
  /** As session.last_write_at. */
  last_write_at: Date | null;
}

export interface AuditDailyCountTable {
  org_id: string;
  day: ColumnType<string, string, string>;
  action: string;
  count: number;
}

export interface AuditLogTable {
  org_id: string;
  id: Generated<number>;
  actor_id: string | null;
  actor_type: 'user' | 'token' | 'system' | 'anonymous';
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  at: CreatedAt;
  request_id: string | null;
  ip: string | null;
}

export interface SavedViewTable {
  org_id: string;
  id: Generated<string>;
  user_id: string;
  table_key: string;
  name: string;
  state: Json<unknown>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface MailOutboxTable {
  org_id: string;
  id: Generated<string>;
  to_address: string;
  subject: string;
  body_text: string | null;
  body_html: string | null;
  purpose: string;
  headers: Json<Record<string, string>> | null;
  status: Generated<'queued' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  last_error: string | null;
  next_attempt_at: Generated<Date>;
  created_at: CreatedAt;
  sent_at: Date | null;
}

export interface NotificationTable {
  org_id: string;
  id: Generated<string>;
  user_id: string;
  kind: string;
  record_type: string;
  record_id: string;
  params: Json<Record<string, string | number | null>>;
  dedupe_key: string;
  created_at: CreatedAt;
  read_at: Date | null;
}

export interface NotificationSettingTable {
  org_id: string;
  user_id: string;
  email_digest: boolean;
  digest_sent_on: ColumnType<string | null, string | null | undefined, string | null>;
  digest_sent_at: Date | null;
  updated_at: Timestamp;
}

export interface Database
  extends
    PartiesTables,
    SurveysTables,
    ImportsTables,
    CommerceTables,
    CasesTables,
    ValueTables,
    ValueCoreTables,
    ValueSegmentsTables,
    PeopleTables,
    InsightTables,
    CareTables,
    LinksTables,
    HrcrmTables,
    PracticeTables,
    ProjectsTables,
    WebhookTables {
  organization: OrganizationTable;
  org_unit: OrgUnitTable;
  app_user: AppUserTable;
  session: SessionTable;
  login_throttle: LoginThrottleTable;
  api_token: ApiTokenTable;
  audit_log: AuditLogTable;
  audit_daily_count: AuditDailyCountTable;
  saved_view: SavedViewTable;
  mail_outbox: MailOutboxTable;
  notification: NotificationTable;
  notification_setting: NotificationSettingTable;
}

export type UserRow = Selectable<AppUserTable>;
export type NewUserRow = Insertable<AppUserTable>;
export type UserUpdate = Updateable<AppUserTable>;
export type OrgUnitRow = Selectable<OrgUnitTable>;
export type OrganizationRow = Selectable<OrganizationTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type SavedViewRow = Selectable<SavedViewTable>;
