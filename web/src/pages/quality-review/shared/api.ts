// The quality review loop (docs/projects.md "Quality review"): hooks over /api/quality-reviews.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type {
  CreateQualityReview,
  CreateReviewInterview,
  QualityReview,
  ReviewInterview,
  ReviewResults,
  UpdateQualityReview,
} from '@tandem/server/api';
import { reviewSteps, responseKinds, indicatorSources } from '@tandem/server/api';

export type { QualityReview, ReviewResults };
export { reviewReaderRoles, reviewWriterRoles } from './types.ts';
export { reviewSteps, responseKinds, indicatorSources };

export const reviewsKey = ['quality-reviews'] as const;
export const invalidateReviews = (qc: QueryClient) => qc.invalidateQueries({ queryKey: reviewsKey });

export function useReviews() {
  return useQuery({
    queryKey: [...reviewsKey, 'list'],
    queryFn: ({ signal }) =>
      api<{ items: Omit<QualityReview, 'customers' | 'actions'>[] }>('/api/quality-reviews', { signal }),
  });
}

export function useReview(id: string) {
  return useQuery({
    queryKey: [...reviewsKey, id],
    queryFn: ({ signal }) => api<QualityReview>(`/api/quality-reviews/${id}`, { signal }),
  });
}

export function useResults(id: string) {
  return useQuery({
    queryKey: [...reviewsKey, id, 'results'],
    queryFn: ({ signal }) => api<ReviewResults>(`/api/quality-reviews/${id}/results`, { signal }),
  });
}

export const createReview = (body: CreateQualityReview) =>
  api<QualityReview>('/api/quality-reviews', { method: 'POST', body });
export const updateReview = (id: string, body: UpdateQualityReview) =>
  api<QualityReview>(`/api/quality-reviews/${id}`, { method: 'PATCH', body });
export const postInterview = (id: string, body: CreateReviewInterview) =>
  api<ReviewInterview>(`/api/quality-reviews/${id}/interviews`, { method: 'POST', body });
export const nextReview = (id: string) =>
  api<QualityReview>(`/api/quality-reviews/${id}/next`, { method: 'POST', body: {} });
