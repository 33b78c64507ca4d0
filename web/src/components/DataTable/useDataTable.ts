import { useCallback, useEffect, useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import type { QueryParams } from '../../api/query.ts';
import type { Page } from '../../api/types.ts';
import {
  currentCursor,
  firstPage,
  listParams,
  nextPage,
  prevPage,
  stateFromSearch,
  stateToSearch,
  visibleColumnKeys,
  type CursorStack,
  type FilterValue,
  type TableState,
} from './tableState.ts';
import { filterParamOf, type DataColumn } from './types.ts';

/** Query-key prefix of every page of `endpoint`: invalidate it after a write. */
export const listKey = (endpoint: string) => ['list', endpoint] as const;

export interface UseDataTableOptions<T> {
  endpoint: string;
  columns: DataColumn<T>[];
  defaultSort?: string | null;
  pageSize?: number;
  fixedParams?: QueryParams;
  /** Extra filter params that are not columns (e.g. a search box's `q`). */
  extraFilterParams?: string[];
  /** Keep filters and sort in the page URL (shareable, survives the sign-in round trip). */
  syncUrl?: boolean;
}

/** State and data of a server-paginated table: filters, sort, visible columns and a cursor stack. */
export function useDataTable<T>({
  endpoint,
  columns,
  defaultSort = null,
  pageSize = 25,
  fixedParams,
  extraFilterParams = [],
  syncUrl = false,
}: UseDataTableOptions<T>) {
  const [search, setSearch] = useSearchParams();
  const filterParams = useMemo(
    () => [...columns.filter((c) => c.filter).map(filterParamOf), ...extraFilterParams],
    [columns, extraFilterParams],
  );
  const [state, setStateRaw] = useState<TableState>(() => {
    const base: TableState = { filters: {}, sort: defaultSort, columns: null };
    return syncUrl ? stateFromSearch(search, filterParams, base) : base;
  });
  const [stack, setStack] = useState<CursorStack>(firstPage);
  const [limit, setLimitRaw] = useState(pageSize);

  const setState = useCallback((update: (old: TableState) => TableState) => {
    setStateRaw(update);
    setStack(firstPage);
  }, []);
  const setFilter = useCallback(
    (param: string, value: FilterValue) => setState((s) => ({ ...s, filters: { ...s.filters, [param]: value } })),
    [setState],
  );
  const setSort = useCallback((sort: string | null) => setState((s) => ({ ...s, sort })), [setState]);
  const setColumns = useCallback((keys: string[] | null) => setStateRaw((s) => ({ ...s, columns: keys })), []);
  const setLimit = useCallback((n: number) => {
    setLimitRaw(n);
    setStack(firstPage);
  }, []);

  useEffect(() => {
    if (!syncUrl) {
      return;
    }
    const next = stateToSearch(state);
    if (next.toString() !== search.toString()) {
      setSearch(next, { replace: true });
    }
  }, [syncUrl, state, search, setSearch]);

  const params = listParams(state, currentCursor(stack), limit, fixedParams);
  const query = useQuery({
    queryKey: [...listKey(endpoint), params],
    queryFn: ({ signal }) => api<Page<T>>(endpoint, { query: params, signal }),
    placeholderData: keepPreviousData,
  });
  const nextCursor = query.data?.nextCursor ?? null;

  return {
    state,
    setState,
    setFilter,
    setSort,
    setColumns,
    visibleKeys: visibleColumnKeys(columns, state.columns),
    limit,
    setLimit,
    page: stack.length,
    hasPrev: stack.length > 1,
    hasNext: nextCursor !== null && !query.isPlaceholderData,
    goNext: () => setStack((s) => nextPage(s, nextCursor)),
    goPrev: () => setStack(prevPage),
    query,
  };
}

export type DataTableModel<T> = ReturnType<typeof useDataTable<T>>;
