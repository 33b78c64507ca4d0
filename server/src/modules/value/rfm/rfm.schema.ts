import { z } from 'zod';
import { MAX_INT4, pageQuerySchema } from '../../../platform/http/common.schema.ts';
import {
  currencyCountSchema,
  currencyField,
  dayField,
  noteField,
  timeZoneField,
  windowDaysField,
} from '../core.schema.ts';

const score = z.number().int().min(1).max(5);
const range = z
  .tuple([score, score])
  .refine(([lo, hi]) => lo <= hi, 'The lower score must not exceed the upper one')
  .describe('[lowest, highest] score, 1–5, both included');

export const segmentKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'Lower-case letters, digits and _ (e.g. champions)');

export const rfmRuleSchema = z
  .object({ segment: segmentKey, r: range, f: range, m: range })
  .strict()
  .meta({ id: 'RfmRule' });
export type RfmRule = z.infer<typeof rfmRuleSchema>;

export const rfmRulesSchema = z
  .object({
    rules: z
      .array(rfmRuleSchema)
      .min(1)
      .max(30)
      .describe('In order: the first rule a customer matches names its segment'),
    version: z.number().int().describe('0 while the documented defaults apply'),
    isDefault: z.boolean(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'RfmRules' });
export type RfmRules = z.infer<typeof rfmRulesSchema>;

export const putRfmRulesSchema = z
  .object({
    rules: z.array(rfmRuleSchema).min(1).max(30),
    version: z.number().int().min(0).max(MAX_INT4).describe('The version you read (0 to replace the defaults)'),
  })
  .strict();
export type PutRfmRules = z.infer<typeof putRfmRulesSchema>;

export const resetRfmRulesSchema = z
  .object({ version: z.number().int().min(0).max(MAX_INT4).describe('The version you read') })
  .strict();
export type ResetRfmRules = z.infer<typeof resetRfmRulesSchema>;

export const rfmQuerySchema = z
  .object({
    asOf: dayField.optional().describe('Last day of the window (default: today in timeZone)'),
    windowDays: windowDaysField,
    currency: currencyField,
    timeZone: timeZoneField,
  })
  .strict();
export type RfmQuery = z.infer<typeof rfmQuerySchema>;

export const rfmCustomersQuerySchema = rfmQuerySchema
  .extend({ segment: segmentKey.optional(), limit: pageQuerySchema.shape.limit, cursor: pageQuerySchema.shape.cursor })
  .strict();
export type RfmCustomersQuery = z.infer<typeof rfmCustomersQuerySchema>;

const money = z.string().describe('Exact decimal, net of refunds');

export const rfmSummarySchema = z
  .object({
    asOf: z.string(),
    windowDays: z.number().int(),
    timeZone: z.string(),
    currency: z.string().nullable(),
    customers: z.number().int().describe('Customers with a purchase in the window, in the currency'),
    revenue: money,
    excludedTransactions: z.number().int().describe('Transactions of the window in other currencies, left out'),
    currencies: z.array(currencyCountSchema),
    segments: z.array(z.object({ segment: z.string(), customers: z.number().int(), revenue: money })),
    grid: z
      .array(z.object({ r: score, f: score, customers: z.number().int(), revenue: money }))
      .describe('Customers per R × F cell (cells without customers are left out)'),
    note: noteField,
  })
  .meta({ id: 'RfmSummary' });
export type RfmSummary = z.infer<typeof rfmSummarySchema>;

export const rfmCustomerSchema = z
  .object({
    partyId: z.uuid(),
    recencyDays: z.number().int(),
    frequency: z.number().int().describe('Distinct purchase days in the window'),
    monetary: money,
    r: score,
    f: score,
    m: score,
    segment: z.string(),
  })
  .meta({ id: 'RfmCustomer' });
export type RfmCustomer = z.infer<typeof rfmCustomerSchema>;
