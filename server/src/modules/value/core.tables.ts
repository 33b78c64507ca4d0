import type { ColumnType, Generated } from 'kysely';

// Kysely table interfaces of the value analytics core; `Database` (platform/db/types.ts) extends ValueCoreTables.
export interface ValueSettingTable {
  org_id: string;
  key: 'rfm_rules' | 'classes';
  /** jsonb: read as the parsed value, written as a JSON string. */
  value: ColumnType<unknown, string, string>;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  version: Generated<number>;
}

export interface ValueCoreTables {
  value_setting: ValueSettingTable;
}
