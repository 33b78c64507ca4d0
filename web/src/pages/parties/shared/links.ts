// Party links (works at, reports to, referred by, …) and the network around a party.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { PartyKind } from '../../../api/types.ts';

export interface PartyLinkType {
  key: string;
  labelZh: string;
  labelEn: string;
  inverseLabelZh: string;
  inverseLabelEn: string;
  builtIn: boolean;
}

export interface PartyLink {
  id: string;
  type: string;
  role: string | null;
  from: string | null;
  to: string | null;
  direction: 'out' | 'in';
  /** `name` and `kind` are null and `visible` false when the caller may not see the other party. */
  other: { id: string; kind: PartyKind | null; name: string | null; visible: boolean };
  createdAt: string;
}

export interface CreatePartyLink {
  toPartyId: string;
  type: string;
  role?: string | null;
  from?: string | null;
  to?: string | null;
}

export interface NetworkNode {
  id: string;
  kind: PartyKind | null;
  name: string | null;
  visible: boolean;
  depth: number;
}

export interface PartyNetwork {
  nodes: NetworkNode[];
  edges: { id: string; from: string; to: string; type: string }[];
  truncated: boolean;
}

export const linkTypesKey = ['party-link-types'] as const;
export const partyLinksKey = (id: string) => ['party-links', id] as const;
export const partyNetworkKey = (id: string) => ['party-network', id] as const;

export function useLinkTypes() {
  return useQuery({
    queryKey: linkTypesKey,
    queryFn: ({ signal }) => api<{ items: PartyLinkType[] }>('/api/party-link-types', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function usePartyLinks(partyId: string) {
  return useQuery({
    queryKey: partyLinksKey(partyId),
    queryFn: ({ signal }) => api<{ items: PartyLink[] }>(`/api/parties/${partyId}/links`, { signal }),
  });
}

export function usePartyNetwork(partyId: string, depth = 2) {
  return useQuery({
    queryKey: [...partyNetworkKey(partyId), depth],
    queryFn: ({ signal }) => api<PartyNetwork>(`/api/parties/${partyId}/network`, { query: { depth }, signal }),
  });
}

export const createPartyLink = (partyId: string, body: CreatePartyLink) =>
  api<PartyLink>(`/api/parties/${partyId}/links`, { method: 'POST', body });

/** Both ends show a link: after a write, the links and networks of every party are stale. */
export function useInvalidateLinks() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['party-links'] });
    void qc.invalidateQueries({ queryKey: ['party-network'] });
  };
}

export function useDeletePartyLink(partyId: string) {
  const invalidate = useInvalidateLinks();
  return useMutation({
    mutationFn: (linkId: string) => api<void>(`/api/parties/${partyId}/links/${linkId}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

/** "Works at" seen from the person, "Employs" seen from the company: the label of a link as seen from this end. */
export function linkLabel(
  types: readonly PartyLinkType[],
  link: Pick<PartyLink, 'type' | 'direction'>,
  language: string,
): string {
  const type = types.find((t) => t.key === link.type);
  if (!type) {
    return link.type;
  }
  const zh = language === 'zh-CN';
  if (link.direction === 'out') {
    return zh ? type.labelZh : type.labelEn;
  }
  return zh ? type.inverseLabelZh : type.inverseLabelEn;
}
