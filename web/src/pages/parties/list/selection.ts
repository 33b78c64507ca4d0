import type { QueryParams } from '../../../api/query.ts';

/** The export of a selection: just these ids (the server takes at most the bulk limit), readable by default. */
export function selectionExportQuery(ids: readonly string[], format: QueryParams): QueryParams {
  return { ...format, ids: [...ids] };
}
