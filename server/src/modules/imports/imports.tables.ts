import type { ColumnType, Generated, Selectable } from 'kysely';

// Kysely table interfaces of the imports module; `Database` (platform/db/types.ts) extends ImportsTables.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type JsonDefault<T> = ColumnType<T, string | undefined, string>;

export type ImportEntity = 'parties' | 'employees' | 'interactions' | 'products' | 'transactions';
export type ImportStatus = 'uploaded' | 'queued' | 'running' | 'completed' | 'failed' | 'reverted';

export interface ImportOptions {
  upsertKey?: 'externalId' | 'email' | 'phone' | undefined;
  role?: string | undefined;
  encoding?: string | undefined;
  delimiter?: string | undefined;
}

export interface ImportJobTable {
  org_id: string;
  id: Generated<string>;
  entity: ImportEntity;
  status: Generated<ImportStatus>;
  file_name: string;
  file_path: string;
  file_size: number;
  file_sha256: string;
  file_type: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  headers: ColumnType<string[], string[] | undefined, string[]>;
  options: JsonDefault<ImportOptions>;
  mapping: JsonDefault<Record<string, string | null>>;
  dry_run: Generated<boolean>;
  total: number | null;
  processed: Generated<number>;
  /** File bytes read at the checkpoint (progress of a file whose row count is not known yet). */
  bytes_done: Generated<number>;
  /** `processed` when the current run started (rows/s of a resumed run). */
  run_from: Generated<number>;
  created: Generated<number>;
  updated: Generated<number>;
  skipped: Generated<number>;
  failed: Generated<number>;
  duplicates: Generated<number>;
  message: string | null;
  /** The runner holding the job (host:pid:random) until `lease_until`; renewed with every batch. */
  runner_id: Generated<string | null>;
  lease_until: Generated<Date | null>;
  created_by: string | null;
  started_at: Date | null;
  finished_at: Date | null;
  reverted_at: Date | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ImportItemTable {
  org_id: string;
  job_id: string;
  row_no: number;
  entity: string;
  record_id: string;
  action: 'created' | 'updated';
  before: ColumnType<unknown, string | null, string | null> | null;
}

export interface ImportErrorTable {
  org_id: string;
  job_id: string;
  row_no: number;
  seq: number;
  column: string | null;
  code: string;
  message: string;
  value: string | null;
}

export interface ImportsTables {
  import_job: ImportJobTable;
  import_item: ImportItemTable;
  import_error: ImportErrorTable;
}

export type ImportJobRow = Selectable<ImportJobTable>;
export type ImportItemRow = Selectable<ImportItemTable>;
export type ImportErrorRow = Selectable<ImportErrorTable>;
