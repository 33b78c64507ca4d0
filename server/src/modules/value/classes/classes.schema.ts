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
import { costClasses, loyaltyClasses } from './constants.ts';

export { costClasses, loyaltyClasses };

const money = z.string().regex(/^-?\d{1,12}(\.\d{1,2})?$/, 'A decimal with at most 2 decimals, e.g. 12.50');
const cost = money.refine((s) => !s.startsWith('-'), 'Must not be negative');

export const classSettingsSchema = z
  .object({
    grossMargin: z.number().min(0).max(1).describe('Share of net revenue that is gross profit, 0–1 (default 1)'),
    interactionCost: cost.describe('Cost of one inbound or outbound interaction, in the analysis currency'),
    caseCost: cost.describe('Cost of handling one case (grievances excluded)'),
    includeRemedyCost: z.boolean().describe("Add the cases' remedy costs to the cost to serve"),
    loyalMinPurchaseDays: z.number().int().min(1).max(3650).describe('Loyal: at least this many purchase days'),
    highProfitMin: money.nullable().describe('High profit: at least this (null: the median of the customers)'),
    highRevenueMin: money.nullable().describe('High revenue: at least this (null: the median)'),
    highCostMin: money.nullable().describe('High cost to serve: at least this (null: the median)'),
  })
  .strict()
  .meta({ id: 'ValueClassSettings' });
export type ClassSettings = z.infer<typeof classSettingsSchema>;

export const classSettingsReplySchema = z
  .object({
    settings: classSettingsSchema,
    version: z.number().int().describe('0 while the documented defaults apply'),
    isDefault: z.boolean(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'ValueClassSettingsReply' });
export type ClassSettingsReply = z.infer<typeof classSettingsReplySchema>;

export const putClassSettingsSchema = z
  .object({
    settings: classSettingsSchema,
    version: z.number().int().min(0).max(MAX_INT4).describe('The version you read (0 to replace the defaults)'),
  })
  .strict();
export type PutClassSettings = z.infer<typeof putClassSettingsSchema>;

export const classesQuerySchema = z
  .object({
    asOf: dayField.optional().describe('Last day of the window (default: today in timeZone)'),
    windowDays: windowDaysField,
    currency: currencyField,
    timeZone: timeZoneField,
  })
  .strict();
export type ClassesQuery = z.infer<typeof classesQuerySchema>;

export const classCustomersQuerySchema = classesQuerySchema
  .extend({
    class: z.enum([...loyaltyClasses, ...costClasses]).optional(),
    limit: pageQuerySchema.shape.limit,
    cursor: pageQuerySchema.shape.cursor,
  })
  .strict();
export type ClassCustomersQuery = z.infer<typeof classCustomersQuerySchema>;

const amount = z.string().describe('Exact decimal');
const classRow = <T extends readonly [string, ...string[]]>(classes: T) =>
  z.object({
    class: z.enum(classes),
    customers: z.number().int(),
    revenue: amount,
    costToServe: amount,
    profit: amount,
  });

export const classesSummarySchema = z
  .object({
    asOf: z.string(),
    windowDays: z.number().int(),
    timeZone: z.string(),
    currency: z.string().nullable(),
    customers: z.number().int(),
    thresholds: z
      .object({
        loyalMinPurchaseDays: z.number().int(),
        highProfitMin: amount.nullable(),
        highRevenueMin: amount.nullable(),
        highCostMin: amount.nullable(),
      })
      .describe('The thresholds used: the settings, with medians filled in'),
    settings: classSettingsSchema,
    loyaltyProfitability: z.array(classRow(loyaltyClasses)),
    revenueCost: z.array(classRow(costClasses)),
    excludedTransactions: z.number().int(),
    currencies: z.array(currencyCountSchema),
    note: noteField,
  })
  .meta({ id: 'ValueClasses' });
export type ClassesSummary = z.infer<typeof classesSummarySchema>;

export const classCustomerSchema = z
  .object({
    partyId: z.uuid(),
    frequency: z.number().int(),
    revenue: amount,
    costToServe: amount,
    profit: amount,
    loyaltyClass: z.enum(loyaltyClasses),
    costClass: z.enum(costClasses),
  })
  .meta({ id: 'ValueClassCustomer' });
export type ClassCustomer = z.infer<typeof classCustomerSchema>;
