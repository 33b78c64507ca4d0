import { z } from 'zod';
import { isoDateTime, pageQuerySchema, timestamp, versionField } from '../../platform/http/common.schema.ts';
import {
  audienceKinds,
  DEFAULT_INVITATION_DAYS,
  DEFAULT_MIN_GROUP_SIZE,
  driverQuadrants,
  driverTags,
  gapPairings,
  MIN_GROUP_SIZE_FLOOR,
  questionTypes,
  resultGroupings,
  surveyKinds,
  surveyStatuses,
  TEXT_ANSWER_MAX,
} from './constants.ts';

export type SurveyKind = (typeof surveyKinds)[number];
export type SurveyStatus = (typeof surveyStatuses)[number];
export type QuestionType = (typeof questionTypes)[number];

const text = z.string().trim().min(1).max(2000);
export const localizedSchema = z.object({ zh: text, en: text }).strict();
export type Localized = z.infer<typeof localizedSchema>;
const key = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, _ or -, at most 40');

const option = z.object({ key, text: localizedSchema }).strict();
const scaleRange = {
  min: z.number().int().min(0).max(10),
  max: z.number().int().min(1).max(10),
  labels: z.object({ min: localizedSchema.optional(), max: localizedSchema.optional() }).strict().optional(),
};

function questionUnion<I extends z.ZodType>(id: I) {
  const base = {
    id,
    text: localizedSchema,
    required: z.boolean().default(true),
    dimension: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,40}$/)
      .optional()
      .describe('Gap dimension (e.g. quality)'),
    pairing: z.enum(gapPairings).optional().describe('Gap surveys: expected or perceived score of the dimension'),
    driver: z.enum(driverTags).optional().describe('Driver tag (Herzberg): hygiene, motivator or other'),
  };
  return z.discriminatedUnion('type', [
    z.object({ ...base, type: z.literal('scale'), ...scaleRange }).strict(),
    z.object({ ...base, type: z.literal('nps') }).strict(),
    z
      .object({
        ...base,
        type: z.literal('choice'),
        multiple: z.boolean().default(false),
        options: z.array(option).min(2).max(50),
      })
      .strict(),
    z
      .object({
        ...base,
        type: z.literal('text'),
        maxLength: z.number().int().min(1).max(TEXT_ANSWER_MAX).default(2000),
      })
      .strict(),
    z.object({ ...base, type: z.literal('matrix'), ...scaleRange, rows: z.array(option).min(1).max(50) }).strict(),
  ]);
}

export const questionInputSchema = questionUnion(key.optional().describe('Generated when omitted'));
export type QuestionInput = z.input<typeof questionInputSchema>;
export const questionSchema = questionUnion(key).meta({ id: 'SurveyQuestion' });
/** A stored question: like the input, with its id filled in. */
export type Question = z.infer<typeof questionSchema>;

export const audienceSchema = z
  .object({
    kind: z.enum(audienceKinds),
    stakeholderGroup: z.string().max(63).optional(),
    partyIds: z.array(z.uuid()).max(5000).optional(),
    segmentId: z.uuid().optional().describe('With kind segment: an active segment of the organisation'),
  })
  .strict();
export type Audience = z.infer<typeof audienceSchema>;

const questions = z.array(questionInputSchema).max(200);
export const createSurveySchema = z
  .object({
    kind: z.enum(surveyKinds),
    title: localizedSchema,
    description: localizedSchema.optional(),
    audience: audienceSchema,
    anonymous: z.boolean().default(false),
    minGroupSize: z.number().int().min(MIN_GROUP_SIZE_FLOOR).max(1000).default(DEFAULT_MIN_GROUP_SIZE),
    opensAt: isoDateTime.optional(),
    closesAt: isoDateTime.optional(),
    questions: questions.optional().describe('Omit to start from the template of the kind'),
  })
  .strict();
export type CreateSurvey = z.infer<typeof createSurveySchema>;

export const updateSurveySchema = z
  .object({
    title: localizedSchema.optional(),
    description: localizedSchema.nullable().optional(),
    audience: audienceSchema.optional(),
    anonymous: z.boolean().optional(),
    minGroupSize: z.number().int().min(MIN_GROUP_SIZE_FLOOR).max(1000).optional(),
    opensAt: isoDateTime.nullable().optional(),
    closesAt: isoDateTime.nullable().optional(),
    questions: questions.optional(),
    status: z.enum(surveyStatuses).optional(),
    version: versionField,
  })
  .strict()
  .describe('Questions, audience and anonymity change only while draft; status moves draft → open → closed');
export type UpdateSurvey = z.infer<typeof updateSurveySchema>;

export const surveySchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(surveyKinds),
    title: localizedSchema,
    description: localizedSchema.nullable(),
    audience: audienceSchema,
    anonymous: z.boolean(),
    minGroupSize: z.number().int(),
    opensAt: timestamp.nullable(),
    closesAt: timestamp.nullable(),
    status: z.enum(surveyStatuses),
    legalNextStatuses: z.array(z.enum(surveyStatuses)),
    questions: z.array(questionSchema),
    createdBy: z.uuid().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    version: z.number().int(),
  })
  .meta({ id: 'Survey' });
export type Survey = z.infer<typeof surveySchema>;

export const listSurveysQuerySchema = pageQuerySchema.extend({ status: z.enum(surveyStatuses).optional() }).strict();

export const inviteSchema = z
  .object({
    partyIds: z.array(z.uuid()).min(1).max(5000).optional(),
    audience: audienceSchema.optional(),
    expiresInDays: z.number().int().min(1).max(365).default(DEFAULT_INVITATION_DAYS),
    reissue: z
      .boolean()
      .default(false)
      .describe('Replace the links of parties invited before (their old links stop working); otherwise they keep them'),
  })
  .strict()
  .refine((v) => (v.partyIds ? 1 : 0) + (v.audience ? 1 : 0) <= 1, { message: 'Send partyIds or audience, not both' })
  .describe(
    'Invite explicit parties, an audience, or (empty body) the survey audience. Anonymous surveys: links are emailed ' +
      'and never returned; without mail they are returned unlabelled and shuffled, at least minGroupSize at a time',
  );
export type InviteInput = z.infer<typeof inviteSchema>;
export const invitationsSchema = z.object({
  items: z.array(
    z.object({
      partyId: z.uuid().nullable().describe('Null for anonymous surveys: links are not labelled with people'),
      token: z.string(),
      url: z.string(),
      expiresAt: timestamp,
      emailed: z
        .boolean()
        .describe(
          'True when the link was queued for email (mail configured and the party has an address); otherwise copy the link',
        ),
      replaced: z.boolean().describe('The party had a link before; that one no longer works'),
    }),
  ),
  alreadyAnswered: z.array(z.uuid()).describe('Named surveys only: parties that answered and got no new link'),
  summary: z.object({
    issued: z.number().int().describe('New links (first links and replacements)'),
    replaced: z.number().int(),
    kept: z.number().int().describe('Parties invited before who keep their link (nothing sent)'),
    emailed: z.number().int(),
    unreachable: z
      .number()
      .int()
      .describe('Anonymous surveys: invitees without an email address (users find the survey under My surveys)'),
  }),
});
export type Invitations = z.infer<typeof invitationsSchema>;

export const remindersSchema = z.object({
  queued: z
    .number()
    .int()
    .nullable()
    .describe('Reminders queued; null for anonymous surveys (who has answered is never shown)'),
});
export type Reminders = z.infer<typeof remindersSchema>;

export const mySurveySchema = z.object({
  id: z.uuid(),
  title: localizedSchema,
  anonymous: z.boolean(),
  closesAt: timestamp.nullable(),
  answered: z.boolean(),
});
export type MySurvey = z.infer<typeof mySurveySchema>;
export const myLinkSchema = z.object({ url: z.string(), token: z.string(), expiresAt: timestamp });
export type MyLink = z.infer<typeof myLinkSchema>;

export const tokenParamsSchema = z.object({ token: z.string().min(10).max(100) }).strict();
export const publicSurveySchema = z.object({
  title: localizedSchema,
  description: localizedSchema.nullable(),
  anonymous: z.boolean(),
  closesAt: timestamp.nullable(),
  questions: z.array(questionSchema),
});
export type PublicSurvey = z.infer<typeof publicSurveySchema>;

const answerValue = z.union([
  z.number(),
  z.string().max(TEXT_ANSWER_MAX * 4),
  z.array(z.string().max(100)).max(50),
  z.record(z.string().max(40), z.number()),
]);
export const submitResponseSchema = z
  .object({ answers: z.array(z.object({ questionId: z.string().max(40), value: answerValue }).strict()).max(400) })
  .strict();
export type SubmitResponse = z.infer<typeof submitResponseSchema>;
export type AnswerValue = z.infer<typeof answerValue>;

export const resultsQuerySchema = z.object({ groupBy: z.enum(resultGroupings).default('none') }).strict();
export type GroupBy = (typeof resultGroupings)[number];

const questionMetric = z.object({
  questionId: z.string(),
  type: z.enum(questionTypes),
  item: z.string().optional().describe('Matrix row key'),
  n: z.number().int(),
  suppressed: z.boolean().optional().describe('Fewer answers than minGroupSize: no numbers'),
  mean: z.number().nullable().optional(),
  distribution: z.record(z.string(), z.number().int()).optional(),
  nps: z.object({ score: z.number(), promoters: z.number(), passives: z.number(), detractors: z.number() }).optional(),
  csat: z.number().optional().describe('Share of 4–5 among all answers × 100 (1–5 scale)'),
  ces: z.object({ mean: z.number(), easyShare: z.number() }).optional().describe('Mean (1–7) and share of 5–7 × 100'),
  choices: z.record(z.string(), z.number().int()).optional(),
});
export const resultGroupSchema = z.object({
  key: z.string(),
  name: z.string().nullable(),
  suppressed: z.boolean(),
  n: z.number().int().optional(),
  invited: z.number().int().optional(),
  responseRate: z.number().nullable().optional().describe('Responses / invitations × 100'),
  questions: z.array(questionMetric).optional(),
  gaps: z
    .array(z.object({ dimension: z.string(), expected: z.number(), perceived: z.number(), gap: z.number() }))
    .optional(),
});
export type ResultGroup = z.infer<typeof resultGroupSchema>;
export type QuestionMetric = z.infer<typeof questionMetric>;
export const resultsSchema = z.object({
  groupBy: z.enum(resultGroupings),
  minGroupSize: z.number().int(),
  total: resultGroupSchema,
  groups: z.array(resultGroupSchema),
  groupsWithheldUntilClose: z
    .boolean()
    .describe(
      'An open anonymous survey shows only its total (it moves in steps of minGroupSize answers); groups at close',
    ),
});
export type Results = z.infer<typeof resultsSchema>;

export const driversQuerySchema = z.object({ outcome: key }).strict();
export const driversSchema = z.object({
  outcome: z.string(),
  n: z.number().int(),
  suppressed: z.boolean(),
  rSquared: z.number().nullable(),
  items: z.array(
    z.object({
      questionId: z.string(),
      driver: z.enum(driverTags).nullable(),
      r: z.number().nullable(),
      relativeWeight: z.number().nullable(),
      mean: z.number().nullable(),
      quadrant: z.enum(driverQuadrants).nullable(),
    }),
  ),
});
export type Drivers = z.infer<typeof driversSchema>;

export const textAnswersQuerySchema = z
  .object({ questionId: key.optional(), groupBy: z.enum(resultGroupings).default('none') })
  .strict();
export const textAnswersSchema = z.object({
  groups: z.array(
    z.object({
      key: z.string(),
      name: z.string().nullable(),
      suppressed: z.boolean(),
      items: z.array(
        z.object({
          questionId: z.string(),
          text: z.string(),
          partyId: z.uuid().nullable(),
          submittedAt: timestamp.nullable(),
        }),
      ),
    }),
  ),
  groupsWithheldUntilClose: z.boolean(),
});
export type TextAnswers = z.infer<typeof textAnswersSchema>;
