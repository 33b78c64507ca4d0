import type { ColumnType, Generated, Selectable } from 'kysely';
import type { SegmentRule } from './rule.schema.ts';

// Kysely table interfaces of value's snapshots, segments and wallets; `Database` (platform/db/types.ts) extends
// ValueSegmentsTables.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string, string>;
/** `date` columns: the driver returns 'YYYY-MM-DD'. */
type Day = ColumnType<string, string, string>;
/** numeric columns: the driver returns strings (exact money). */
type Money = ColumnType<string, string | number, string | number>;
type MaybeMoney = ColumnType<string | null, string | number | null | undefined, string | number | null>;

export type SnapshotRunStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ValueSnapshotRunTable {
  org_id: string;
  id: Generated<string>;
  as_of: Day;
  currency: string;
  window_days: number;
  status: Generated<SnapshotRunStatus>;
  customers: number | null;
  scored: number | null;
  left_out: number | null;
  error: string | null;
  requested_by: string | null;
  created_at: CreatedAt;
  started_at: Date | null;
  finished_at: Date | null;
}

export interface ValueSnapshotTable {
  org_id: string;
  run_id: string;
  party_id: string;
  as_of: Day;
  currency: string;
  first_purchase_on: Day;
  last_purchase_on: Day;
  purchase_days: number;
  recency_days: number;
  frequency: number;
  monetary: Money;
  r: number | null;
  f: number | null;
  m: number | null;
  rfm_segment: string | null;
  value_class: string | null;
  clv: MaybeMoney;
}

export interface SegmentTable {
  org_id: string;
  id: Generated<string>;
  name: string;
  description: string | null;
  rule: Json<SegmentRule>;
  priority: Generated<number>;
  archived: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface SegmentMembershipTable {
  org_id: string;
  segment_id: string;
  party_id: string;
  entered_on: Day;
  left_on: Day | null;
}

export interface SegmentSnapshotTable {
  org_id: string;
  segment_id: string;
  month: Day;
  members: number;
  taken_at: CreatedAt;
}

export interface CustomerWalletTable {
  org_id: string;
  party_id: string;
  category: string;
  estimated_spend: Money;
  currency: string;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface ValueSegmentsTables {
  value_snapshot_run: ValueSnapshotRunTable;
  value_snapshot: ValueSnapshotTable;
  segment: SegmentTable;
  segment_membership: SegmentMembershipTable;
  segment_snapshot: SegmentSnapshotTable;
  customer_wallet: CustomerWalletTable;
}

export type SnapshotRunRow = Selectable<ValueSnapshotRunTable>;
export type SegmentRow = Selectable<SegmentTable>;
