import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type {
  CarePost,
  CreateCarePost,
  CreateReferralReward,
  Mention,
  MentionAlert,
  PostRatio,
  ReferralLink,
  ReferralReward,
  ReferralSummary,
  UpdateCarePost,
  WinbackCampaign,
  WinbackLoss,
  WinbackSummary,
  WinbackTasks,
} from '@tandem/server/api';

// Hooks of the care pages for referral, win-back, mentions and the post plan (docs/care.md).

const careKey = ['care-more'] as const;
type Page<T> = { items: T[]; nextCursor: string | null };
type Query = Record<string, string | number | undefined>;

const get =
  <T>(path: string, query?: Query) =>
  ({ signal }: { signal: AbortSignal }) =>
    api<T>(path, { query, signal });

function useWrite<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: careKey }) });
}

export const useReferralSummary = (q: Query) =>
  useQuery({
    queryKey: [...careKey, 'referral-summary', q],
    queryFn: get<ReferralSummary>('/api/referrals/summary', q),
  });
export const useRewards = () =>
  useQuery({
    queryKey: [...careKey, 'rewards'],
    queryFn: get<Page<ReferralReward>>('/api/referrals/rewards', { limit: 200 }),
  });
export const useAddReward = () =>
  useWrite((body: CreateReferralReward) => api<ReferralReward>('/api/referrals/rewards', { method: 'POST', body }));
export const useMakeLink = () =>
  useWrite((partyId: string) => api<ReferralLink>(`/api/parties/${partyId}/referral`, { method: 'POST' }));

export type WinbackQuery = { segment?: string | undefined; from?: string | undefined; to?: string | undefined };
export const useLosses = (q: WinbackQuery) =>
  useQuery({
    queryKey: [...careKey, 'losses', q],
    queryFn: get<{ total: number; items: WinbackLoss[]; note: string | null }>('/api/winback', q),
  });
export const useWinbackSummary = (q: WinbackQuery) =>
  useQuery({ queryKey: [...careKey, 'winback-summary', q], queryFn: get<WinbackSummary>('/api/winback/summary', q) });
export const useWinbackTasks = () =>
  useWrite((body: Partial<WinbackTasks>) =>
    api<{ created: number; existing: number }>('/api/winback/tasks', { method: 'POST', body }),
  );
export const useWinbackCampaign = () =>
  useWrite((body: Omit<WinbackCampaign, 'commercial'> & { commercial?: boolean }) =>
    api<{ id: string }>('/api/winback/campaign', { method: 'POST', body }),
  );

export const useMentions = (q: Query) =>
  useQuery({
    queryKey: [...careKey, 'mentions', q],
    queryFn: get<Page<Mention>>('/api/mentions', { limit: 100, ...q }),
  });
export const useMentionAlerts = () =>
  useQuery({
    queryKey: [...careKey, 'mention-alerts'],
    queryFn: get<Page<MentionAlert>>('/api/mentions/alerts', { limit: 100 }),
  });
export const useImportMentions = () =>
  useWrite((csv: string) =>
    api<{ imported: number; negative: number; alerts: number }>('/api/mentions/import', {
      method: 'POST',
      body: { csv },
    }),
  );

export const usePosts = () =>
  useQuery({
    queryKey: [...careKey, 'posts'],
    queryFn: get<{ items: CarePost[]; ratio: PostRatio }>('/api/care/posts'),
  });
export const useCreatePost = () =>
  useWrite((body: CreateCarePost) => api<CarePost>('/api/care/posts', { method: 'POST', body }));
export const useUpdatePost = () =>
  useWrite(({ id, ...body }: UpdateCarePost & { id: string }) =>
    api<CarePost>(`/api/care/posts/${id}`, { method: 'PATCH', body }),
  );
