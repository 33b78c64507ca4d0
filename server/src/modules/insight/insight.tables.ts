import type { ColumnType, Generated } from 'kysely';

// Kysely table interfaces of the insight module; `Database` (platform/db/types.ts) extends InsightTables.
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface CapabilitySettingTable {
  org_id: string;
  value: Json<unknown>;
  updated_by: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface CapabilityAssessmentTable {
  org_id: string;
  id: Generated<string>;
  item: string;
  rating: number;
  evidence: string | null;
  assessor_id: string;
  assessed_at: CreatedAt;
}

export interface CapabilitySnapshotTable {
  org_id: string;
  id: Generated<string>;
  as_of: ColumnType<string, string, string>;
  tag: 'before' | 'after' | null;
  stage: string | null;
  result: Json<unknown>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface InsightTables {
  insight_capability_setting: CapabilitySettingTable;
  insight_capability_assessment: CapabilityAssessmentTable;
  insight_capability_snapshot: CapabilitySnapshotTable;
}
