import type { ColumnType, Generated, Selectable } from 'kysely';

// Kysely table interfaces of the people module; `Database` (platform/db/types.ts) extends PeopleTables.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string, string>;
/** numeric columns: the driver returns strings (exact money); written as a string or a number. */
type Money = ColumnType<string, string | number, string | number>;
type MoneyOrNull = ColumnType<string | null, string | number | null | undefined, string | number | null>;
type Day = ColumnType<string, string, string>;
type DayOrNull = ColumnType<string | null, string | null | undefined, string | null>;

export interface Localized {
  zh: string;
  en: string;
}
export interface Criterion {
  key: string;
  text: Localized;
  weight: number;
}
export interface Participants {
  orgUnitIds: string[];
  partyIds: string[];
}
export interface CriterionScore {
  key: string;
  score: number;
  rationale: string;
}
export interface AgreedAction {
  title: string;
  taskId: string;
}

export interface PeopleSettingsTable {
  org_id: string;
  settings: ColumnType<Record<string, unknown>, string | undefined, string>;
  attrition_weights: ColumnType<Record<string, number> | null, string | null | undefined, string | null>;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface PayBandTable {
  org_id: string;
  grade: string;
  min_pay: Money;
  mid_pay: Money;
  max_pay: Money;
  updated_at: Timestamp;
}

export interface EmployeeContractTable {
  org_id: string;
  id: Generated<string>;
  party_id: string;
  type: string;
  start_on: Day;
  end_on: DayOrNull;
  probation_end_on: DayOrNull;
  renewal_intent: string | null;
  note: string | null;
  expiry_flagged_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface EmployeePayChangeTable {
  org_id: string;
  id: Generated<string>;
  party_id: string;
  effective_on: Day;
  salary: Money;
  previous_salary: MoneyOrNull;
  kind: string;
  note: string | null;
  recorded_by: string | null;
  created_at: CreatedAt;
}

export interface EmployeeEventTable {
  org_id: string;
  id: Generated<string>;
  party_id: string;
  kind: string;
  effective_on: Day;
  from_value: string | null;
  to_value: string | null;
  note: string | null;
  recorded_by: string | null;
  created_at: CreatedAt;
}

export interface EmployeePromotionTable {
  org_id: string;
  id: Generated<string>;
  party_id: string;
  effective_on: Day;
  from_grade: string | null;
  to_grade: string | null;
  from_title: string | null;
  to_title: string | null;
  career_track: string | null;
  note: string | null;
  recorded_by: string | null;
  created_at: CreatedAt;
}

export interface EmployeeTrainingTable {
  org_id: string;
  id: Generated<string>;
  party_id: string;
  title: string;
  provider: string | null;
  started_on: DayOrNull;
  completed_on: DayOrNull;
  hours: MoneyOrNull;
  note: string | null;
  recorded_by: string | null;
  created_at: CreatedAt;
}

export interface EmployeeIncentiveTable {
  org_id: string;
  id: Generated<string>;
  party_id: string;
  type: string;
  given_on: Day;
  note: string | null;
  given_by: string | null;
  amount: MoneyOrNull;
  monthly_pay: MoneyOrNull;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface AppraisalCycleTable {
  org_id: string;
  id: Generated<string>;
  name: Json<Localized>;
  period_start: Day;
  period_end: Day;
  criteria: Json<Criterion[]>;
  bottom_band_percent: Money;
  opens_at: Timestamp;
  notice_days: number;
  participants: Json<Participants>;
  status: Generated<string>;
  published_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  opened_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  calibrating_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  closed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface AppraisalTable {
  org_id: string;
  id: Generated<string>;
  cycle_id: string;
  party_id: string;
  notified_at: Timestamp;
  scores: ColumnType<CriterionScore[] | null, string | null | undefined, string | null>;
  overall_score: MoneyOrNull;
  band: string | null;
  reviewer_id: string | null;
  reply: string | null;
  replied_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ImprovementPlanTable {
  org_id: string;
  id: Generated<string>;
  appraisal_id: string;
  party_id: string;
  training_items: Json<string[]>;
  mentor_id: string;
  starts_on: Day;
  reassess_on: Day;
  reassessed_on: DayOrNull;
  outcome: string | null;
  outcome_note: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface OneOnOneTable {
  org_id: string;
  id: Generated<string>;
  party_id: string;
  manager_id: string;
  kind: string;
  held_on: Day;
  notes: string | null;
  actions: ColumnType<AgreedAction[], string | undefined, string>;
  created_at: CreatedAt;
}

export interface PdcaCycleTable {
  org_id: string;
  id: Generated<string>;
  title: string;
  org_unit_id: string | null;
  /** The user who owned it before owners were employees (kept; new cycles name owner_party_id). */
  owner_id: ColumnType<string | null, string | null | undefined, string | null>;
  owner_party_id: ColumnType<string | null, string | null | undefined, string | null>;
  goal: string;
  measures: ColumnType<PdcaMeasure[], string | undefined, string>;
  turn: Generated<number>;
  notes: string | null;
  plan_text: string | null;
  do_text: string | null;
  check_text: string | null;
  act_text: string | null;
  starts_on: Day;
  ends_on: DayOrNull;
  status: Generated<string>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface VisionReviewTable {
  org_id: string;
  id: Generated<string>;
  org_unit_id: string | null;
  year: number;
  trigger: Generated<string>;
  held_on: Day;
  vision: string;
  changes: string | null;
  participant_ids: string[];
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface EmployeeSeparationTable {
  org_id: string;
  id: Generated<string>;
  party_id: string;
  exit_on: Day;
  exit_type: string;
  reason: string;
  note: string | null;
  recorded_by: string | null;
  created_at: CreatedAt;
}

export interface ExitInterviewTable {
  org_id: string;
  id: Generated<string>;
  party_id: string;
  held_on: Day;
  reasons: string[];
  would_rejoin: boolean | null;
  rehire_eligible: boolean | null;
  notes: string | null;
  interviewer_id: string | null;
  created_at: CreatedAt;
}

export interface PdcaMeasure {
  text: string;
  target?: string | null;
  actual?: string | null;
}

/** One notice per contract and end date: the contract-expiry job raised its task (idempotence). */
export interface ContractExpiryNoticeTable {
  org_id: string;
  contract_id: string;
  end_on: Day;
  task_id: string | null;
  created_at: CreatedAt;
}

export interface PeopleTables {
  contract_expiry_notice: ContractExpiryNoticeTable;
  people_settings: PeopleSettingsTable;
  pay_band: PayBandTable;
  employee_contract: EmployeeContractTable;
  employee_pay_change: EmployeePayChangeTable;
  employee_event: EmployeeEventTable;
  employee_promotion: EmployeePromotionTable;
  employee_training: EmployeeTrainingTable;
  employee_incentive: EmployeeIncentiveTable;
  appraisal_cycle: AppraisalCycleTable;
  appraisal: AppraisalTable;
  improvement_plan: ImprovementPlanTable;
  one_on_one: OneOnOneTable;
  pdca_cycle: PdcaCycleTable;
  vision_review: VisionReviewTable;
  employee_separation: EmployeeSeparationTable;
  exit_interview: ExitInterviewTable;
}

export type ContractRow = Selectable<EmployeeContractTable>;
export type PayChangeRow = Selectable<EmployeePayChangeTable>;
export type PromotionRow = Selectable<EmployeePromotionTable>;
export type TrainingRow = Selectable<EmployeeTrainingTable>;
export type IncentiveRow = Selectable<EmployeeIncentiveTable>;
export type CycleRow = Selectable<AppraisalCycleTable>;
export type AppraisalRow = Selectable<AppraisalTable>;
export type PlanRow = Selectable<ImprovementPlanTable>;
export type OneOnOneRow = Selectable<OneOnOneTable>;
export type PdcaRow = Selectable<PdcaCycleTable>;
export type VisionRow = Selectable<VisionReviewTable>;
export type SeparationRow = Selectable<EmployeeSeparationTable>;
export type ExitInterviewRow = Selectable<ExitInterviewTable>;
export type EmployeeEventRow = Selectable<EmployeeEventTable>;
