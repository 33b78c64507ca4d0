import { z } from 'zod';
import { isoDateTime, timestamp } from '../../../platform/http/common.schema.ts';
import { caseTypes, metricsGroupings, metricsIntervals } from '../constants.ts';
import { day } from '../fields.schema.ts';
import { isTimeZone } from '../sla/business-time.ts';

export const metricsQuerySchema = z
  .object({
    from: isoDateTime.or(day).describe('Cases created from (inclusive)'),
    to: isoDateTime.or(day).describe('Cases created before (exclusive; a date means the end of that day, UTC)'),
    groupBy: z.enum(metricsGroupings).default('none'),
    type: z.enum(caseTypes).optional(),
    interval: z
      .enum(metricsIntervals)
      .optional()
      .describe(
        'Adds `series`: the metrics per day, week (ISO, from Monday) or month of creation, empty periods as zero rows',
      ),
    timeZone: z
      .string()
      .max(64)
      .refine(isTimeZone, { message: 'Unknown IANA time zone (e.g. Asia/Shanghai, America/New_York)' })
      .optional()
      .describe(
        'Where the periods of `series` start and end (IANA); defaults to the time zone of the org default SLA policy',
      ),
  })
  .strict();
export type MetricsQuery = z.infer<typeof metricsQuerySchema>;

export const metricsRowSchema = z.object({
  key: z.string().nullable(),
  name: z.string().nullable(),
  count: z.number().int(),
  resolved: z.number().int(),
  firstResponseMean: z.number().nullable().describe('Business minutes'),
  firstResponseP90: z.number().nullable(),
  resolutionMean: z.number().nullable(),
  resolutionP90: z.number().nullable(),
  breachRate: z
    .number()
    .nullable()
    .describe('Cases that breached a due time / cases with a due time passed or met, × 100'),
  reopenRate: z.number().nullable().describe('Resolved cases reopened at least once / resolved cases × 100'),
  csatMean: z.number().nullable().describe('Mean post-resolution score (1–5)'),
  csatCount: z.number().int(),
});
export type MetricsRow = z.infer<typeof metricsRowSchema>;
export const metricsPeriodSchema = metricsRowSchema.omit({ key: true, name: true }).extend({
  period: day.describe('The first local day of the period'),
  start: timestamp.describe('The first instant of the period in the time zone'),
});
export type MetricsPeriod = z.infer<typeof metricsPeriodSchema>;
export const metricsSchema = z
  .object({
    from: timestamp,
    to: timestamp,
    groupBy: z.enum(metricsGroupings),
    total: metricsRowSchema,
    groups: z.array(metricsRowSchema),
    interval: z.enum(metricsIntervals).nullable(),
    timeZone: z.string().nullable().describe('The time zone of the series periods'),
    series: z
      .array(metricsPeriodSchema)
      .describe('Every period overlapping [from, to) in time order (empty without `interval`)'),
  })
  .meta({ id: 'CaseMetrics' });
export type Metrics = z.infer<typeof metricsSchema>;
