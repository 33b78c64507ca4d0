import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';
import type {
  Campaign,
  CampaignAudienceCounts,
  CampaignRecipient,
  CareOccasionCategories,
  CareOccasions,
  CareRule,
  CareRulePreview,
  CareSettings,
  CareSuggestions,
  CommercialRatio,
  CreateCampaign,
  CreateCareRule,
  PartyConsent,
  PutConsent,
  Suppression,
  UpdateCampaign,
  UpdateCareRule,
} from './types.ts';

export const campaignsEndpoint = '/api/campaigns';
export const careKey = ['care'] as const;
export const campaignKey = (id: string) => [...careKey, 'campaign', id] as const;
export const suppressionsEndpoint = '/api/care/suppressions';

const get =
  <T>(path: string, query?: Record<string, string | number | undefined>) =>
  ({ signal }: { signal: AbortSignal }) =>
    api<T>(path, { query, signal });

/** After any care write: campaigns, ratios, rules, occasions (the lists are small). */
export function invalidateCare(qc: QueryClient): void {
  void qc.invalidateQueries({ queryKey: careKey });
}

export function useCampaigns() {
  return useQuery({
    queryKey: [...careKey, 'campaigns'],
    queryFn: get<Page<Campaign>>(campaignsEndpoint, { limit: 200 }),
  });
}

export function useCampaign(id: string | undefined) {
  return useQuery({
    queryKey: campaignKey(id ?? 'new'),
    queryFn: get<Campaign>(`${campaignsEndpoint}/${id ?? ''}`),
    enabled: Boolean(id),
  });
}

export function useCampaignAudience(id: string) {
  return useQuery({
    queryKey: [...campaignKey(id), 'audience'],
    queryFn: get<CampaignAudienceCounts>(`${campaignsEndpoint}/${id}/audience`),
  });
}

export function useCommercialRatio(campaignId?: string) {
  return useQuery({
    queryKey: [...careKey, 'ratio', campaignId ?? null],
    queryFn: get<CommercialRatio>(`${campaignsEndpoint}/commercial-ratio`, { campaignId }),
  });
}

export function useRecipients(id: string, state: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...campaignKey(id), 'recipients', state ?? null],
    queryFn: get<Page<CampaignRecipient>>(`${campaignsEndpoint}/${id}/recipients`, { state, limit: 500 }),
    enabled,
  });
}

export const saveCampaign = (id: string | undefined, body: CreateCampaign | UpdateCampaign) =>
  id
    ? api<Campaign>(`${campaignsEndpoint}/${id}`, { method: 'PATCH', body })
    : api<Campaign>(campaignsEndpoint, { method: 'POST', body });

export function useSendCampaign(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { override?: { reason: string } }) =>
      api<Campaign>(`${campaignsEndpoint}/${id}/send`, { method: 'POST', body }),
    onSuccess: () => invalidateCare(qc),
  });
}

export function useCareSettings(enabled = true) {
  return useQuery({ queryKey: [...careKey, 'settings'], queryFn: get<CareSettings>('/api/care/settings'), enabled });
}

export const putCareSettings = (body: { commercialCap: number; version: number }) =>
  api<CareSettings>('/api/care/settings', { method: 'PUT', body });

export function useCareRules() {
  return useQuery({ queryKey: [...careKey, 'rules'], queryFn: get<Page<CareRule>>('/api/care/rules', { limit: 200 }) });
}

export const saveCareRule = (id: string | undefined, body: CreateCareRule | UpdateCareRule) =>
  id
    ? api<CareRule>(`/api/care/rules/${id}`, { method: 'PATCH', body })
    : api<CareRule>('/api/care/rules', { method: 'POST', body });

export function useRulePreview(id: string | null, days: number) {
  return useQuery({
    queryKey: [...careKey, 'rules', id, 'preview', days],
    queryFn: get<CareRulePreview>(`/api/care/rules/${id ?? ''}/preview`, { days }),
    enabled: Boolean(id),
  });
}

export function useOccasions(year: number) {
  return useQuery({
    queryKey: [...careKey, 'occasions', year],
    queryFn: get<CareOccasions>('/api/care/occasions', { year }),
  });
}

export function useSuggestions(key: string | null, year: number) {
  return useQuery({
    queryKey: [...careKey, 'occasions', year, key, 'suggestions'],
    queryFn: get<CareSuggestions>(`/api/care/occasions/${key ?? ''}/suggestions`, { year, limit: 100 }),
    enabled: Boolean(key),
  });
}

export const putOccasionCategories = (key: string, body: { categories: string[]; version: number | null }) =>
  api<CareOccasionCategories>(`/api/care/occasions/${key}/categories`, { method: 'PUT', body });

export const consentKey = (partyId: string) => ['party-consent', partyId] as const;

export function usePartyConsent(partyId: string) {
  return useQuery({ queryKey: consentKey(partyId), queryFn: get<PartyConsent>(`/api/parties/${partyId}/consent`) });
}

export const putConsent = (partyId: string, body: PutConsent) =>
  api<PartyConsent>(`/api/parties/${partyId}/consent`, { method: 'PUT', body });

export function useDeleteSuppression() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`${suppressionsEndpoint}/${id}`, { method: 'DELETE' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['list', suppressionsEndpoint] }),
  });
}

export const addSuppression = (body: { channel: string; address: string; reason?: string | null }) =>
  api<Suppression>(suppressionsEndpoint, { method: 'POST', body });
