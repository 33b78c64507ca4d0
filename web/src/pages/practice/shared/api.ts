import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type {
  PracticeCreateScenario,
  PracticeCreateScore,
  PracticeCreateSession,
  PracticeResults,
  PracticeScenario,
  PracticeSession,
  PracticeUpdateSession,
} from '@tandem/server/api';
import type { PracticeOrg, PracticeOrgCreated, PracticeOrgDetail } from './types.ts';

// Scenario practice's TanStack Query hooks (docs/practice.md).
export const practiceKey = ['practice'] as const;
const base = '/api/practice';
type Items<T> = { items: T[] };

export function useScenarios() {
  return useQuery({
    queryKey: [...practiceKey, 'scenarios'],
    queryFn: ({ signal }) => api<Items<PracticeScenario>>(`${base}/scenarios`, { signal }),
  });
}

export function useSaveScenario() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      body,
    }: {
      id?: string;
      body: Partial<PracticeCreateScenario> & { archived?: boolean; version?: number };
    }) =>
      id
        ? api<PracticeScenario>(`${base}/scenarios/${id}`, { method: 'PATCH', body })
        : api<PracticeScenario>(`${base}/scenarios`, { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: practiceKey }),
  });
}

export function useSessions() {
  return useQuery({
    queryKey: [...practiceKey, 'sessions'],
    queryFn: ({ signal }) => api<Items<Omit<PracticeSession, 'teams'>>>(`${base}/sessions`, { signal }),
  });
}

export function useSession(id: string) {
  return useQuery({
    queryKey: [...practiceKey, 'session', id],
    queryFn: ({ signal }) => api<PracticeSession>(`${base}/sessions/${id}`, { signal }),
  });
}

export function useResults(id: string) {
  return useQuery({
    queryKey: [...practiceKey, 'session', id, 'results'],
    queryFn: ({ signal }) => api<PracticeResults>(`${base}/sessions/${id}/results`, { signal }),
  });
}

export function useCreateSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PracticeCreateSession) => api<PracticeSession>(`${base}/sessions`, { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: practiceKey }),
  });
}

export function useUpdateSession(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PracticeUpdateSession) =>
      api<PracticeSession>(`${base}/sessions/${id}`, { method: 'PATCH', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: practiceKey }),
  });
}

export function useScore(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PracticeCreateScore) => api(`${base}/sessions/${id}/scores`, { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [...practiceKey, 'session', id] }),
  });
}

export function usePracticeOrgs() {
  return useQuery({
    queryKey: [...practiceKey, 'orgs'],
    queryFn: ({ signal }) => api<Items<PracticeOrg>>(`${base}/orgs`, { signal }),
  });
}

export function usePracticeOrg(id: string | null) {
  return useQuery({
    queryKey: [...practiceKey, 'orgs', id],
    queryFn: ({ signal }) => api<PracticeOrgDetail>(`${base}/orgs/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function usePracticeOrgAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (
      a: { kind: 'create' } | { kind: 'reset'; id: string } | { kind: 'trainee'; id: string; body: unknown },
    ): Promise<unknown> =>
      a.kind === 'create'
        ? api<PracticeOrgCreated>(`${base}/orgs`, { method: 'POST', body: { from: 'demo' } })
        : a.kind === 'reset'
          ? api<PracticeOrgDetail>(`${base}/orgs/${a.id}/reset`, { method: 'POST', body: {} })
          : api<{ email: string; password: string | null }>(`${base}/orgs/${a.id}/trainees`, {
              method: 'POST',
              body: a.body,
            }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [...practiceKey, 'orgs'] }),
  });
}
