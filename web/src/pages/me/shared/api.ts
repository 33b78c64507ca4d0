import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { MyGrievance, MySurvey, MySurveyLink, OwnSession } from '../../../api/types.ts';

export const mySurveysKey = ['me', 'surveys'] as const;
export const sessionsKey = ['me', 'sessions'] as const;
export const myGrievancesKey = ['me', 'grievances'] as const;

/** Open surveys the signed-in user is invited to (through the party their account is linked to). */
export function useMySurveys() {
  return useQuery({
    queryKey: mySurveysKey,
    queryFn: ({ signal }) => api<{ items: MySurvey[] }>('/api/me/surveys', { signal }),
    // Coming back from the answer page shows "answered" without a reload.
    refetchOnMount: 'always',
  });
}

/** A fresh answer link shown only to the user (their previous link stops working). */
export function useMySurveyLink() {
  return useMutation({
    mutationFn: (id: string) => api<MySurveyLink>(`/api/me/surveys/${id}/link`, { method: 'POST' }),
  });
}

/** The app path of an answer link (`/s/<token>`), whatever host the server put in front of it. */
export function answerPath(link: Pick<MySurveyLink, 'url' | 'token'>): string {
  try {
    const path = new URL(link.url, 'http://localhost').pathname;
    return path.startsWith('/s/') ? path : `/s/${encodeURIComponent(link.token)}`;
  } catch {
    return `/s/${encodeURIComponent(link.token)}`;
  }
}

/** The user's signed-in sessions, this one first. */
export function useSessions() {
  return useQuery({
    queryKey: sessionsKey,
    queryFn: ({ signal }) => api<{ items: OwnSession[] }>('/api/auth/sessions', { signal }),
    select: (data) => [...data.items].sort((a, b) => Number(b.current) - Number(a.current)),
  });
}

/** Signs one other session out, or every other one. */
export function useEndSessions() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: sessionsKey });
  const one = useMutation({
    mutationFn: (id: string) => api<void>(`/api/auth/sessions/${id}`, { method: 'DELETE' }),
    onSettled: refresh,
  });
  const others = useMutation({
    mutationFn: () => api<void>('/api/auth/sessions/sign-out-others', { method: 'POST' }),
    onSettled: refresh,
  });
  return { one, others };
}

/** The grievances the user filed by name (anonymous ones are followed up with their code). */
export function useMyGrievances() {
  return useQuery({
    queryKey: myGrievancesKey,
    queryFn: ({ signal }) => api<{ items: MyGrievance[] }>('/api/me/grievances', { signal }),
    refetchOnMount: 'always',
  });
}
