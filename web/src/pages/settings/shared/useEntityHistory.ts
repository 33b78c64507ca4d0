import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { AuditEntry, Page } from '../../../api/types.ts';

/** Audit entries about one record, newest first, a page at a time. */
export function useEntityHistory(entityType: string, entityId: string | undefined) {
  return useInfiniteQuery({
    queryKey: ['history', entityType, entityId],
    enabled: Boolean(entityId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<Page<AuditEntry>>('/api/audit', { query: { entityType, entityId, limit: 20, cursor: pageParam }, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}
