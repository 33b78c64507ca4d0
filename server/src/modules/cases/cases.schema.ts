import { z } from 'zod';
import { pageQuerySchema, timestamp, versionField } from '../../platform/http/common.schema.ts';
import { calendarProblems, isTimeZone } from './sla/business-time.ts';
import {
  alertRuleKinds,
  alertStatuses,
  caseChannels,
  caseEventKinds,
  casePriorities,
  caseSortFields,
  caseStatuses,
  caseTypes,
  metricsGroupings,
  metricsIntervals,
  remedies,
  replyVisibilities,
  rootCauses,
  slaStates,
} from './constants.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const day = z.iso.date().describe('YYYY-MM-DD');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM (00:00–24:00)');

// ---------------------------------------------------------------------------------------------
// SLA policies
// ---------------------------------------------------------------------------------------------

export const businessHoursSchema = z
  .object({
    weekday: z.number().int().min(1).max(7).describe('ISO weekday: 1 Monday … 7 Sunday'),
    start: clock,
    end: clock,
  })
  .strict();
export type BusinessHours = z.infer<typeof businessHoursSchema>;

const target = z
  .object({
    firstResponseMinutes: z.number().int().min(1).max(525_600).describe('Business minutes to the first public reply'),
    resolveMinutes: z.number().int().min(1).max(5_256_000).describe('Business minutes to resolution'),
  })
  .strict();
export const slaTargetsSchema = z.object({ low: target, normal: target, high: target, urgent: target }).strict();
export type SlaTargets = z.infer<typeof slaTargetsSchema>;

const policyFields = {
  name: text(200),
  timeZone: z
    .string()
    .max(64)
    .refine(isTimeZone, { message: 'Unknown IANA time zone (e.g. Asia/Shanghai, America/New_York)' }),
  hours: z
    .array(businessHoursSchema)
    .min(1)
    .max(50)
    .describe('Working hours per ISO weekday; end after start (no midnight crossing; 24:00 ends a day)'),
  holidays: z.array(day).max(400).default([]).describe('Whole days off (public holidays)'),
  workdays: z
    .array(day)
    .max(400)
    .default([])
    .describe('Make-up working days (调休): worked with the Monday–Friday standard hours'),
  targets: slaTargetsSchema,
  isDefault: z.boolean().default(false).describe('The org default for cases without a policy'),
};

function checkCalendar(
  v: { hours?: BusinessHours[] | undefined; holidays?: string[] | undefined; workdays?: string[] | undefined },
  ctx: z.RefinementCtx,
) {
  for (const p of calendarProblems(v)) {
    ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
  }
}

export const createSlaPolicySchema = z.object(policyFields).strict().superRefine(checkCalendar);
export type CreateSlaPolicy = z.infer<typeof createSlaPolicySchema>;

export const updateSlaPolicySchema = z
  .object({
    name: policyFields.name.optional(),
    timeZone: policyFields.timeZone.optional(),
    hours: policyFields.hours.optional(),
    holidays: z.array(day).max(400).optional(),
    workdays: z.array(day).max(400).optional(),
    targets: slaTargetsSchema.optional(),
    isDefault: z.boolean().optional().describe('true makes it the default; the previous default loses the flag'),
    version: versionField,
  })
  .strict()
  .superRefine(checkCalendar)
  .describe('Changes apply to cases opened afterwards; due dates of existing cases stay');
export type UpdateSlaPolicy = z.infer<typeof updateSlaPolicySchema>;

export const slaPolicySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    timeZone: z.string(),
    hours: z.array(businessHoursSchema),
    holidays: z.array(z.string()),
    workdays: z.array(z.string()),
    targets: slaTargetsSchema,
    isDefault: z.boolean(),
    createdAt: timestamp,
    updatedAt: timestamp,
    version: z.number().int(),
  })
  .meta({ id: 'SlaPolicy' });
export type SlaPolicy = z.infer<typeof slaPolicySchema>;

// ---------------------------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------------------------

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
    type: z.enum(caseTypes).optional(),
    status: z.string().max(100).optional().describe('One status or several, comma-separated'),
    priority: z.enum(casePriorities).optional(),
    slaState: z.enum(slaStates).optional(),
    assigneeId: z
      .union([z.uuid(), z.literal('me')])
      .optional()
      .describe('A user, or me'),
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

// ---------------------------------------------------------------------------------------------
// Metrics
// ---------------------------------------------------------------------------------------------

export const metricsQuerySchema = z
  .object({
    from: z.iso.datetime({ offset: true }).or(day).describe('Cases created from (inclusive)'),
    to: z.iso
      .datetime({ offset: true })
      .or(day)
      .describe('Cases created before (exclusive; a date means the end of that day, UTC)'),
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

// ---------------------------------------------------------------------------------------------
// Early warning
// ---------------------------------------------------------------------------------------------

export const alertRuleSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('complaints_in_window'),
      enabled: z.boolean(),
      count: z.number().int().min(2).max(100),
      days: z.number().int().min(1).max(3650),
    })
    .strict(),
  z.object({ kind: z.literal('breached_complaint'), enabled: z.boolean() }).strict(),
  z
    .object({
      kind: z.literal('low_csat'),
      enabled: z.boolean(),
      max: z.number().int().min(1).max(4).describe('Scores at or below this'),
    })
    .strict(),
]);
export type AlertRule = z.infer<typeof alertRuleSchema>;
export const alertRulesSchema = z.object({ items: z.array(alertRuleSchema) }).meta({ id: 'AlertRules' });
export const putAlertRulesSchema = z
  .object({ items: z.array(alertRuleSchema).max(alertRuleKinds.length) })
  .strict()
  .refine((v) => new Set(v.items.map((i) => i.kind)).size === v.items.length, { message: 'One entry per rule kind' })
  .describe('Rules not listed keep their setting');
export type PutAlertRules = z.infer<typeof putAlertRulesSchema>;

export const alertSchema = z
  .object({
    id: z.uuid(),
    partyId: z.uuid(),
    partyName: z.string().nullable(),
    rule: z.enum(alertRuleKinds),
    reason: z.string(),
    caseId: z.uuid().nullable(),
    taskId: z.uuid().nullable(),
    status: z.enum(alertStatuses),
    stageNote: z.string().nullable().describe('What happened to the customer role (moved to at_risk, or why not)'),
    createdAt: timestamp,
    acknowledgedAt: timestamp.nullable(),
  })
  .meta({ id: 'Alert' });
export type Alert = z.infer<typeof alertSchema>;
export const listAlertsQuerySchema = pageQuerySchema
  .extend({ partyId: z.uuid().optional(), status: z.enum(alertStatuses).optional() })
  .strict();
export type ListAlertsQuery = z.infer<typeof listAlertsQuerySchema>;
export const updateAlertSchema = z.object({ status: z.enum(alertStatuses) }).strict();

// ---------------------------------------------------------------------------------------------
// Grievances (employee self-service)
// ---------------------------------------------------------------------------------------------

export const createGrievanceSchema = z
  .object({
    subject: text(300),
    description: text(20_000),
    anonymous: z
      .boolean()
      .default(false)
      .describe('No link to the submitter is stored anywhere; a follow-up code is returned once'),
  })
  .strict();
export type CreateGrievance = z.infer<typeof createGrievanceSchema>;
export const grievanceCreatedSchema = z.object({
  id: z.uuid().nullable().describe('Named grievances only (an anonymous submitter follows up with the code)'),
  followUpCode: z.string().nullable().describe('Anonymous only, shown once: read replies and write back with it'),
});
export type GrievanceCreated = z.infer<typeof grievanceCreatedSchema>;

export const followUpCodeParamsSchema = z.object({ code: z.string().min(10).max(100) }).strict();
export const grievanceFollowUpSchema = z.object({
  subject: z.string(),
  status: z.enum(caseStatuses),
  createdOn: day,
  messages: z.array(z.object({ from: z.enum(['submitter', 'handler']), body: z.string(), at: timestamp })),
});
export type GrievanceFollowUp = z.infer<typeof grievanceFollowUpSchema>;
export const followUpMessageSchema = z.object({ body: text(20_000) }).strict();
