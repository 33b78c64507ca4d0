import { useCallback, useMemo } from 'react';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { Page, Party, StakeholderGroup } from '../../../api/types.ts';
import { listKey } from '../../../components/DataTable/index.ts';

export const partiesEndpoint = '/api/parties';
export const partyKey = (id: string) => ['parties', id] as const;
export const boardKey = ['party-board'] as const;
export const relationshipMapKey = ['relationship-map'] as const;
export const tasksKey = ['tasks'] as const;

export function useParty(id: string) {
  return useQuery({
    queryKey: partyKey(id),
    queryFn: ({ signal }) => api<Party>(`${partiesEndpoint}/${id}`, { signal }),
  });
}

/** Everything that shows a party (or its activity) after a write: the record, lists, board, timeline, tasks, map. */
export function invalidateParties(queryClient: QueryClient, id?: string): void {
  if (id) {
    void queryClient.invalidateQueries({ queryKey: partyKey(id) });
    void queryClient.invalidateQueries({ queryKey: ['party-timeline', id] });
    void queryClient.invalidateQueries({ queryKey: ['party-duplicates', id] });
  }
  void queryClient.invalidateQueries({ queryKey: listKey(partiesEndpoint) });
  void queryClient.invalidateQueries({ queryKey: boardKey });
  void queryClient.invalidateQueries({ queryKey: relationshipMapKey });
  void queryClient.invalidateQueries({ queryKey: tasksKey });
}

/** Stakeholder groups of the organisation (a handful; the defaults are eight) with names in the UI language. */
export function useStakeholderGroups() {
  const { i18n } = useTranslation();
  const query = useQuery({
    queryKey: ['stakeholder-groups'],
    queryFn: ({ signal }) => api<Page<StakeholderGroup>>('/api/stakeholder-groups', { query: { limit: 200 }, signal }),
    staleTime: 5 * 60_000,
  });
  const groups = useMemo(() => query.data?.items ?? [], [query.data]);
  const zh = i18n.language === 'zh-CN';
  const nameOf = useCallback(
    (key: string | null | undefined) => {
      if (!key) {
        return '';
      }
      const g = groups.find((x) => x.key === key);
      return g ? (zh ? g.nameZh : g.nameEn) : key;
    },
    [groups, zh],
  );
  const options = useMemo(
    () => groups.filter((g) => g.active).map((g) => ({ value: g.key, label: zh ? g.nameZh : g.nameEn })),
    [groups, zh],
  );
  return { query, groups, nameOf, options };
}
