import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { RelationshipInput } from '../../parties/shared/relationship.ts';
import type {
  ActivityInput,
  Butterfly,
  Evaluation,
  GroupProcess,
  HrActivity,
  HrGroup,
  HrService,
  PatchProcessStep,
  ProcessStep,
  ServiceDelivery,
  ServiceInput,
} from './types.ts';

export const hrCrmBase = '/api/hr-crm';
export const hrCrmKey = ['hr-crm'] as const;
export const groupsKey = [...hrCrmKey, 'groups'] as const;
export const butterflyKey = [...hrCrmKey, 'butterfly'] as const;
export const groupKey = (key: string) => [...hrCrmKey, 'group', key] as const;
export const servicesKey = [...hrCrmKey, 'services'] as const;

type Items<T> = { items: T[] };
const get =
  <T>(path: string, query?: Record<string, string | number | undefined>) =>
  ({ signal }: { signal: AbortSignal }) =>
    api<T>(path, { query, signal });

/** After any HR-CRM write: groups, butterfly, the group's pages (process facts count activities and deliveries). */
export function invalidateHrCrm(qc: QueryClient): void {
  void qc.invalidateQueries({ queryKey: hrCrmKey });
  void qc.invalidateQueries({ queryKey: ['relationship-history'] });
}

export function useHrGroups(enabled = true) {
  return useQuery({ queryKey: groupsKey, queryFn: get<Items<HrGroup>>(`${hrCrmBase}/groups`), enabled });
}

export function useButterfly() {
  return useQuery({ queryKey: butterflyKey, queryFn: get<Butterfly>(`${hrCrmBase}/butterfly`) });
}

/** The group's display name in the UI language. */
export function useGroupName() {
  const { i18n } = useTranslation();
  return (g: Pick<HrGroup, 'name' | 'nameZh' | 'nameEn'>) =>
    (i18n.language === 'zh-CN' ? g.nameZh : g.nameEn) || g.name;
}

export const groupAssessmentPath = (key: string) => `${hrCrmBase}/groups/${key}/assessment`;

export const putGroupAssessment = (key: string, body: RelationshipInput) =>
  api<HrGroup>(groupAssessmentPath(key), { method: 'PUT', body });

export function useGroupProcess(key: string) {
  return useQuery({
    queryKey: [...groupKey(key), 'process'],
    queryFn: get<GroupProcess>(`${hrCrmBase}/groups/${key}/process`),
  });
}

export function usePatchStep(key: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ step, body }: { step: string; body: PatchProcessStep }) =>
      api<ProcessStep>(`${hrCrmBase}/groups/${key}/process/${step}`, { method: 'PATCH', body }),
    onSuccess: () => invalidateHrCrm(qc),
  });
}

export const patchStep = (key: string, step: string, body: PatchProcessStep) =>
  api<ProcessStep>(`${hrCrmBase}/groups/${key}/process/${step}`, { method: 'PATCH', body });

export function useActivities(key: string) {
  return useQuery({
    queryKey: [...groupKey(key), 'activities'],
    queryFn: get<Items<HrActivity>>(`${hrCrmBase}/groups/${key}/activities`),
  });
}

export const saveActivity = (groupKey: string, id: string | null, body: ActivityInput) =>
  id
    ? api<HrActivity>(`${hrCrmBase}/activities/${id}`, { method: 'PATCH', body })
    : api<HrActivity>(`${hrCrmBase}/groups/${groupKey}/activities`, { method: 'POST', body });

export function useMarkActivityDone() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<HrActivity>(`${hrCrmBase}/activities/${id}`, { method: 'PATCH', body: { status: 'done' } }),
    onSuccess: () => invalidateHrCrm(qc),
  });
}

export function useEvaluation(key: string, range: { from?: string; to?: string } = {}) {
  return useQuery({
    queryKey: [...groupKey(key), 'evaluation', range],
    queryFn: get<Evaluation>(`${hrCrmBase}/groups/${key}/evaluation`, range),
  });
}

export const addContribution = (key: string, body: { text: string; value?: string | null; recordedOn: string }) =>
  api(`${hrCrmBase}/groups/${key}/contributions`, { method: 'POST', body });

export function useServices() {
  return useQuery({ queryKey: servicesKey, queryFn: get<Items<HrService>>(`${hrCrmBase}/services`) });
}

export const saveService = (id: string | null, body: ServiceInput) =>
  id
    ? api<HrService>(`${hrCrmBase}/services/${id}`, { method: 'PATCH', body })
    : api<HrService>(`${hrCrmBase}/services`, { method: 'POST', body });

export function useDeleteService() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`${hrCrmBase}/services/${id}`, { method: 'DELETE' }),
    onSuccess: () => invalidateHrCrm(qc),
  });
}

export function useDeliveries(serviceId: string | null) {
  return useQuery({
    queryKey: [...servicesKey, serviceId, 'deliveries'],
    queryFn: get<Items<ServiceDelivery>>(`${hrCrmBase}/services/${serviceId ?? ''}/deliveries`),
    enabled: Boolean(serviceId),
  });
}

export const recordDelivery = (
  serviceId: string,
  body: { groupKey: string; deliveredOn: string; quantity?: number; note?: string | null },
) => api<ServiceDelivery>(`${hrCrmBase}/services/${serviceId}/deliveries`, { method: 'POST', body });
