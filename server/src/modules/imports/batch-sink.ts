import type { Insertable } from 'kysely';
import type { RequestContext } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { partyRefKey, type PartyRef } from '../parties/index.ts';
import type { Pending } from './imports.job.ts';
import type { Progress } from './imports.repository.ts';
import type { ImportItemTable, ImportJobRow } from './imports.tables.ts';
import type { RowIssue } from './rows.ts';

/**
 * The writing half of a batch, per entity: the rows that passed their checks go to the owning
 * module's bulk function (in the batch's transaction); what each row became is recorded as an
 * import item (for the revert) and what failed as a row issue. References (parties, products,
 * users) are resolved once per batch, never row by row.
 */
export interface BatchSink {
  job: ImportJobRow;
  ctx: RequestContext;
  progress: Progress;
  items: Insertable<ImportItemTable>[];
  report(row: number, issues: RowIssue[]): void;
}

export type Writer = (trx: Db, sink: BatchSink, batch: Pending[]) => Promise<void>;

/** The rows of a batch without issues so far. */
export const good = (batch: Pending[]) => batch.filter((p) => !p.issues.length);

/** The import item of a written row: what it became, and the snapshot from before an update. */
export const item = (
  s: BatchSink,
  row: number,
  entity: string,
  id: string,
  action: 'created' | 'updated',
  before: unknown = null,
): Insertable<ImportItemTable> => ({
  org_id: s.job.org_id,
  job_id: s.job.id,
  row_no: row,
  entity,
  record_id: id,
  action,
  before: before === null ? null : JSON.stringify(before),
});

export const upsertKeyOf = (job: ImportJobRow) =>
  job.options.upsertKey === 'externalId' ? ('externalId' as const) : undefined;

/** The one party a reference names, or the issue to report. */
export function onePartyOf(resolved: Map<string, string[]>, ref: PartyRef, column: string | null): string | RowIssue {
  const ids = resolved.get(partyRefKey(ref)) ?? [];
  if (ids.length === 1) {
    return ids[0] as string;
  }
  return {
    column,
    code: ids.length ? 'ambiguous_match' : 'unknown_reference',
    message: ids.length ? `${ids.length} parties match; use an id, email or external id` : 'No party matches',
    value: ref.value,
  };
}
