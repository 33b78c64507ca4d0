import { z } from 'zod';
import { isoDate, isoDateTime } from '../../../platform/http/common.schema.ts';

export const cohortsQuerySchema = z
  .object({
    from: isoDate.or(isoDateTime).optional().describe('First purchases from (inclusive); default: a year before `to`'),
    to: isoDate.or(isoDateTime).optional().describe('Up to (exclusive; a date is its UTC midnight); default: now'),
  })
  .strict();
export type CohortsQuery = z.infer<typeof cohortsQuerySchema>;

export const cohortSchema = z.object({
  month: z.string().describe('YYYY-MM (UTC) of the first purchase'),
  size: z.number().int(),
  retention: z
    .array(z.object({ k: z.number().int(), customers: z.number().int(), share: z.number() }))
    .describe('k = 0 … the last month of the period: customers of the cohort with a purchase in month + k'),
});
export const cohortsSchema = z.object({
  from: z.string(),
  to: z.string(),
  cohorts: z.array(cohortSchema),
  note: z.enum(['not_enough_data']).nullable(),
});
export type Cohorts = z.infer<typeof cohortsSchema>;
