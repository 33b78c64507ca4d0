import type { ColumnType, Generated } from 'kysely';
import type { KotlerLevel, Quadrant } from '../parties/index.ts';
import type { HrActivityStatus, FourR, HrMeasureKind, HrProcessStepName, HrProcessStepState } from './constants.ts';

// Kysely table interfaces of the HR-department CRM; `Database` (platform/db/types.ts) extends HrcrmTables.
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Day = ColumnType<string | null, string | null | undefined, string | null>;

/** Append-only: the newest row of a group is the HR department's current assessment. */
export interface HrGroupAssessmentTable {
  org_id: string;
  id: Generated<string>;
  group_key: string;
  initiative_score: number | null;
  participation_score: number | null;
  target_quadrant: Quadrant | null;
  target_quadrant_by: Day;
  level: KotlerLevel | null;
  target_level: KotlerLevel | null;
  target_level_by: Day;
  reason: string;
  actor_id: string | null;
  at: CreatedAt;
}

export interface HrProcessStepTable {
  org_id: string;
  group_key: string;
  step: HrProcessStepName;
  state: ColumnType<HrProcessStepState, HrProcessStepState | undefined, HrProcessStepState>;
  owner_user_id: string | null;
  due_on: Day;
  evidence: string | null;
  updated_at: Timestamp;
}

export interface HrActivityTable {
  org_id: string;
  id: Generated<string>;
  group_key: string;
  r: FourR;
  title: string;
  objective: string | null;
  budget: string | null;
  planned_on: Day;
  status: ColumnType<HrActivityStatus, HrActivityStatus | undefined, HrActivityStatus>;
  outcome: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface HrServiceTable {
  org_id: string;
  id: Generated<string>;
  name_zh: string;
  name_en: string;
  description: string | null;
  owner_user_id: string | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  deleted_at: Date | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface HrServiceGroupTable {
  org_id: string;
  service_id: string;
  group_key: string;
  expected_value: string | null;
  measure_kind: HrMeasureKind;
  measure_ref: string | null;
}

export interface HrServiceDeliveryTable {
  org_id: string;
  id: Generated<string>;
  service_id: string;
  group_key: string;
  delivered_on: string;
  quantity: number;
  note: string | null;
  recorded_by: string | null;
  created_at: CreatedAt;
}

export interface HrContributionTable {
  org_id: string;
  id: Generated<string>;
  group_key: string;
  recorded_on: string;
  text: string;
  value: string | null;
  recorded_by: string | null;
  created_at: CreatedAt;
}

export interface HrcrmTables {
  hr_group_assessment: HrGroupAssessmentTable;
  hr_process_step: HrProcessStepTable;
  hr_activity: HrActivityTable;
  hr_service: HrServiceTable;
  hr_service_group: HrServiceGroupTable;
  hr_service_delivery: HrServiceDeliveryTable;
  hr_contribution: HrContributionTable;
}
