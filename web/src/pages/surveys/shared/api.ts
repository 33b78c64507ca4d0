import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Survey, SurveyDrivers, SurveyResults, SurveyTextAnswers } from '../../../api/types.ts';
import { listKey } from '../../../components/DataTable/index.ts';

export const surveysEndpoint = '/api/surveys';
export const surveyKey = (id: string) => ['surveys', id] as const;
export type GroupBy = SurveyResults['groupBy'];

export function useSurvey(id: string) {
  return useQuery({
    queryKey: surveyKey(id),
    queryFn: ({ signal }) => api<Survey>(`${surveysEndpoint}/${id}`, { signal }),
  });
}

export function useSurveyResults(id: string, groupBy: GroupBy) {
  return useQuery({
    queryKey: [...surveyKey(id), 'results', groupBy],
    queryFn: ({ signal }) => api<SurveyResults>(`${surveysEndpoint}/${id}/results`, { query: { groupBy }, signal }),
  });
}

export function useSurveyDrivers(id: string, outcome: string | undefined) {
  return useQuery({
    queryKey: [...surveyKey(id), 'drivers', outcome],
    queryFn: ({ signal }) => api<SurveyDrivers>(`${surveysEndpoint}/${id}/drivers`, { query: { outcome }, signal }),
    enabled: Boolean(outcome),
  });
}

export function useSurveyTexts(id: string, groupBy: GroupBy, enabled: boolean) {
  return useQuery({
    queryKey: [...surveyKey(id), 'texts', groupBy],
    queryFn: ({ signal }) =>
      api<SurveyTextAnswers>(`${surveysEndpoint}/${id}/text-answers`, { query: { groupBy }, signal }),
    enabled,
  });
}

/** After a write: the survey, its results and every list page. */
export function invalidateSurveys(queryClient: QueryClient, id?: string): void {
  if (id) {
    void queryClient.invalidateQueries({ queryKey: surveyKey(id) });
  }
  void queryClient.invalidateQueries({ queryKey: listKey(surveysEndpoint) });
}
