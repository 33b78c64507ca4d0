import { z } from 'zod';
import { isoDateTime, pageQuerySchema, timestamp, versionField } from '../../../platform/http/common.schema.ts';
import { campaignKinds, recipientStates } from '../constants.ts';

const mergeFields = ['name', 'unsubscribe_url'] as const;
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .superRefine((s, ctx) => {
      for (const m of s.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
        if (!(mergeFields as readonly string[]).includes(m[1] ?? '')) {
          ctx.addIssue({ code: 'custom', message: `Unknown merge field {{${m[1] ?? ''}}}` });
        }
      }
    })
    .describe('Merge fields: {{name}} (the recipient), {{unsubscribe_url}} (added at the end when left out)');

export const campaignAudienceSchema = z
  .union([
    z.object({ segmentId: z.uuid() }).strict(),
    z.object({ partyIds: z.array(z.uuid()).min(1).max(10000) }).strict(),
  ])
  .describe('A value segment (its live members when sent) or named parties');

const fields = {
  name: z.string().trim().min(1).max(200),
  kind: z.enum(campaignKinds),
  commercial: z.boolean().describe('Counts toward the commercial-content cap'),
  audience: campaignAudienceSchema,
  subjectZh: text(300),
  subjectEn: text(300),
  bodyZh: text(20000),
  bodyEn: text(20000),
  scheduledAt: isoDateTime.nullable().optional().describe('When it is meant to go (shown; sending is explicit)'),
};

export const createCampaignSchema = z.object(fields).strict();
export type CreateCampaign = z.infer<typeof createCampaignSchema>;

export const updateCampaignSchema = z
  .object({
    name: fields.name.optional(),
    kind: fields.kind.optional(),
    commercial: fields.commercial.optional(),
    audience: fields.audience.optional(),
    subjectZh: fields.subjectZh.optional(),
    subjectEn: fields.subjectEn.optional(),
    bodyZh: fields.bodyZh.optional(),
    bodyEn: fields.bodyEn.optional(),
    scheduledAt: fields.scheduledAt,
    version: versionField,
  })
  .strict()
  .describe('Drafts only: a sent campaign answers 409');
export type UpdateCampaign = z.infer<typeof updateCampaignSchema>;

const countsSchema = z.object(
  Object.fromEntries(recipientStates.map((s) => [s, z.number().int()])) as Record<
    (typeof recipientStates)[number],
    z.ZodNumber
  >,
);

export const campaignSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(campaignKinds),
    commercial: z.boolean(),
    audience: campaignAudienceSchema,
    subjectZh: z.string(),
    subjectEn: z.string(),
    bodyZh: z.string(),
    bodyEn: z.string(),
    scheduledAt: timestamp.nullable(),
    status: z.enum(['draft', 'sent']),
    overrideReason: z.string().nullable(),
    sendError: z
      .string()
      .nullable()
      .describe('Why the scheduler did not send it when due (COMMERCIAL_RATIO_EXCEEDED, MAIL_NOT_CONFIGURED)'),
    sentAt: timestamp.nullable(),
    sentBy: z.uuid().nullable(),
    counts: countsSchema.describe('Recipients per state (zeros before sending)'),
    createdBy: z.uuid(),
    createdAt: timestamp,
    updatedAt: timestamp,
    version: z.number().int(),
  })
  .meta({ id: 'Campaign' });
export type Campaign = z.infer<typeof campaignSchema>;

export const sendCampaignSchema = z
  .object({
    override: z
      .object({ reason: z.string().trim().min(3).max(1000) })
      .strict()
      .optional()
      .describe('Admins only: send although the commercial cap would be exceeded (audited with the reason)'),
  })
  .strict();
export type SendCampaign = z.infer<typeof sendCampaignSchema>;

export const commercialRatioQuerySchema = z
  .object({ campaignId: z.uuid().optional().describe('What the ratio would become with this campaign') })
  .strict();

export const commercialRatioSchema = z
  .object({
    days: z.number().int(),
    total: z.number().int().describe('Messages the organisation sent (or queued) in the last 30 days'),
    commercial: z.number().int(),
    ratio: z.number().describe('commercial / total; 0 when nothing was sent'),
    cap: z.number(),
    campaignMessages: z.number().int().nullable().describe('Messages the campaign would send now'),
    ratioAfter: z.number().nullable(),
    allowed: z.boolean().describe('ratioAfter (or ratio) ≤ cap: sending is allowed without an override'),
    note: z.string().nullable(),
  })
  .meta({ id: 'CommercialRatio' });
export type CommercialRatio = z.infer<typeof commercialRatioSchema>;

export const campaignAudienceCountsSchema = z
  .object({
    audience: z.number().int().describe('Live parties the audience names now'),
    visible: z.number().int().describe('Of them, the ones the reader may see (the counts below cover these)'),
    reachable: z.number().int().describe('Would get the message: an email, not suppressed, consent granted'),
    skipped: z.object({
      noAddress: z.number().int(),
      suppressed: z.number().int(),
      unsubscribed: z.number().int().describe('Email consent withdrawn through an unsubscribe link'),
      withdrawn: z.number().int().describe('Email consent withdrawn otherwise'),
      noConsent: z.number().int().describe('Email consent never recorded (marketing mail is opt-in)'),
    }),
    note: z.string().nullable(),
  })
  .meta({ id: 'CampaignAudienceCounts' });
export type CampaignAudienceCounts = z.infer<typeof campaignAudienceCountsSchema>;

export const listCampaignsQuerySchema = pageQuerySchema;

export const recipientSchema = z.object({
  partyId: z.uuid(),
  displayName: z.string(),
  address: z.string().nullable(),
  locale: z.string().nullable(),
  state: z.enum(recipientStates),
});
export type Recipient = z.infer<typeof recipientSchema>;
export const recipientsQuerySchema = pageQuerySchema.extend({ state: z.enum(recipientStates).optional() });

export const unsubscribeQuerySchema = z.object({ token: z.string().min(1).max(500) }).strict();
export const unsubscribeBodySchema = z.object({ token: z.string().min(1).max(500) }).strict();
export const unsubscribeInfoSchema = z
  .object({
    organization: z.string(),
    channel: z.literal('email'),
    address: z.string().nullable().describe('Masked: the first letter and the domain'),
    unsubscribed: z.boolean().describe('Consent for email is withdrawn already'),
    locale: z.string().nullable(),
  })
  .meta({ id: 'UnsubscribeInfo' });
export type UnsubscribeInfo = z.infer<typeof unsubscribeInfoSchema>;
