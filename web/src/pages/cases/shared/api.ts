import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Alert, AlertRule, Case, CaseEvent, CaseMetrics, Page, SlaPolicy } from '../../../api/types.ts';
import { listKey } from '../../../components/DataTable/index.ts';

export const casesEndpoint = '/api/cases';
export const alertsEndpoint = '/api/alerts';
export const caseKey = (id: string) => ['cases', id] as const;
export const caseEventsKey = (id: string) => ['cases', id, 'events'] as const;
export const metricsKey = ['case-metrics'] as const;
export const policiesKey = ['sla-policies'] as const;
export const alertRulesKey = ['alert-rules'] as const;

export function useCase(id: string) {
  return useQuery({ queryKey: caseKey(id), queryFn: ({ signal }) => api<Case>(`${casesEndpoint}/${id}`, { signal }) });
}

export function useCaseEvents(id: string) {
  return useQuery({
    queryKey: caseEventsKey(id),
    queryFn: ({ signal }) => api<{ items: CaseEvent[] }>(`${casesEndpoint}/${id}/events`, { signal }),
  });
}

export function useSlaPolicies() {
  return useQuery({
    queryKey: policiesKey,
    queryFn: ({ signal }) => api<{ items: SlaPolicy[] }>('/api/sla-policies', { signal }),
    staleTime: 60_000,
  });
}

export function useAlertRules(enabled = true) {
  return useQuery({
    queryKey: alertRulesKey,
    queryFn: ({ signal }) => api<{ items: AlertRule[] }>('/api/alert-rules', { signal }),
    enabled,
  });
}

export interface MetricsParams {
  from: string;
  to: string;
  groupBy: string;
  type?: string;
  /** Adds the series per period; `timeZone` cuts the periods (the server defaults to the org's SLA zone). */
  interval?: string;
  timeZone?: string;
}

export function useCaseMetrics(params: MetricsParams) {
  return useQuery({
    queryKey: [...metricsKey, params],
    queryFn: ({ signal }) => api<CaseMetrics>(`${casesEndpoint}/metrics`, { query: { ...params }, signal }),
  });
}

/** After a write to a case: the case, its conversation, every case list, metrics and the party timeline. */
export function invalidateCase(queryClient: QueryClient, c?: Pick<Case, 'id' | 'partyId'>): void {
  if (c) {
    void queryClient.invalidateQueries({ queryKey: caseKey(c.id) });
    if (c.partyId) {
      void queryClient.invalidateQueries({ queryKey: ['party-timeline', c.partyId] });
    }
  }
  void queryClient.invalidateQueries({ queryKey: listKey(casesEndpoint) });
  void queryClient.invalidateQueries({ queryKey: metricsKey });
  void queryClient.invalidateQueries({ queryKey: listKey(alertsEndpoint) });
}

export type AlertsPage = Page<Alert>;
