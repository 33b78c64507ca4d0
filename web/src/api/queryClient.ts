import { QueryClient, type InvalidateOptions, type InvalidateQueryFilters } from '@tanstack/react-query';
import { isApiError } from './errors.ts';

/** Retries only network failures and 5xx, never client errors (they would fail again). */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) {
    return false;
  }
  if (!isApiError(error)) {
    return false;
  }
  return error.status === 0 || error.status >= 500;
}

/**
 * A change invalidates what it touched, and the refetch must see the change. TanStack Query refetches a query that
 * already has data afresh, but a query still on its first load keeps that load, which may have been asked before the
 * change (a timeline opened and a call logged at once: the new call missing until the next visit). Such loads are
 * dropped first, so the refetch starts after the change.
 */
export class FreshQueryClient extends QueryClient {
  override invalidateQueries(filters?: InvalidateQueryFilters, options?: InvalidateOptions): Promise<void> {
    const refetchType = filters?.refetchType ?? 'active';
    if (refetchType !== 'none') {
      for (const query of this.getQueryCache().findAll(filters)) {
        const refetched = refetchType === 'all' || (refetchType === 'active') === query.isActive();
        if (refetched && query.state.data === undefined && query.state.fetchStatus === 'fetching') {
          void query.cancel({ silent: true });
        }
      }
    }
    return super.invalidateQueries(filters, options);
  }
}

export function createQueryClient(): QueryClient {
  return new FreshQueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 15_000 },
      mutations: { retry: false },
    },
  });
}
