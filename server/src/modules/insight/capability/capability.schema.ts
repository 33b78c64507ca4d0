import { z } from 'zod';
import { analysisDate, timestamp } from '../../../platform/http/common.schema.ts';
import { assessableItems, autoIndicatorKeys, capabilityKeys, indicatorKeys } from './catalogue.ts';

export const capabilityQuerySchema = z
  .object({ asOf: analysisDate.optional().describe('Last day of the trailing 365 days measured; default today') })
  .strict();
export type CapabilityQuery = z.infer<typeof capabilityQuerySchema>;

const positive = z.number().finite().min(0).max(1e9);
export const capabilitySettingsBodySchema = z
  .object({
    targets: z.partialRecord(z.enum(autoIndicatorKeys as [string, ...string[]]), positive.positive()).optional(),
    assessedTarget: z.number().min(1.5).max(5).optional(),
    capabilityWeights: z.partialRecord(z.enum(capabilityKeys), positive).optional(),
    indicatorWeights: z.partialRecord(z.enum(indicatorKeys as [string, ...string[]]), positive).optional(),
    version: z.number().int().min(1).max(2_147_483_647).optional().describe('Omit for the first change'),
  })
  .strict();
export type CapabilitySettingsBody = z.infer<typeof capabilitySettingsBodySchema>;

export const capabilitySettingsSchema = z.object({
  targets: z.record(z.string(), z.number()),
  assessedTarget: z.number(),
  capabilityWeights: z.record(z.string(), z.number()),
  indicatorWeights: z.record(z.string(), z.number()),
  version: z.number().int().nullable().describe('null: the documented defaults, never stored'),
});

const indicatorSchema = z.object({
  key: z.string(),
  capability: z.enum(capabilityKeys),
  kind: z.enum(['auto', 'assessed', 'auto+assessed']),
  raw: z.number().nullable(),
  unit: z.string().nullable(),
  direction: z.enum(['up', 'down']).nullable(),
  target: z.number().nullable(),
  autoScore: z.number().nullable(),
  assessment: z.object({ mean: z.number(), assessors: z.number().int() }).nullable(),
  assessedScore: z.number().nullable(),
  score: z.number().nullable().describe('0–100; null when neither part has data (never counted as zero)'),
  coverage: z.number(),
  weight: z.number(),
  missing: z
    .object({ reason: z.enum(['no_data', 'not_recorded', 'not_assessed']), whatToRecord: z.string() })
    .optional(),
});

const pct = z.number().nullable();
export const businessPerformanceSchema = z.object({
  currency: z.string().nullable(),
  acquisitionRate: pct,
  retentionRate: pct,
  satisfaction: pct.describe('Mean post-resolution case score (1–5)'),
  crossSellShare: pct.describe('Revenue from categories new to the customer / line revenue'),
  averageShareOfWallet: pct,
  newProductShare: pct.describe('Revenue of products created in the 365 days before the purchase / line revenue'),
});

export const capabilitySchema = z.object({
  asOf: z.string(),
  from: z.string(),
  to: z.string(),
  indicators: z.array(indicatorSchema),
  capabilities: z.array(
    z.object({ key: z.enum(capabilityKeys), score: z.number().nullable(), coverage: z.number(), weight: z.number() }),
  ),
  index: z.number().nullable(),
  coverage: z.number().describe('Share of the weight actually measured'),
  checklist: z.array(z.object({ item: z.string(), mean: z.number().nullable(), assessors: z.number().int() })),
  business: businessPerformanceSchema,
});
export type Capability = z.infer<typeof capabilitySchema>;

export const assessmentsBodySchema = z
  .object({
    items: z
      .array(
        z
          .object({
            item: z.enum(assessableItems as [string, ...string[]]),
            rating: z.number().int().min(1).max(5),
            evidence: z.string().trim().max(2000).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(100),
  })
  .strict();
export type AssessmentsBody = z.infer<typeof assessmentsBodySchema>;

export const assessmentSchema = z.object({
  id: z.uuid(),
  item: z.string(),
  rating: z.number().int(),
  evidence: z.string().nullable(),
  assessorId: z.uuid(),
  assessorName: z.string(),
  assessedAt: timestamp,
});
export const assessmentsSchema = z.object({ items: z.array(assessmentSchema) });

export const snapshotBodySchema = z
  .object({
    asOf: analysisDate.optional(),
    tag: z.enum(['before', 'after']).optional(),
    stage: z.string().trim().min(1).max(200).optional().describe('The improvement stage the tag refers to'),
  })
  .strict();
export type SnapshotBody = z.infer<typeof snapshotBodySchema>;

export const snapshotSchema = z.object({
  id: z.uuid(),
  asOf: z.string(),
  tag: z.enum(['before', 'after']).nullable(),
  stage: z.string().nullable(),
  createdAt: timestamp,
  index: z.number().nullable(),
  coverage: z.number(),
  capabilities: z.array(z.object({ key: z.enum(capabilityKeys), score: z.number().nullable() })),
  indicators: z.array(z.object({ key: z.string(), raw: z.number().nullable(), score: z.number().nullable() })),
});
export const snapshotsSchema = z.object({ items: z.array(snapshotSchema).describe('Oldest first: the trend') });
export type CapabilitySettingsOut = z.infer<typeof capabilitySettingsSchema>;
export type CapabilityAssessment = z.infer<typeof assessmentSchema>;
export type CapabilitySnapshot = z.infer<typeof snapshotSchema>;
