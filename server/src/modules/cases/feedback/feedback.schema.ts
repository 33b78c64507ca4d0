import { z } from 'zod';
import { timestamp } from '../../../platform/http/common.schema.ts';

// Public post-resolution feedback (token link, no sign-in).
export const feedbackTokenParamsSchema = z.object({ token: z.string().min(10).max(100) }).strict();
export const publicFeedbackSchema = z.object({
  subject: z.string(),
  resolvedAt: timestamp.nullable(),
  answered: z.boolean(),
});
export type PublicFeedback = z.infer<typeof publicFeedbackSchema>;
export const feedbackInputSchema = z
  .object({
    score: z.number().int().min(1).max(5).describe('How satisfied are you with how we resolved it? 1–5'),
    comment: z.string().trim().max(2000).optional(),
  })
  .strict();
export type FeedbackInput = z.infer<typeof feedbackInputSchema>;
