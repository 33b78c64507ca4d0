// The commerce module's only door: what other modules, the CLI and the demo may use. Besides these exports, the
// `product`, `transaction` and `transaction_line` tables are a published contract for analytics: value's, insight's and
// projects' repositories read them (never write) to compute RFM, CLV, concentration, cohorts, key-person risk, the
// chain and project targets in SQL.
import type { Db } from '../../platform/db/database.ts';
import type { Deps } from '../../platform/deps.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import { afterCommerceBatch as analyseCommerce, resolveProductRefs as productRefs } from './bulk/lookup.repository.ts';
import type { ProductRef } from './bulk/bulk-types.ts';
import { commerceExportRoutes } from './commerce.export.ts';
import { commerceRoutes } from './commerce.routes.ts';
import { transactionTimelineSource } from './timeline.ts';

/** Products and transactions: routes, exports, and transactions on the party timeline. */
export function commerceModule(app: TandemApp, deps: Deps) {
  commerceExportRoutes(app, deps);
  commerceRoutes(app, deps);
  deps.timeline.register(transactionTimelineSource);
  // A customer's purchases follow them when parties merge.
  deps.partyReferences.register('transaction');
}

// Services.
export { commerceService } from './commerce.service.ts';

// Lookups and upkeep for imports (their SQL stays here).
/** Products named by import rows: `productRefKey(ref)` → the ids it matches (none, one, or several: ambiguous). */
export const resolveProductRefs = (db: Db, orgId: string, refs: ProductRef[]): Promise<Map<string, string[]>> =>
  productRefs(db, orgId, refs);
/** Upkeep between import batches: planner statistics of the commerce tables after batches 1, 2, 4, 8… */
export const afterCommerceBatch = (db: Db, batchNumber: number): Promise<void> => analyseCommerce(db, batchNumber);

// The bulk paths imports, the demo loader and the benchmark share.
export { bulkUpsertProducts } from './bulk/products.ts';
export { bulkUpsertTransactions } from './bulk/transactions.ts';
export {
  restoreProductSnapshots,
  restoreTransactionSnapshots,
  deleteTransactions,
  deleteProducts,
} from './bulk/restore.ts';
export { productRefKey } from './bulk/bulk-types.ts';
export type {
  BulkOutcome,
  BulkProductInput,
  BulkResult,
  BulkTransactionInput,
  CommerceUpsertKey,
  ProductRef,
  ProductSnapshot,
  TransactionSnapshot,
} from './bulk/bulk-types.ts';

// Schemas the CLI, the demo and imports reuse.
export { createProductSchema, createTransactionSchema, currencySchema } from './commerce.schema.ts';

// Expected outcomes of the access rules (the access matrix test checks them through the API).
export { commerceAccessMatrix } from './commerce.access-matrix.ts';
/** The exports' columns: the machine format (`raw=true`) and the readable one (docs/domain.md "Exports"). */
export { productColumns, transactionColumns } from './export-columns.ts';
export { productsSearchProvider } from './commerce.repository.ts';
