import type { ColumnType, Generated, Selectable } from 'kysely';

// Kysely table interfaces of the value module's analytics core; `Database` (platform/db/types.ts) extends
// ValueTables.
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string | null | undefined, string | null>;

export type ClvFitStatus = 'queued' | 'running' | 'done' | 'failed';
export type ClvTimeUnit = 'day' | 'week';

/** What a successful fit stores (the API's model, docs/metrics.md "CLV, probabilistic"). */
export interface StoredClvModel {
  bgnbd: { r: number; alpha: number; a: number; b: number; logLikelihood: number; customers: number };
  gammaGamma: { p: number; q: number; gamma: number; logLikelihood: number; customers: number };
  repeatBuyers: number;
  frequencySpendCorrelation: number | null;
  diagnostics: { repeatPurchases: string; actual: number; expected: number }[];
  excludedTransactions: number;
  fitMillis: number;
}

export interface ClvFitError {
  reason: string;
  message: string;
}

export interface ValueClvFitTable {
  org_id: string;
  id: Generated<string>;
  status: ClvFitStatus;
  as_of: ColumnType<string, string, string>;
  time_unit: ClvTimeUnit;
  currency: string;
  requested_by: string | null;
  requested_at: CreatedAt;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  result: Json<StoredClvModel | null>;
  error: Json<ClvFitError | null>;
}

export interface ValueTables {
  value_clv_fit: ValueClvFitTable;
}

export type ValueClvFitRow = Selectable<ValueClvFitTable>;
