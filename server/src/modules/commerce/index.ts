import type { Deps } from '../../platform/deps.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import { commerceExportRoutes } from './commerce.export.ts';
import { commerceRoutes } from './commerce.routes.ts';
import { transactionTimelineSource } from './timeline.ts';

/** Products and transactions (issue 5): routes, exports, and transactions on the party timeline. */
export function commerceModule(app: TandemApp, deps: Deps) {
  commerceExportRoutes(app, deps);
  commerceRoutes(app, deps);
  deps.timeline.register(transactionTimelineSource);
  // A customer's purchases follow them when parties merge.
  deps.partyReferences.register('transaction');
}

export {
  bulkUpsertProducts,
  bulkUpsertTransactions,
  restoreProductSnapshots,
  restoreTransactionSnapshots,
  deleteTransactions,
  deleteProducts,
} from './bulk.ts';
export type {
  BulkOutcome,
  BulkProductInput,
  BulkResult,
  BulkTransactionInput,
  CommerceUpsertKey,
  ProductSnapshot,
  TransactionSnapshot,
} from './bulk.ts';
export { createProductSchema, createTransactionSchema } from './commerce.schema.ts';
