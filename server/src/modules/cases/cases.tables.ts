import type { ColumnType, Generated, Selectable } from 'kysely';
import type {
  AlertRuleKind,
  CaseEventKind,
  CasePriority,
  CaseStatus,
  CaseType,
  RootCause,
  Remedy,
  SlaState,
} from './constants.ts';
import type { BusinessHours, SlaTargets } from './sla/sla.schema.ts';

// Kysely table interfaces of the cases module; `Database` (platform/db/types.ts) extends CasesTables.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string, string>;
type NullableTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type NumericCol = ColumnType<string | null, number | null | undefined, number | null>;

export interface SlaPolicyTable {
  org_id: string;
  id: Generated<string>;
  name: string;
  time_zone: string;
  hours: Json<BusinessHours[]>;
  holidays: string[];
  workdays: string[];
  targets: Json<SlaTargets>;
  is_default: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ServiceCaseTable {
  org_id: string;
  id: Generated<string>;
  type: CaseType;
  party_id: string | null;
  subject: string;
  description: string | null;
  channel: string;
  priority: CasePriority;
  assignee_id: string | null;
  status: Generated<CaseStatus>;
  anonymous: Generated<boolean>;
  submitter_id: string | null;
  follow_up_hash: string | null;
  sla_policy_id: string | null;
  first_response_due_at: NullableTime;
  resolve_due_at: NullableTime;
  first_responded_at: NullableTime;
  resolved_at: NullableTime;
  closed_at: NullableTime;
  first_response_minutes: number | null;
  resolution_minutes: number | null;
  sla_state: Generated<SlaState>;
  first_response_breached: Generated<boolean>;
  resolve_breached: Generated<boolean>;
  root_cause: RootCause | null;
  root_cause_detail: string | null;
  remedy: Remedy | null;
  remedy_detail: string | null;
  remedy_cost: NumericCol;
  csat_score: number | null;
  csat_comment: string | null;
  csat_at: NullableTime;
  reopen_count: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface CaseEventTable {
  org_id: string;
  id: Generated<string>;
  seq: Generated<number>;
  case_id: string;
  kind: CaseEventKind;
  from_status: CaseStatus | null;
  to_status: CaseStatus | null;
  body: string | null;
  visibility: 'public' | 'internal' | null;
  data: Json<Record<string, unknown>> | null;
  actor_id: string | null;
  at: Timestamp;
}

export interface CaseFeedbackTokenTable {
  org_id: string;
  id: Generated<string>;
  case_id: string;
  token_hash: string;
  expires_at: Date;
  used: Generated<boolean>;
  created_at: CreatedAt;
}

export interface AlertRuleTable {
  org_id: string;
  kind: AlertRuleKind;
  enabled: boolean;
  params: Json<Record<string, number>>;
  updated_at: Timestamp;
}

export interface AlertTable {
  org_id: string;
  id: Generated<string>;
  party_id: string;
  rule: AlertRuleKind;
  reason: string;
  case_id: string | null;
  task_id: string | null;
  status: Generated<'open' | 'acknowledged'>;
  stage_note: string | null;
  created_at: CreatedAt;
  acknowledged_at: NullableTime;
  acknowledged_by: string | null;
}

export interface CasesTables {
  sla_policy: SlaPolicyTable;
  service_case: ServiceCaseTable;
  case_event: CaseEventTable;
  case_feedback_token: CaseFeedbackTokenTable;
  alert_rule: AlertRuleTable;
  alert: AlertTable;
}

export type SlaPolicyRow = Selectable<SlaPolicyTable>;
export type CaseRow = Selectable<ServiceCaseTable>;
export type CaseEventRow = Selectable<CaseEventTable>;
export type AlertRow = Selectable<AlertTable>;
