import type { ViewState } from '../../api/types.ts';
import { buildQuery, type QueryParams } from '../../api/query.ts';

export type FilterValue = ViewState['filters'][string];
export type Filters = Record<string, FilterValue>;
export type SortOrder = 'ascend' | 'descend';

/** What a user can change about a table (and save as a view). */
export interface TableState {
  filters: Filters;
  sort: string | null;
  /** Visible column keys; null means the table's defaults. */
  columns: string[] | null;
}

/** `sort=field` ascending, `sort=-field` descending, or null. */
export function sortParam(field: string, order: SortOrder | null | undefined): string | null {
  if (!order) {
    return null;
  }
  return order === 'descend' ? `-${field}` : field;
}

/** The antd sort order a column shows for the current `sort`. */
export function sortOrderOf(sort: string | null, field: string): SortOrder | null {
  if (sort === field) {
    return 'ascend';
  }
  if (sort === `-${field}`) {
    return 'descend';
  }
  return null;
}

/** Drops empty filters so they neither reach the server nor count as active. */
export function activeFilters(filters: Filters): Filters {
  const out: Filters = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
      continue;
    }
    out[key] = value;
  }
  return out;
}

/** Query params of one page request. */
export function listParams(
  state: TableState,
  cursor: string | null,
  limit: number,
  fixed: QueryParams = {},
): QueryParams {
  return { ...fixed, ...activeFilters(state.filters), sort: state.sort, limit, cursor };
}

export interface ExportFormat {
  format: 'csv' | 'xlsx';
  /** CSV only: GB18030 for older Chinese Excel; the server defaults to UTF-8 with BOM. */
  encoding?: 'utf-8' | 'gb18030';
}

/** `<endpoint>?format=csv&<filters>&sort=…&columns=a,b` for a download of everything the filters match. */
export function exportUrl(
  endpoint: string,
  { format, encoding }: ExportFormat,
  state: TableState,
  columns: string[],
  fixed: QueryParams = {},
): string {
  return (
    endpoint + buildQuery({ format, encoding, ...fixed, ...activeFilters(state.filters), sort: state.sort, columns })
  );
}

/** Visible columns: the chosen ones in definition order, else those not hidden by default. */
export function visibleColumnKeys(all: { key: string; hidden?: boolean }[], chosen: string[] | null): string[] {
  if (chosen) {
    const valid = all.filter((c) => chosen.includes(c.key)).map((c) => c.key);
    if (valid.length > 0) {
      return valid;
    }
  }
  return all.filter((c) => !c.hidden).map((c) => c.key);
}

/** Stack of cursors for Prev/Next: the last one fetches the current page; the first is always null. */
export type CursorStack = (string | null)[];
export const firstPage: CursorStack = [null];
export const nextPage = (stack: CursorStack, nextCursor: string | null): CursorStack =>
  nextCursor ? [...stack, nextCursor] : stack;
export const prevPage = (stack: CursorStack): CursorStack => (stack.length > 1 ? stack.slice(0, -1) : stack);
export const currentCursor = (stack: CursorStack): string | null => stack[stack.length - 1] ?? null;

/** Reads filter values (and sort) from a URL query so filtered table links can be shared. */
export function stateFromSearch(search: URLSearchParams, filterParams: string[], base: TableState): TableState {
  const filters: Filters = { ...base.filters };
  for (const param of filterParams) {
    const value = search.get(param);
    if (value !== null) {
      filters[param] = value;
    }
  }
  return { ...base, filters, sort: search.get('sort') ?? base.sort };
}

/** The URL query for a table state (only filters and sort; columns are a per-user preference). */
export function stateToSearch(state: TableState): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(activeFilters(state.filters))) {
    search.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  if (state.sort) {
    search.set('sort', state.sort);
  }
  return search;
}

/** The values of a multi-value filter, whether held as a list or as the URL's comma list ("new,loyal"). */
export function filterValues(value: FilterValue | undefined): string[] {
  if (Array.isArray(value)) {
    return value.filter(Boolean);
  }
  if (typeof value === 'string') {
    return value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
  }
  return [];
}

/** How a select filter's value reads: its options' labels, several joined by `separator`. */
export function filterLabel(
  value: FilterValue,
  options: readonly { value: string; label: string }[],
  separator: string,
): string {
  return filterValues(value)
    .map((v) => options.find((o) => o.value === v)?.label ?? v)
    .join(separator);
}
