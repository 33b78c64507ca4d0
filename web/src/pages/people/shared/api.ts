import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type {
  Appraisal,
  AppraisalCycle,
  AttritionWeights,
  CreateExitInterview,
  CreateIncentive,
  CreateOneOnOne,
  CreateSeparation,
  EmployeeFile,
  ExitInterview,
  ExitReasons,
  ImprovementPlan,
  Incentive,
  OneOnOne,
  PatchAppraisal,
  PatchEmployee,
  PayBand,
  PeopleSettings,
  PeopleWarning,
  PlanInput,
  Separation,
  Turnover,
  AttritionRiskPage,
  Backtest,
  ContractRenewals,
  PdcaCycle,
  VisionReview,
} from './types.ts';

export const peopleKey = ['people'] as const;
export const employeeKey = (id: string) => [...peopleKey, 'employee', id] as const;
export const cyclesKey = [...peopleKey, 'cycles'] as const;
export const appraisalsKey = [...peopleKey, 'appraisals'] as const;
export const oneOnOnesKey = [...peopleKey, 'one-on-ones'] as const;

type Items<T> = { items: T[] };
const get =
  <T>(path: string, query?: Record<string, string | number | undefined>) =>
  ({ signal }: { signal: AbortSignal }) =>
    api<T>(path, { query, signal });

/** After a write about an employee: their file, appraisals, 1:1s, incentives and the party pages. */
export function invalidateEmployee(qc: QueryClient, id: string) {
  void qc.invalidateQueries({ queryKey: employeeKey(id) });
  void qc.invalidateQueries({ queryKey: appraisalsKey });
  void qc.invalidateQueries({ queryKey: ['parties', id] });
  void qc.invalidateQueries({ queryKey: ['party-timeline', id] });
}

export function useEmployeeFile(id: string) {
  return useQuery({ queryKey: employeeKey(id), queryFn: get<EmployeeFile>(`/api/employees/${id}`) });
}

export function usePatchEmployee(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PatchEmployee) => api<EmployeeFile>(`/api/employees/${id}`, { method: 'PATCH', body }),
    onSuccess: (file) => {
      qc.setQueryData(employeeKey(id), file);
      invalidateEmployee(qc, id);
    },
  });
}

export const patchEmployee = (id: string, body: PatchEmployee) =>
  api<EmployeeFile>(`/api/employees/${id}`, { method: 'PATCH', body });

export const patchContract = (
  id: string,
  contractId: string,
  body: { renewalIntent?: string | null; endOn?: string | null; note?: string | null; version: number },
) => api(`/api/employees/${id}/contracts/${contractId}`, { method: 'PATCH', body });

export function useIncentives(id: string) {
  return useQuery({
    queryKey: [...employeeKey(id), 'incentives'],
    queryFn: get<Items<Incentive>>(`/api/employees/${id}/incentives`),
  });
}

export const createIncentive = (id: string, body: CreateIncentive) =>
  api<Incentive & { warnings: PeopleWarning[] }>(`/api/employees/${id}/incentives`, { method: 'POST', body });

export function useOneOnOnes(partyId?: string) {
  const query = { partyId };
  return useQuery({
    queryKey: [...oneOnOnesKey, query],
    queryFn: get<Items<OneOnOne>>('/api/one-on-ones', query),
  });
}

export const createOneOnOne = (body: CreateOneOnOne) => api<OneOnOne>('/api/one-on-ones', { method: 'POST', body });

export const createSeparation = (id: string, body: CreateSeparation) =>
  api<Separation>(`/api/employees/${id}/separation`, { method: 'POST', body });

export const createExitInterview = (id: string, body: CreateExitInterview) =>
  api<ExitInterview>(`/api/employees/${id}/exit-interview`, { method: 'POST', body });

// Appraisal cycles and appraisals.

export function useCycles() {
  return useQuery({ queryKey: cyclesKey, queryFn: get<Items<AppraisalCycle>>('/api/appraisal-cycles') });
}

export function useCycle(id: string) {
  return useQuery({ queryKey: [...cyclesKey, id], queryFn: get<AppraisalCycle>(`/api/appraisal-cycles/${id}`) });
}

export const createCycle = (body: unknown) => api<AppraisalCycle>('/api/appraisal-cycles', { method: 'POST', body });

export function useMoveCycle(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { status: AppraisalCycle['status']; version: number }) =>
      api<AppraisalCycle>(`/api/appraisal-cycles/${id}`, { method: 'PATCH', body }),
    onSuccess: (cycle) => {
      qc.setQueryData([...cyclesKey, id], cycle);
      void qc.invalidateQueries({ queryKey: cyclesKey });
      void qc.invalidateQueries({ queryKey: appraisalsKey });
    },
  });
}

/** Appraisals the reader may see: of a cycle, or (with `partyId`) an employee's, filtered here. */
export function useAppraisals(query: { cycleId?: string }) {
  return useQuery({
    queryKey: [...appraisalsKey, query],
    queryFn: get<Items<Appraisal>>('/api/appraisals', query),
  });
}

export function useMyAppraisals() {
  return useQuery({ queryKey: [...appraisalsKey, 'me'], queryFn: get<Items<Appraisal>>('/api/me/appraisals') });
}

export function usePatchAppraisal(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PatchAppraisal) => api<Appraisal>(`/api/appraisals/${id}`, { method: 'PATCH', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: appraisalsKey }),
  });
}

export const patchAppraisal = (id: string, body: PatchAppraisal) =>
  api<Appraisal>(`/api/appraisals/${id}`, { method: 'PATCH', body });

export const createPlan = (appraisalId: string, body: PlanInput) =>
  api<ImprovementPlan>(`/api/appraisals/${appraisalId}/improvement-plan`, { method: 'POST', body });

export const patchPlan = (
  id: string,
  body: { reassessedOn: string; outcome: 'met' | 'below'; outcomeNote?: string | null; version: number },
) => api<ImprovementPlan>(`/api/improvement-plans/${id}`, { method: 'PATCH', body });

// Analytics and settings.

export function useTurnover(query: { from?: string; to?: string; groupBy: 'month' | 'orgUnit' }) {
  return useQuery({
    queryKey: [...peopleKey, 'turnover', query],
    queryFn: get<Turnover>('/api/people/turnover', query),
    placeholderData: keepPreviousData,
  });
}

export function useExitReasons(query: { from?: string; to?: string }, enabled = true) {
  return useQuery({
    queryKey: [...peopleKey, 'exit-reasons', query],
    queryFn: get<ExitReasons>('/api/people/exit-reasons', query),
    enabled,
  });
}

export function usePeopleSettings(enabled = true) {
  return useQuery({
    queryKey: [...peopleKey, 'settings'],
    queryFn: get<PeopleSettings>('/api/people/settings'),
    enabled,
    staleTime: 60_000,
  });
}

export const putPeopleSettings = (body: Partial<PeopleSettings> & { version: number }) =>
  api<PeopleSettings>('/api/people/settings', { method: 'PUT', body });

export function useAttritionWeights() {
  return useQuery({
    queryKey: [...peopleKey, 'attrition-weights'],
    queryFn: get<AttritionWeights>('/api/people/attrition-weights'),
  });
}

export const putAttritionWeights = (body: { weights: Record<string, number>; version: number }) =>
  api<AttritionWeights>('/api/people/attrition-weights', { method: 'PUT', body });

export function usePayBands(enabled = true) {
  return useQuery({ queryKey: [...peopleKey, 'pay-bands'], queryFn: get<Items<PayBand>>('/api/pay-bands'), enabled });
}

export const putPayBands = (bands: { grade: string; min: string; mid: string; max: string }[]) =>
  api<Items<PayBand>>('/api/pay-bands', { method: 'PUT', body: { bands } });

// Attrition risk, contract renewals, PDCA cycles and vision reviews.

export function useAttritionRisk(query: { orgUnitId?: string; band?: string; cursor?: string; limit?: number }) {
  return useQuery({
    queryKey: [...peopleKey, 'attrition-risk', query],
    queryFn: get<AttritionRiskPage>('/api/people/attrition-risk', query),
    placeholderData: keepPreviousData,
  });
}

export function useBacktest(asOf?: string) {
  const query = { asOf };
  return useQuery({
    queryKey: [...peopleKey, 'attrition-backtest', query],
    queryFn: get<Backtest>('/api/people/attrition-risk/backtest', query),
  });
}

/** Contract renewal intent per unit over the next `withinDays` (default: the org's contract window). */
export function useContractRenewals(withinDays?: number) {
  const query = { withinDays };
  return useQuery({
    queryKey: [...peopleKey, 'contract-renewals', query],
    queryFn: get<ContractRenewals>('/api/people/contract-renewals', query),
  });
}

export const pdcaKey = [...peopleKey, 'pdca'] as const;
export const visionKey = [...peopleKey, 'vision'] as const;

export function usePdcaCycles() {
  return useQuery({ queryKey: pdcaKey, queryFn: get<Items<PdcaCycle>>('/api/pdca-cycles', { limit: 200 }) });
}

export const savePdcaCycle = (id: string | null, body: Record<string, unknown>) =>
  id
    ? api<PdcaCycle>(`/api/pdca-cycles/${id}`, { method: 'PATCH', body })
    : api<PdcaCycle>('/api/pdca-cycles', { method: 'POST', body });

export function useVisionReviews() {
  return useQuery({ queryKey: visionKey, queryFn: get<Items<VisionReview>>('/api/vision-reviews', { limit: 200 }) });
}

export const saveVisionReview = (id: string | null, body: Record<string, unknown>) =>
  id
    ? api<VisionReview>(`/api/vision-reviews/${id}`, { method: 'PATCH', body })
    : api<VisionReview>('/api/vision-reviews', { method: 'POST', body });
