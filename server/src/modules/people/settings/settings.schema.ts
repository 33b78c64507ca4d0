import { z } from 'zod';
import { versionField } from '../../../platform/http/common.schema.ts';
import { attritionFactors, MAX_APPRAISALS_PER_YEAR } from '../constants.ts';
import { moneyInput } from '../people.schema.ts';

const share = z.number().min(0).max(1);

export const peopleSettingsSchema = z
  .object({
    maxAppraisalsPerYear: z
      .number()
      .int()
      .min(1)
      .max(MAX_APPRAISALS_PER_YEAR)
      .describe('Appraisal cycles whose periods start within any 12 months, per employee: 1 or 2, never more'),
    noticeDays: z.number().int().min(1).max(90).describe('Days between publishing criteria and opening a cycle'),
    raiseWarningShare: share.describe('A raise or money incentive below this share of monthly pay gets a warning'),
    contractWindowDays: z.number().int().min(1).max(730).describe('Contracts ending within this many days expire'),
    renewalFlagShare: share.describe('A unit is flagged below this share of expiring contracts meant to be renewed'),
    riskWindowFromMonths: z.number().int().min(0).max(600),
    riskWindowToMonths: z.number().int().min(1).max(600),
    version: z.number().int(),
  })
  .meta({ id: 'PeopleSettings' });
export type PeopleSettingsOut = z.infer<typeof peopleSettingsSchema>;

export const updatePeopleSettingsSchema = peopleSettingsSchema
  .omit({ version: true })
  .partial()
  .extend({ version: versionField })
  .strict();
export type UpdatePeopleSettings = z.infer<typeof updatePeopleSettingsSchema>;

const weightsShape = Object.fromEntries(attritionFactors.map((f) => [f, z.number().min(0).max(100)])) as Record<
  (typeof attritionFactors)[number],
  z.ZodNumber
>;

export const attritionWeightsSchema = z
  .object({
    weights: z.object(weightsShape).describe('As set (any non-negative numbers)'),
    normalised: z.object(weightsShape).describe('Scaled to sum to 100: the most each factor adds to a score'),
    defaults: z.object(weightsShape),
    version: z.number().int(),
  })
  .meta({ id: 'AttritionWeights' });
export type AttritionWeights = z.infer<typeof attritionWeightsSchema>;

export const updateAttritionWeightsSchema = z
  .object({
    weights: z.object(weightsShape).partial().strict().describe('Omitted factors keep their weight'),
    version: versionField,
  })
  .strict();
export type UpdateAttritionWeights = z.infer<typeof updateAttritionWeightsSchema>;

export const payBandSchema = z
  .object({
    grade: z.string(),
    min: z.string(),
    mid: z.string().describe('The midpoint: compa-ratio = salary / mid'),
    max: z.string(),
  })
  .meta({ id: 'PayBand' });
export type PayBand = z.infer<typeof payBandSchema>;

export const putPayBandsSchema = z
  .object({
    bands: z
      .array(
        z
          .object({ grade: z.string().trim().min(1).max(200), min: moneyInput, mid: moneyInput, max: moneyInput })
          .strict(),
      )
      .max(500)
      .describe('The whole set: grades not listed are removed'),
  })
  .strict();
export type PutPayBands = z.infer<typeof putPayBandsSchema>;
