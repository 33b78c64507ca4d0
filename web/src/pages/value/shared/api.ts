import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { isApiError } from '../../../api/errors.ts';
import type { Page } from '../../../api/types.ts';
import { listKey } from '../../../components/DataTable/index.ts';
import type { Period } from './period.ts';
import type {
  AddSegmentMembersOutcome,
  BoardValue,
  ClvFit,
  ClvModel,
  Cohorts,
  Concentration,
  CrossSell,
  PartyValue,
  RfmRules,
  RfmSummary,
  Segment,
  SegmentCount,
  SegmentHistory,
  SegmentPreview,
  SegmentRule,
  SimpleClv,
  Suggestions,
  ValueClasses,
  ValueClassSettingsReply,
  ValueCustomersPage,
  ValueSummary,
  Wallet,
  WalletSummary,
} from './types.ts';

export const valueKey = ['value'] as const;
export const segmentsEndpoint = '/api/segments';
export const rfmCustomersEndpoint = '/api/value/rfm/customers';
export const clvCustomersEndpoint = '/api/value/clv/customers';
export const segmentKey = (id: string) => ['segments', id] as const;

const get =
  <T>(path: string, query?: Record<string, string | number | undefined>) =>
  ({ signal }: { signal: AbortSignal }) =>
    api<T>(path, { query, signal });

export function useValueSummary(p: Period, currency?: string) {
  const query = { from: p.from, to: p.to, currency };
  return useQuery({
    queryKey: [...valueKey, 'summary', query],
    queryFn: get<ValueSummary>('/api/value/summary', query),
    placeholderData: keepPreviousData,
  });
}

export function useConcentration(p: Period, by: 'customer' | 'owner', currency?: string) {
  const query = { from: p.from, to: p.to, by, currency };
  return useQuery({
    queryKey: [...valueKey, 'concentration', query],
    queryFn: get<Concentration>('/api/value/concentration', query),
    placeholderData: keepPreviousData,
  });
}

export function useCohorts(p: Period) {
  const query = { from: p.from, to: p.to };
  return useQuery({
    queryKey: [...valueKey, 'cohorts', query],
    queryFn: get<Cohorts>('/api/value/cohorts', query),
    placeholderData: keepPreviousData,
  });
}

export interface RfmParams {
  asOf?: string;
  windowDays: number;
  currency?: string;
}

export function useRfm(params: RfmParams) {
  const query = { ...params };
  return useQuery({
    queryKey: [...valueKey, 'rfm', query],
    queryFn: get<RfmSummary>('/api/value/rfm', query),
    placeholderData: keepPreviousData,
  });
}

export function useRfmRules() {
  return useQuery({ queryKey: [...valueKey, 'rfm-rules'], queryFn: get<RfmRules>('/api/value/rfm-rules') });
}

/** The org's CLV model; `null` before the first fit (the server answers 404). */
export function useClvModel() {
  return useQuery({
    queryKey: [...valueKey, 'clv-model'],
    queryFn: async ({ signal }) => {
      try {
        return await api<ClvModel>('/api/value/clv/model', { signal });
      } catch (error) {
        if (isApiError(error) && error.status === 404) {
          return null;
        }
        throw error;
      }
    },
  });
}

export function useSimpleClv() {
  return useQuery({ queryKey: [...valueKey, 'clv-simple'], queryFn: get<SimpleClv>('/api/value/clv/simple') });
}

/** A CLV fit while it runs (polls until it is done or failed). */
export function useClvFit(id: string | null) {
  return useQuery({
    queryKey: [...valueKey, 'clv-fit', id],
    queryFn: get<ClvFit>(`/api/value/clv/fits/${id ?? ''}`),
    enabled: Boolean(id),
    refetchInterval: (q) => (q.state.data && ['done', 'failed'].includes(q.state.data.status) ? false : 1000),
  });
}

export function useFitClv() {
  return useMutation({
    mutationFn: (body: { asOf: string; timeUnit: 'day' | 'week'; currency?: string }) =>
      api<ClvFit>('/api/value/clv/fit', { method: 'POST', body }),
  });
}

/** Up to `max` customers by CLV for the distribution chart (pages of 200 through the cursor). */
export function useClvValues(fitId: string | undefined, max = 1000) {
  return useQuery({
    queryKey: [...valueKey, 'clv-values', fitId, max],
    enabled: Boolean(fitId),
    queryFn: async ({ signal }) => {
      const values: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await api<Page<{ clv: number }>>(clvCustomersEndpoint, {
          query: { limit: 200, cursor },
          signal,
        });
        values.push(...page.items.map((c) => c.clv));
        cursor = page.nextCursor ?? undefined;
      } while (cursor && values.length < max);
      return { values, complete: !cursor };
    },
  });
}

export function useCrossSell(params: { level: 'category' | 'product'; minCount: number; minLift: number }) {
  return useQuery({
    queryKey: [...valueKey, 'cross-sell', params],
    queryFn: get<CrossSell>('/api/value/cross-sell/rules', params),
    placeholderData: keepPreviousData,
  });
}

export function useSegment(id: string | undefined) {
  return useQuery({
    queryKey: segmentKey(id ?? ''),
    queryFn: get<Segment>(`${segmentsEndpoint}/${id ?? ''}`),
    enabled: Boolean(id),
  });
}

export function useSegmentCount(id: string) {
  return useQuery({
    queryKey: [...segmentKey(id), 'count'],
    queryFn: get<SegmentCount>(`${segmentsEndpoint}/${id}/count`),
  });
}

export function useSegmentHistory(id: string) {
  return useQuery({
    queryKey: [...segmentKey(id), 'history'],
    queryFn: get<SegmentHistory>(`${segmentsEndpoint}/${id}/history`),
  });
}

/** The live count and first members of a rule not yet saved (a POST that writes nothing). */
export function useSegmentPreview(rule: SegmentRule | null) {
  return useQuery({
    queryKey: ['segments', 'preview', rule],
    queryFn: ({ signal }) =>
      api<SegmentPreview>(`${segmentsEndpoint}/preview`, { method: 'POST', body: { rule }, signal }),
    enabled: rule !== null,
    placeholderData: keepPreviousData,
  });
}

/** Active segments for pickers (survey audience). */
export function useSegmentOptions(enabled = true) {
  return useQuery({
    queryKey: [...listKey(segmentsEndpoint), 'options'],
    queryFn: get<Page<Segment>>(segmentsEndpoint, { limit: 200 }),
    enabled,
    staleTime: 60_000,
    select: (page) => page.items.map((s) => ({ value: s.id, label: s.name })),
  });
}

export function usePartyValue(partyId: string) {
  return useQuery({
    queryKey: [...valueKey, 'party', partyId],
    queryFn: get<PartyValue>(`/api/parties/${partyId}/value`),
  });
}

export function useSaveSegment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; body: Record<string, unknown> }) =>
      input.id
        ? api<Segment>(`${segmentsEndpoint}/${input.id}`, { method: 'PATCH', body: input.body })
        : api<Segment>(segmentsEndpoint, { method: 'POST', body: input.body }),
    onSuccess: (segment) => invalidateSegments(queryClient, segment.id),
  });
}

/** "Add to segment" from the party list's selection: the segment's hand-picked list grows (audited). */
export function useAddSegmentMembers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; ids: string[] }) =>
      api<AddSegmentMembersOutcome>(`${segmentsEndpoint}/${input.id}/members`, {
        method: 'POST',
        body: { ids: input.ids },
      }),
    onSuccess: (o) => invalidateSegments(queryClient, o.segment.id),
  });
}

/** The party board's value: per-stage totals and the value of the cards on screen (`ids`). */
export function useBoardValue(
  params: { role: string; ownerId?: string; q?: string; ids?: string[] },
  enabled: boolean,
) {
  return useQuery({
    queryKey: [...valueKey, 'board', params],
    queryFn: ({ signal }) => api<BoardValue>('/api/value/board', { query: params, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function invalidateSegments(queryClient: QueryClient, id?: string): void {
  if (id) {
    void queryClient.invalidateQueries({ queryKey: segmentKey(id) });
  }
  void queryClient.invalidateQueries({ queryKey: listKey(segmentsEndpoint) });
}

/** Everything computed from the model after a new fit. */
export function invalidateClv(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: [...valueKey, 'clv-model'] });
  void queryClient.invalidateQueries({ queryKey: [...valueKey, 'clv-values'] });
  void queryClient.invalidateQueries({ queryKey: listKey(clvCustomersEndpoint) });
}

export const classCustomersEndpoint = '/api/value/classes/customers';

export interface ClassesParams {
  windowDays: number;
  currency?: string;
}

export function useValueClasses(params: ClassesParams) {
  return useQuery({
    queryKey: [...valueKey, 'classes', params],
    queryFn: get<ValueClasses>('/api/value/classes', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useClassSettings() {
  return useQuery({
    queryKey: [...valueKey, 'class-settings'],
    queryFn: get<ValueClassSettingsReply>('/api/value/class-settings'),
  });
}

/** Saves settings that change what the reports mean: everything value-derived is read again. */
export function useSaveValueSetting<TBody, TResult>(path: string, method: 'PUT' | 'POST' = 'PUT') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => api<TResult>(path, { method, body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: valueKey });
      void queryClient.invalidateQueries({ queryKey: listKey(rfmCustomersEndpoint) });
      void queryClient.invalidateQueries({ queryKey: listKey(classCustomersEndpoint) });
    },
  });
}

export const walletKey = (partyId: string) => [...valueKey, 'wallet', partyId] as const;

export function useWallet(partyId: string) {
  return useQuery({ queryKey: walletKey(partyId), queryFn: get<Wallet>(`/api/parties/${partyId}/wallet`) });
}

export function useSuggestions(partyId: string) {
  return useQuery({
    queryKey: [...valueKey, 'suggestions', partyId],
    queryFn: get<Suggestions>(`/api/parties/${partyId}/suggestions`),
  });
}

export function useWalletSummary() {
  return useQuery({ queryKey: [...valueKey, 'wallet-summary'], queryFn: get<WalletSummary>('/api/value/wallet') });
}

export const valueCustomersEndpoint = '/api/value/customers';

/** The snapshot the customers-by-value list reads (its day and currency; asOf null before the first snapshot). */
export function useValueCustomersSnapshot() {
  return useQuery({
    queryKey: [...valueKey, 'customers-snapshot'],
    queryFn: get<ValueCustomersPage>(valueCustomersEndpoint, { limit: 1 }),
    select: (page) => ({ asOf: page.asOf, currency: page.currency }),
  });
}
