import type { ColumnType, Generated } from 'kysely';
import type { ProjectKind, ProjectStatus, ResponseKind } from './constants.ts';

// Kysely table interfaces of relationship projects and quality reviews; `Database` (platform/db/types.ts) extends
// ProjectsTables.
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampOrNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Day = ColumnType<string | null, string | null | undefined, string | null>;
type Money = ColumnType<string, string | undefined, string>;
type Json<T> = ColumnType<T, string | undefined, string>;

export interface ProjectTable {
  org_id: string;
  id: Generated<string>;
  kind: ProjectKind;
  name: string;
  goal: string | null;
  targets: Json<unknown[]>;
  owner_id: string | null;
  members: ColumnType<string[], string[] | undefined, string[]>;
  segment_ids: ColumnType<string[], string[] | undefined, string[]>;
  budget: Money;
  currency: string | null;
  milestones: Json<unknown[]>;
  deadline: Day;
  idea_on: Day;
  launch_on: Day;
  first_sale_on: Day;
  /** Product projects: the organisation's product it launches. */
  product_id: ColumnType<string | null, string | null | undefined, string | null>;
  status: ColumnType<ProjectStatus, ProjectStatus | undefined, ProjectStatus>;
  started_at: TimestampOrNull;
  closed_at: TimestampOrNull;
  evaluation: ColumnType<unknown, string | null | undefined, string | null>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ProjectPartyTable {
  org_id: string;
  id: Generated<string>;
  project_id: string;
  party_id: string;
}

export interface ProjectCostTable {
  org_id: string;
  id: Generated<string>;
  project_id: string;
  amount: string;
  spent_on: string;
  note: string | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface ProjectLogTable {
  org_id: string;
  id: Generated<string>;
  project_id: string;
  text: string;
  author_id: string | null;
  at: CreatedAt;
}

export interface QualityReviewTable {
  org_id: string;
  id: Generated<string>;
  name: string;
  previous_id: string | null;
  segment_id: string | null;
  steps: Json<unknown[]>;
  indicators: Json<unknown[]>;
  goals: Json<unknown[]>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface QualityReviewCustomerTable {
  org_id: string;
  id: Generated<string>;
  review_id: string;
  party_id: string;
  interviewer_id: string | null;
}

export interface QualityReviewInterviewTable {
  org_id: string;
  id: Generated<string>;
  review_id: string;
  party_id: string;
  interviewer_id: string;
  interaction_id: string;
  occurred_at: Timestamp;
  ratings: Json<Record<string, number>>;
  trust: number;
  urgent_need: string | null;
  response_kind: ResponseKind | null;
  response_id: string | null;
  response_due: Day;
  created_at: CreatedAt;
}

export interface QualityReviewActionTable {
  org_id: string;
  id: Generated<string>;
  review_id: string;
  kind: 'improvement' | 'communication';
  title: string;
  project_id: string | null;
  pdca_id: string | null;
  goal: string | null;
  evaluation: string | null;
  audience: 'staff' | 'customers' | null;
  task_count: Generated<number>;
  created_by: string;
  created_at: CreatedAt;
}

export interface ProjectsTables {
  project: ProjectTable;
  project_party: ProjectPartyTable;
  project_cost: ProjectCostTable;
  project_log: ProjectLogTable;
  quality_review: QualityReviewTable;
  quality_review_customer: QualityReviewCustomerTable;
  quality_review_interview: QualityReviewInterviewTable;
  quality_review_action: QualityReviewActionTable;
}
