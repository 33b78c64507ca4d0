// Party links (works at, reports to, referred by, …) and the network around a party.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { ApiError, isApiError } from '../../../api/errors.ts';
import type { CreatePartyLink, PartyLink, PartyLinkType, PartyNetwork } from '@tandem/server/api';

export type { CreatePartyLink, PartyLink, PartyLinkType, PartyNetwork } from '@tandem/server/api';
export type NetworkNode = PartyNetwork['nodes'][number];

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

/** Creates a link; a duplicate active link (409 with details.code LINK_EXISTS) is reported under its own code. */
export const createPartyLink = (partyId: string, body: CreatePartyLink) =>
  api<PartyLink>(`/api/parties/${partyId}/links`, { method: 'POST', body }).catch((error: unknown) => {
    const details = isApiError(error) ? (error.details as { code?: unknown } | null | undefined) : undefined;
    if (isApiError(error) && details?.code === 'LINK_EXISTS') {
      throw new ApiError(error.status, 'LINK_EXISTS', error.message, error.details);
    }
    throw error;
  });

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
