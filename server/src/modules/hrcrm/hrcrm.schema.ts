import { z } from 'zod';
import { isoDate, timestamp } from '../../platform/http/common.schema.ts';
import { actorRefSchema, kotlerLevelSchema, quadrantSchema } from '../parties/index.ts';
import { hrActivityStatuses, fourRs, hrProcessStepStates, hrProcessSteps } from './constants.ts';

export const groupKeyParamsSchema = z.object({ key: z.string().max(63) }).strict();

const assessmentSchema = z.object({
  initiativeScore: z.number().int().nullable().describe('HR quadrant: our initiative (主动性), 1–5'),
  participationScore: z.number().int().nullable().describe('HR quadrant: the group’s participation (参与程度), 1–5'),
  quadrant: quadrantSchema.nullable().describe('HR quadrant derived from the two scores (reactive: the group leads)'),
  targetQuadrant: quadrantSchema.nullable(),
  targetQuadrantBy: z.string().nullable(),
  level: kotlerLevelSchema.nullable().describe('Kotler level, a separate scale (reactive: we wait for their call)'),
  targetLevel: kotlerLevelSchema.nullable(),
  targetLevelBy: z.string().nullable(),
  reason: z.string(),
  assessedAt: timestamp,
  assessedBy: actorRefSchema,
});

export const hrGroupSchema = z
  .object({
    key: z.string(),
    name: z.string().describe('The name in the caller’s language'),
    nameZh: z.string(),
    nameEn: z.string(),
    side: z.enum(['internal', 'external']),
    assessment: assessmentSchema
      .nullable()
      .describe('The HR department’s own assessment of the group (not an average of its parties)'),
    parties: z.object({
      count: z.number().int().describe('Current roles in the group, of parties the caller may see'),
      byQuadrant: z.object({
        basic: z.number().int(),
        proactive: z.number().int(),
        reactive: z.number().int(),
        partnership: z.number().int(),
        unscored: z.number().int(),
      }),
    }),
    process: z.object({ done: z.number().int(), total: z.literal(7) }),
  })
  .meta({ id: 'HrGroup' });
export type HrGroup = z.infer<typeof hrGroupSchema>;
export const hrGroupsSchema = z.object({ items: z.array(hrGroupSchema) });
export const butterflySchema = z
  .object({ internal: z.array(hrGroupSchema), external: z.array(hrGroupSchema) })
  .meta({ id: 'HrButterfly' });
export type HrButterfly = z.infer<typeof butterflySchema>;

// Seven-step process.
export const processStepSchema = z
  .object({
    step: z.enum(hrProcessSteps),
    state: z.enum(hrProcessStepStates),
    ownerUserId: z.uuid().nullable(),
    ownerName: z.string().nullable(),
    dueOn: z.string().nullable(),
    evidence: z.string().nullable(),
    facts: z.record(z.string(), z.number()).describe('Step-specific numbers computed at read time'),
  })
  .meta({ id: 'HrProcessStep' });
export type HrProcessStep = z.infer<typeof processStepSchema>;
export const processSchema = z
  .object({ groupKey: z.string(), steps: z.array(processStepSchema) })
  .meta({ id: 'HrProcess' });
export type HrProcess = z.infer<typeof processSchema>;
export const processStepParamsSchema = z.object({ key: z.string().max(63), step: z.enum(hrProcessSteps) }).strict();
export const updateProcessStepSchema = z
  .object({
    state: z.enum(hrProcessStepStates).optional(),
    ownerUserId: z.uuid().nullable().optional(),
    dueOn: isoDate.nullable().optional(),
    evidence: z.string().trim().max(4000).nullable().optional(),
  })
  .strict();
export type UpdateProcessStep = z.infer<typeof updateProcessStepSchema>;

// Activities under the 4Rs.
const budget = z
  .union([z.number().nonnegative().max(1e12), z.string().regex(/^\d{1,12}(\.\d{1,2})?$/)])
  .transform((v) => String(v));
export const activitySchema = z
  .object({
    id: z.uuid(),
    groupKey: z.string(),
    r: z.enum(fourRs),
    title: z.string(),
    objective: z.string().nullable(),
    budget: z.string().nullable().describe('A decimal as a string'),
    plannedOn: z.string().nullable(),
    status: z.enum(hrActivityStatuses),
    outcome: z.string().nullable(),
  })
  .meta({ id: 'HrActivity' });
export type HrActivity = z.infer<typeof activitySchema>;
export const activitiesSchema = z.object({ items: z.array(activitySchema) });
export const createActivitySchema = z
  .object({
    r: z.enum(fourRs),
    title: z.string().trim().min(1).max(200),
    objective: z.string().trim().max(2000).nullable().optional(),
    budget: budget.nullable().optional(),
    plannedOn: isoDate.nullable().optional(),
    status: z.enum(hrActivityStatuses).optional(),
    outcome: z.string().trim().max(2000).nullable().optional(),
  })
  .strict();
export type CreateActivity = z.infer<typeof createActivitySchema>;
export const updateActivitySchema = createActivitySchema.partial().strict();
export type UpdateActivity = z.infer<typeof updateActivitySchema>;

// Evaluation: expected vs perceived value per dimension, from the gap surveys aimed at the group.
export const evaluationQuerySchema = z.object({ from: isoDate.optional(), to: isoDate.optional() }).strict();
const gapNumbers = {
  expected: z.number().nullable(),
  perceived: z.number().nullable(),
  gap: z.number().nullable().describe('perceived − expected (negative: below expectation)'),
};
export const contributionSchema = z
  .object({
    id: z.uuid(),
    recordedOn: z.string(),
    text: z.string(),
    value: z.string().nullable().describe('A decimal as a string, when the contribution has a value'),
    recordedBy: actorRefSchema,
  })
  .meta({ id: 'HrContribution' });
export type HrContribution = z.infer<typeof contributionSchema>;
export const evaluationSchema = z
  .object({
    groupKey: z.string(),
    dimensions: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        ...gapNumbers,
        trend: z.array(z.object({ period: z.string(), ...gapNumbers })),
      }),
    ),
    contributions: z.array(contributionSchema),
    note: z.string().nullable().describe('Why numbers are missing (no gap survey, too few answers), else null'),
  })
  .meta({ id: 'HrEvaluation' });
export type HrEvaluation = z.infer<typeof evaluationSchema>;
export const createContributionSchema = z
  .object({
    text: z.string().trim().min(1).max(2000),
    value: budget.nullable().optional(),
    recordedOn: isoDate,
  })
  .strict();
export type CreateContribution = z.infer<typeof createContributionSchema>;
