import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { OrgUnit, Page } from '../../../api/types.ts';
import { buildOrgTree, orgPath } from './orgTree.ts';

export const orgUnitsKey = ['org-units'] as const;

/** All org units (an organisation has at most a few hundred; the server caps at 1000) and their tree. */
export function useOrgUnits() {
  const { i18n } = useTranslation();
  const query = useQuery({
    queryKey: orgUnitsKey,
    queryFn: ({ signal }) => api<Page<OrgUnit>>('/api/org-units', { query: { limit: 1000 }, signal }),
    staleTime: 60_000,
  });
  const units = useMemo(() => query.data?.items ?? [], [query.data]);
  const tree = useMemo(() => buildOrgTree(units, i18n.language), [units, i18n.language]);
  return { query, units, tree, pathOf: (id: string | null | undefined) => orgPath(units, id) };
}

interface TreeSelectNode {
  value: string;
  title: string;
  children: TreeSelectNode[];
}

/** The tree in antd TreeSelect's shape. */
export function toTreeSelect(nodes: ReturnType<typeof buildOrgTree>): TreeSelectNode[] {
  return nodes.map((n) => ({ value: n.key, title: n.title, children: toTreeSelect(n.children) }));
}
