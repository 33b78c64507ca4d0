import { z } from 'zod';
import { isoDate, isoDateTime, timestamp, versionField } from '../../../platform/http/common.schema.ts';
import {
  communicationAudiences,
  indicatorSources,
  responseKinds,
  reviewStepStates,
  reviewSteps,
} from '../constants.ts';

// Shapes of the quality review loop (docs/projects.md "Quality review").

const key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Lowercase letters, digits and _');
export const indicatorSchema = z
  .object({
    key,
    nameZh: z.string().trim().min(1).max(100),
    nameEn: z.string().trim().min(1).max(100),
    source: z.enum(indicatorSources),
  })
  .strict();
export type Indicator = z.infer<typeof indicatorSchema>;

const assignmentSchema = z.object({ partyId: z.uuid(), interviewerId: z.uuid().nullable() }).strict();
const goals = z.array(z.string().trim().min(1).max(300)).max(20);
const indicators = z
  .array(indicatorSchema)
  .max(30)
  .refine((a) => new Set(a.map((i) => i.key)).size === a.length, 'Indicator keys must differ');

export const createReviewSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    segmentId: z.uuid().nullable().optional().describe('Step 1: the key customers are this segment’s members now'),
    partyIds: z.array(z.uuid()).max(500).optional().describe('Step 1: key customers chosen by hand'),
    indicators: indicators.optional(),
    goals: goals.optional().describe('Business goals improvements are evaluated against'),
    assignments: z.array(assignmentSchema).max(500).optional(),
  })
  .strict();
export type CreateReview = z.infer<typeof createReviewSchema>;

const stepPatch = z
  .object({
    step: z.enum(reviewSteps),
    state: z.enum(reviewStepStates).optional(),
    ownerId: z.uuid().nullable().optional(),
    evidence: z.string().trim().max(5000).nullable().optional(),
  })
  .strict();

export const updateReviewSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    steps: z.array(stepPatch).max(8).optional(),
    addPartyIds: z.array(z.uuid()).max(500).optional(),
    indicators: indicators.optional(),
    goals: goals.optional(),
    assignments: z.array(assignmentSchema).max(500).optional(),
    version: versionField,
  })
  .strict();
export type UpdateReview = z.infer<typeof updateReviewSchema>;

export const reviewStepSchema = z.object({
  step: z.enum(reviewSteps),
  number: z.number().int().describe('1–8'),
  state: z.enum(reviewStepStates),
  ownerId: z.uuid().nullable(),
  evidence: z.string().nullable(),
  count: z.number().int().describe('Records behind the step: customers, indicators, interviews, responses, actions'),
});

export const reviewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  previousId: z.uuid().nullable(),
  segmentId: z.uuid().nullable(),
  steps: z.array(reviewStepSchema),
  progress: z.number().describe('Share of the eight steps done, 0–1'),
  indicators: z.array(indicatorSchema),
  goals: z.array(z.string()),
  customers: z
    .array(
      z.object({
        partyId: z.uuid(),
        displayName: z.string(),
        interviewerId: z.uuid().nullable(),
        interviewerName: z.string().nullable(),
        interviewed: z.boolean(),
      }),
    )
    .describe('Key customers the reader may see'),
  actions: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(['improvement', 'communication']),
      title: z.string(),
      projectId: z.uuid().nullable(),
      pdcaId: z.uuid().nullable(),
      goal: z.string().nullable(),
      evaluation: z.string().nullable(),
      audience: z.enum(communicationAudiences).nullable(),
      taskCount: z.number().int(),
      createdAt: timestamp,
    }),
  ),
  createdAt: timestamp,
  version: z.number().int(),
});
export type Review = z.infer<typeof reviewSchema>;
export const reviewsSchema = z.object({ items: z.array(reviewSchema.omit({ customers: true, actions: true })) });

const rating = z.number().int().min(1).max(5);
export const createInterviewSchema = z
  .object({
    partyId: z.uuid(),
    occurredAt: isoDateTime.optional(),
    ratings: z.record(key, rating).describe('Per indicator key, 1–5'),
    trust: rating.describe('How far the customer trusts us, 1–5 (docs/metrics.md "Trust")'),
    urgentNeed: z.string().trim().max(5000).nullable().optional(),
    note: z.string().trim().max(20000).nullable().optional(),
    response: z
      .object({
        kind: z.enum(responseKinds),
        title: z.string().trim().min(1).max(300),
        dueOn: isoDate,
        assigneeId: z.uuid().optional().describe('Who answers it: a user of the organisation (default: you)'),
      })
      .strict()
      .optional()
      .describe('Step 4: the answer to the urgent need, a task or a case, created now with the interview'),
  })
  .strict();
export type CreateInterview = z.infer<typeof createInterviewSchema>;

export const interviewSchema = z.object({
  id: z.uuid(),
  partyId: z.uuid(),
  interviewerId: z.uuid(),
  interactionId: z.uuid(),
  occurredAt: timestamp,
  ratings: z.record(z.string(), z.number()),
  trust: z.number().int(),
  urgentNeed: z.string().nullable(),
  responseKind: z.enum(responseKinds).nullable(),
  responseId: z.uuid().nullable(),
  responseDue: z.string().nullable(),
});
export type Interview = z.infer<typeof interviewSchema>;

export const createActionSchema = z
  .object({
    kind: z.enum(['improvement', 'communication']),
    title: z.string().trim().min(1).max(300),
    projectId: z.uuid().nullable().optional().describe('Improvement: the project carrying it'),
    pdcaId: z.uuid().nullable().optional().describe('Improvement: the PDCA cycle carrying it'),
    goal: z.string().trim().max(300).nullable().optional().describe('Improvement: one of the cycle’s goals'),
    evaluation: z.string().trim().max(5000).nullable().optional(),
    audience: z.enum(communicationAudiences).optional().describe('Communication: a task per interviewer or customer'),
    dueOn: isoDate.optional().describe('Communication: when the tasks are due'),
  })
  .strict();
export type CreateAction = z.infer<typeof createActionSchema>;

export const nextReviewSchema = z.object({ name: z.string().trim().min(1).max(200).optional() }).strict();

export const resultsSchema = z.object({
  indicators: z.array(indicatorSchema),
  customers: z.array(
    z.object({
      partyId: z.uuid(),
      displayName: z.string(),
      trust: z.number().int().nullable(),
      previousTrust: z.number().int().nullable(),
      ratings: z.record(z.string(), z.number()),
    }),
  ),
  cells: z
    .array(z.object({ partyId: z.uuid(), indicator: z.string(), rating: z.number() }))
    .describe('The heatmap: rating by customer × indicator'),
  meanTrust: z.number().nullable(),
  interviewed: z.number().int(),
  keyCustomers: z.number().int(),
  inTrouble: z.array(
    z.object({
      partyId: z.uuid(),
      displayName: z.string(),
      trust: z.number().int(),
      previousTrust: z.number().int().nullable(),
      reasons: z.array(z.enum(['low_trust', 'fallen'])),
    }),
  ),
  overdue: z.array(
    z.object({
      interviewId: z.uuid(),
      partyId: z.uuid(),
      displayName: z.string(),
      responseKind: z.enum(responseKinds),
      responseId: z.uuid(),
      dueOn: z.string(),
    }),
  ),
  note: z.enum(['not_enough_data']).nullable(),
});
export type ReviewResults = z.infer<typeof resultsSchema>;
