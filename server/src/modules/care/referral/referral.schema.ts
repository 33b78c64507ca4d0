import { z } from 'zod';
import { analysisDate, pageQuerySchema, timestamp } from '../../../platform/http/common.schema.ts';
import { rewardKinds } from '../constants.ts';

const note = z.string().trim().max(1000).nullable().optional();

export const referralLinkSchema = z.object({
  partyId: z.uuid(),
  code: z.string().nullable().describe('null until one is made (POST); a GET makes none'),
  url: z.string().nullable().describe('The public landing: {publicUrl}/r/{code}'),
  referrals: z.number().int().describe('Parties this customer referred (all time)'),
  createdAt: timestamp.nullable(),
});
export type ReferralLink = z.infer<typeof referralLinkSchema>;

export const referralCodeParamsSchema = z.object({ code: z.string().min(1).max(300) }).strict();

export const publicReferralSchema = z
  .object({
    displayName: z.string().trim().min(1).max(200).describe('The referred person'),
    email: z.email().max(320).optional(),
    phone: z.string().trim().min(3).max(40).optional(),
    note,
    consentEmail: z
      .boolean()
      .optional()
      .describe('The person agrees to marketing email (recorded only for a party this landing creates)'),
  })
  .strict()
  .refine((b) => b.email || b.phone, { message: 'An email or a phone', path: ['email'] })
  .describe('Someone a customer referred, leaving their contact on the landing page');
export type PublicReferral = z.infer<typeof publicReferralSchema>;

export const recordReferralSchema = z
  .object({
    referrerId: z.uuid().describe('The customer who referred'),
    referredId: z.uuid().describe('The party they referred (create it first); gets a referred_by link'),
    note,
  })
  .strict();
export type RecordReferral = z.infer<typeof recordReferralSchema>;

export const referralSchema = z.object({
  id: z.uuid(),
  referrerId: z.uuid(),
  referredId: z.uuid(),
  source: z.enum(['link', 'manual']),
  note: z.string().nullable(),
  createdAt: timestamp,
});
export type Referral = z.infer<typeof referralSchema>;

const money = z
  .union([
    z
      .number()
      .min(0)
      .max(999_999_999_999.99)
      .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'At most 2 decimals'),
    z.string().regex(/^\d{1,12}(\.\d{1,2})?$/, 'A decimal with at most 2 decimals, e.g. 12.50'),
  ])
  .describe('A number or a decimal string (numeric money); returned as a string');

export const createRewardSchema = z
  .object({
    partyId: z.uuid().describe('Who is rewarded (usually the referrer)'),
    kind: z.enum(rewardKinds),
    amount: money,
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'An ISO 4217 code such as CNY')
      .nullable()
      .optional(),
    note,
  })
  .strict();
export type CreateReward = z.infer<typeof createRewardSchema>;

export const rewardSchema = z.object({
  id: z.uuid(),
  partyId: z.uuid(),
  partyName: z.string(),
  kind: z.enum(rewardKinds),
  amount: z.string(),
  currency: z.string().nullable(),
  note: z.string().nullable(),
  createdBy: z.uuid(),
  createdAt: timestamp,
});
export type Reward = z.infer<typeof rewardSchema>;

export const rewardsQuerySchema = pageQuerySchema.extend({ partyId: z.uuid().optional() }).strict();

export const periodQuerySchema = z
  .object({
    from: analysisDate.optional().describe('First day (UTC); default a year before `to`'),
    to: analysisDate.optional().describe('Day after the last (UTC); default today + 1'),
  })
  .strict();

export const referralSummarySchema = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number().int().describe('Referrals recorded in [from, to) whose referrer you may see'),
  referrers: z.array(
    z.object({
      partyId: z.uuid(),
      name: z.string(),
      count: z.number().int(),
      rewards: z.string().describe('Sum of rewards recorded for them in the period (all currencies as numbers)'),
    }),
  ),
  periods: z.array(z.object({ period: z.string().describe('YYYY-MM (UTC)'), count: z.number().int() })),
  note: z.string().nullable(),
});
export type ReferralSummary = z.infer<typeof referralSummarySchema>;
