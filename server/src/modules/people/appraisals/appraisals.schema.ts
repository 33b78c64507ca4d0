import { z } from 'zod';
import { versionField } from '../../../platform/http/common.schema.ts';
import { appraisalBands, cycleStatuses, reassessmentOutcomes, SCORE_MAX, SCORE_MIN } from '../constants.ts';
import { day, longText, shortText } from '../people.schema.ts';

export const patchAppraisalSchema = z
  .object({
    scores: z
      .array(
        z
          .object({
            key: z.string().max(63),
            score: z.number().int().min(SCORE_MIN).max(SCORE_MAX),
            rationale: z.string().trim().min(1, 'A rationale is required for every score').max(4000),
          })
          .strict(),
      )
      .max(30)
      .optional()
      .describe('Every criterion of the cycle, each with its rationale (the reviewer: HR or the chain)'),
    band: z.enum(appraisalBands).optional(),
    reply: z.string().trim().min(1).max(4000).optional().describe('The employee, within 14 days of the close'),
    version: versionField,
  })
  .strict();
export type PatchAppraisal = z.infer<typeof patchAppraisalSchema>;

export const planInputSchema = z
  .object({
    trainingItems: z.array(shortText).min(1).max(50),
    mentorId: z.uuid().describe('The mentor (a user)'),
    startsOn: day,
    reassessOn: day.describe('At least 60 days after startsOn'),
  })
  .strict();
export type PlanInput = z.infer<typeof planInputSchema>;

export const patchPlanSchema = z
  .object({
    reassessedOn: day,
    outcome: z.enum(reassessmentOutcomes).describe('met, or still below the bar'),
    outcomeNote: longText.nullable().optional(),
    version: versionField,
  })
  .strict();
export type PatchPlan = z.infer<typeof patchPlanSchema>;

export const planSchema = z
  .object({
    id: z.uuid(),
    appraisalId: z.uuid(),
    partyId: z.uuid(),
    trainingItems: z.array(z.string()),
    mentorId: z.uuid(),
    startsOn: z.string(),
    reassessOn: z.string(),
    reassessedOn: z.string().nullable(),
    outcome: z.enum(reassessmentOutcomes).nullable(),
    outcomeNote: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'ImprovementPlan' });
export type Plan = z.infer<typeof planSchema>;

const localized = z.object({ zh: z.string(), en: z.string() });
export const appraisalSchema = z
  .object({
    id: z.uuid(),
    cycleId: z.uuid(),
    cycleName: localized,
    cycleStatus: z.enum(cycleStatuses),
    periodStart: z.string(),
    periodEnd: z.string(),
    partyId: z.uuid(),
    displayName: z.string(),
    criteria: z.array(z.object({ key: z.string(), text: localized, weight: z.number() })),
    notifiedAt: z.string().describe('When the criteria were published to this employee'),
    scores: z
      .array(z.object({ key: z.string(), score: z.number(), rationale: z.string() }))
      .nullable()
      .describe('The employee sees them only after the cycle closes'),
    overallScore: z.number().nullable().describe('Weighted mean of the criterion scores'),
    band: z.enum(appraisalBands).nullable(),
    reviewerId: z.uuid().nullable(),
    reply: z.string().nullable(),
    repliedAt: z.string().nullable(),
    replyUntil: z.string().nullable().describe('The last moment a reply is taken (14 days after the close)'),
    plan: planSchema.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Appraisal' });
export type Appraisal = z.infer<typeof appraisalSchema>;

export const listAppraisalsQuerySchema = z.object({ cycleId: z.uuid().optional() }).strict();
