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

/** Top-level keys whose values differ between an entry's before and after. */
export function changedKeys(before: unknown, after: unknown): string[] {
  const a = (typeof before === 'object' && before) || {};
  const b = (typeof after === 'object' && after) || {};
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const ignored = new Set(['updatedAt', 'version']);
  return [...keys].filter(
    (k) =>
      !ignored.has(k) &&
      JSON.stringify((a as Record<string, unknown>)[k]) !== JSON.stringify((b as Record<string, unknown>)[k]),
  );
}
