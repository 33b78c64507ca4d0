import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type {
  Capability,
  CapabilityAssessment,
  CapabilityAssessmentsBody,
  CapabilitySettings,
  CapabilitySettingsBody,
  CapabilitySnapshot,
  CapabilitySnapshotBody,
  Chain,
  Home,
  KeyPerson,
  KeyPersonSimulation,
} from './types.ts';

export const insightKey = ['insight'] as const;
export const homeKey = ['home'] as const;

const get =
  <T>(path: string, query?: Record<string, string | number | undefined>) =>
  ({ signal }: { signal: AbortSignal }) =>
    api<T>(path, { query, signal });

export function useHome() {
  return useQuery({ queryKey: homeKey, queryFn: get<Home>('/api/home') });
}

export function useKeyPersonRisk() {
  return useQuery({ queryKey: [...insightKey, 'key-person'], queryFn: get<KeyPerson>('/api/insight/key-person-risk') });
}

/** What if these owners left (a POST that reads: the list of ids can be long). */
export function useSimulation(userIds: string[]) {
  return useQuery({
    queryKey: [...insightKey, 'simulate', userIds],
    queryFn: ({ signal }) =>
      api<KeyPersonSimulation>('/api/insight/key-person-risk/simulate', { method: 'POST', body: { userIds }, signal }),
  });
}

export interface BackupAssignment {
  partyId: string;
  backupOwnerId: string | null;
}

/** Bulk backup owners; the risk table and the home cards are refetched after it. */
export function useAssignBackups() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (assignments: BackupAssignment[]) =>
      api<{ changed: number; unchanged: number }>('/api/insight/key-person-risk/backups', {
        method: 'POST',
        body: { assignments },
      }),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: insightKey }),
        client.invalidateQueries({ queryKey: homeKey }),
        client.invalidateQueries({ queryKey: ['parties'] }),
      ]);
    },
  });
}

export interface ChainParams {
  level: string;
  employeeMetric: string;
  customerMetric: string;
  lagMonths: number;
  from?: string;
  to?: string;
}

export function useChain(params: ChainParams) {
  return useQuery({
    queryKey: [...insightKey, 'chain', params],
    queryFn: get<Chain>('/api/insight/chain', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useCapability() {
  return useQuery({ queryKey: [...insightKey, 'capability'], queryFn: get<Capability>('/api/insight/capability') });
}

export function useCapabilitySettings() {
  return useQuery({
    queryKey: [...insightKey, 'capability-settings'],
    queryFn: get<CapabilitySettings>('/api/insight/capability/settings'),
  });
}

const refreshCapability = (client: ReturnType<typeof useQueryClient>) =>
  Promise.all([
    client.invalidateQueries({ queryKey: [...insightKey, 'capability'] }),
    client.invalidateQueries({ queryKey: [...insightKey, 'capability-settings'] }),
    client.invalidateQueries({ queryKey: [...insightKey, 'capability-assessments'] }),
    client.invalidateQueries({ queryKey: [...insightKey, 'capability-snapshots'] }),
    client.invalidateQueries({ queryKey: homeKey }),
  ]);

export function usePutCapabilitySettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CapabilitySettingsBody) =>
      api<CapabilitySettings>('/api/insight/capability/settings', { method: 'PUT', body }),
    onSuccess: () => refreshCapability(client),
  });
}

export function useAssessments() {
  return useQuery({
    queryKey: [...insightKey, 'capability-assessments'],
    queryFn: get<{ items: CapabilityAssessment[] }>('/api/insight/capability/assessments'),
  });
}

export function useAssess() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CapabilityAssessmentsBody) =>
      api<{ items: CapabilityAssessment[] }>('/api/insight/capability/assessments', { method: 'POST', body }),
    onSuccess: () => refreshCapability(client),
  });
}

export function useSnapshots() {
  return useQuery({
    queryKey: [...insightKey, 'capability-snapshots'],
    queryFn: get<{ items: CapabilitySnapshot[] }>('/api/insight/capability/snapshots'),
  });
}

export function useTakeSnapshot() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CapabilitySnapshotBody) =>
      api<CapabilitySnapshot>('/api/insight/capability/snapshots', { method: 'POST', body }),
    onSuccess: () => refreshCapability(client),
  });
}
