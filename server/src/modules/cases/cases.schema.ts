import { z } from 'zod';
import { multiValue, pageQuerySchema, timestamp, versionField } from '../../platform/http/common.schema.ts';
import {
  caseChannels,
  caseEventKinds,
  casePriorities,
  caseSortFields,
  caseStatuses,
  caseTypes,
  remedies,
  replyVisibilities,
  rootCauses,
  slaStates,
} from './constants.ts';
import { text } from './fields.schema.ts';

// The API types of the sub-features, re-exported here for server/src/api.ts (the web's contract).
export type { SlaPolicy, CreateSlaPolicy, UpdateSlaPolicy, SlaTargets, BusinessHours } from './sla/sla.schema.ts';
export type { PublicFeedback, FeedbackInput } from './feedback/feedback.schema.ts';
export type { Metrics, MetricsRow, MetricsPeriod } from './metrics/metrics.schema.ts';
export type { AlertRule, Alert } from './alerts/alerts.schema.ts';
export type {
  CreateGrievance,
  GrievanceCreated,
  GrievanceFollowUp,
  MyGrievance,
} from './grievances/grievances.schema.ts';

export const createCaseSchema = z
  .object({
    type: z
      .enum(caseTypes)
      .refine((t) => t !== 'grievance', { message: 'Grievances are filed through POST /api/grievances' }),
    partyId: z.uuid().nullable().optional().describe('The customer (or other party) the case is about'),
    subject: text(300),
    description: z.string().trim().max(20_000).nullable().optional(),
    channel: z.enum(caseChannels).default('other'),
    priority: z.enum(casePriorities).default('normal'),
    assigneeId: z.uuid().nullable().optional().describe('Defaults to the creator'),
    slaPolicyId: z.uuid().nullable().optional().describe('Defaults to the org default policy'),
  })
  .strict();
export type CreateCase = z.infer<typeof createCaseSchema>;

export const updateCaseSchema = z
  .object({
    subject: text(300).optional(),
    description: z.string().trim().max(20_000).nullable().optional(),
    channel: z.enum(caseChannels).optional(),
    priority: z.enum(casePriorities).optional().describe('Due dates are recomputed from the case creation time'),
    assigneeId: z.uuid().nullable().optional(),
    status: z
      .enum(caseStatuses)
      .optional()
      .describe(
        'Legal moves only (else 400 with an illegal_transition issue listing legalNextStatuses); resolved only via /resolve; reopen = open',
      ),
    version: versionField,
  })
  .strict();
export type UpdateCase = z.infer<typeof updateCaseSchema>;

export const caseSchema = z
  .object({
    id: z.uuid(),
    type: z.enum(caseTypes),
    partyId: z.uuid().nullable(),
    partyName: z.string().nullable(),
    subject: z.string(),
    description: z.string().nullable(),
    channel: z.enum(caseChannels),
    priority: z.enum(casePriorities),
    assigneeId: z.uuid().nullable(),
    assigneeName: z.string().nullable(),
    status: z.enum(caseStatuses),
    legalNextStatuses: z.array(z.enum(caseStatuses)),
    anonymous: z.boolean().describe('Anonymous grievance: no submitter is stored anywhere'),
    submitterId: z.uuid().nullable().describe('Named grievances: the submitting user'),
    slaPolicyId: z.uuid().nullable(),
    firstResponseDueAt: timestamp.nullable().describe('Moves later while the case is pending'),
    resolveDueAt: timestamp.nullable(),
    firstRespondedAt: timestamp.nullable(),
    resolvedAt: timestamp.nullable(),
    closedAt: timestamp.nullable(),
    firstResponseMinutes: z
      .number()
      .int()
      .nullable()
      .describe('Business minutes to the first public reply (pending excluded)'),
    resolutionMinutes: z
      .number()
      .int()
      .nullable()
      .describe('Business minutes to (the last) resolution (pending excluded)'),
    slaState: z
      .enum(slaStates)
      .describe(
        'breached: a due time passed without the event (or it came late); at_risk: < 25 % of a running target left',
      ),
    firstResponseBreached: z.boolean(),
    resolveBreached: z.boolean(),
    rootCause: z.enum(rootCauses).nullable(),
    rootCauseDetail: z.string().nullable(),
    remedy: z.enum(remedies).nullable(),
    remedyDetail: z.string().nullable(),
    remedyCost: z.number().nullable(),
    csatScore: z.number().int().nullable().describe('Post-resolution satisfaction, 1–5'),
    csatComment: z.string().nullable(),
    reopenCount: z.number().int(),
    createdBy: z.uuid().nullable(),
    createdAt: timestamp.describe('Anonymous grievances: the day only (00:00 UTC)'),
    updatedAt: timestamp,
    version: z.number().int(),
  })
  .meta({ id: 'Case' });
export type Case = z.infer<typeof caseSchema>;

export const listCasesQuerySchema = pageQuerySchema
  .extend({
    // Multi-value filters (docs/domain.md "Lists and filters"): any of the values matches; an unknown one is a 400.
    type: multiValue(z.enum(caseTypes)).optional(),
    status: multiValue(z.enum(caseStatuses)).optional(),
    priority: multiValue(z.enum(casePriorities)).optional(),
    slaState: multiValue(z.enum(slaStates)).optional(),
    assigneeId: multiValue(z.union([z.uuid(), z.literal('me')]))
      .optional()
      .describe('Users (me: the caller); repeat the parameter or separate them with commas'),
    partyId: z.uuid().optional(),
    q: z.string().trim().max(200).optional().describe('Substring of the subject'),
    sort: z
      .enum([...caseSortFields, ...caseSortFields.map((f) => `-${f}` as const)])
      .default('-updatedAt')
      .describe(
        'priority and status sort by rank (low → urgent, new → closed); slaDueAt by the next due time of a running clock, cases without one last',
      ),
  })
  .strict();
export type ListCasesQuery = z.infer<typeof listCasesQuerySchema>;

export const replyInputSchema = z
  .object({
    body: text(20_000),
    visibility: z
      .enum(replyVisibilities)
      .default('public')
      .describe('public: to the customer/submitter (the first one stops the first-response clock); internal: a note'),
  })
  .strict();
export type ReplyInput = z.infer<typeof replyInputSchema>;

export const caseEventSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(caseEventKinds),
    fromStatus: z.enum(caseStatuses).nullable(),
    toStatus: z.enum(caseStatuses).nullable(),
    body: z.string().nullable(),
    visibility: z.enum(replyVisibilities).nullable(),
    data: z.record(z.string(), z.unknown()).nullable(),
    actorId: z.uuid().nullable().describe('Null for the system and for an anonymous submitter'),
    actorName: z.string().nullable(),
    at: timestamp,
  })
  .meta({ id: 'CaseEvent' });
export type CaseEvent = z.infer<typeof caseEventSchema>;

export const resolveInputSchema = z
  .object({
    rootCause: z.enum(rootCauses),
    rootCauseDetail: z.string().trim().max(5000).nullable().optional(),
    remedy: z.enum(remedies),
    remedyDetail: z.string().trim().max(5000).nullable().optional(),
    remedyCost: z.number().min(0).max(1e12).nullable().optional(),
    version: versionField,
  })
  .strict();
export type ResolveInput = z.infer<typeof resolveInputSchema>;

export const resolveResultSchema = z.object({
  case: caseSchema,
  feedback: z
    .object({
      url: z.string().nullable().describe('Only when not emailed'),
      expiresAt: timestamp,
      emailed: z.boolean().describe('false: no mail server is set; give the link to the customer yourself'),
    })
    .nullable()
    .describe(
      'The post-resolution satisfaction invitation (only when the party has an email); the link is shown only when it was not emailed',
    ),
});
export type ResolveResult = z.infer<typeof resolveResultSchema>;
