import type { ColumnType, Generated, Selectable } from 'kysely';

// Kysely table interfaces of the commerce module; `Database` (platform/db/types.ts) extends CommerceTables.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** numeric columns: the driver returns strings (exact money); written as a string or a number. */
type Money = ColumnType<string, string | number, string | number>;

export interface ProductTable {
  org_id: string;
  id: Generated<string>;
  name: string;
  sku: string | null;
  external_id: string | null;
  category: string | null;
  price: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  currency: string;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface TransactionTable {
  org_id: string;
  id: Generated<string>;
  party_id: string;
  occurred_at: Timestamp;
  amount: Money;
  currency: string;
  channel: string | null;
  external_id: string | null;
  note: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface TransactionLineTable {
  org_id: string;
  transaction_id: string;
  line_no: number;
  product_id: string;
  quantity: Money;
  unit_price: Money;
  amount: Money;
}

export interface CommerceTables {
  product: ProductTable;
  transaction: TransactionTable;
  transaction_line: TransactionLineTable;
}

export type ProductRow = Selectable<ProductTable>;
export type TransactionRow = Selectable<TransactionTable>;
export type TransactionLineRow = Selectable<TransactionLineTable>;
