import { z } from 'zod';
import { currencyCountSchema, currencyField, dayField, noteField, timeZoneField } from '../core.schema.ts';

export const summaryQuerySchema = z
  .object({
    from: dayField.describe('First day of the period (inclusive)'),
    to: dayField.describe('Day after the period (exclusive); a future date is cut to the end of today'),
    currency: currencyField,
    timeZone: timeZoneField,
    lapseDays: z.coerce
      .number()
      .int()
      .min(1)
      .max(3650)
      .default(365)
      .describe('A customer stays a customer this many days after a purchase (docs/metrics.md)'),
  })
  .strict();
export type SummaryQuery = z.infer<typeof summaryQuerySchema>;

const rate = z.number().nullable().describe('Percent, one decimal; null when its base is zero');

export const summarySchema = z
  .object({
    from: z.string(),
    to: z.string().describe('The end used: the asked `to`, or the end of today when that was in the future'),
    timeZone: z.string(),
    lapseDays: z.number().int(),
    customersAtStart: z.number().int().describe('S'),
    customersAtEnd: z.number().int().describe('E'),
    retained: z.number().int().describe('Customers at the start who are customers at the end'),
    acquired: z.number().int().describe('N: customers at the end who were not at the start (new or won back)'),
    wonBack: z.number().int().describe('Of the acquired, those who had bought before the period'),
    lost: z.number().int().describe('L: customers at the start who are not at the end'),
    newCustomers: z.number().int().describe('First purchase ever in the period'),
    retentionRate: rate.describe('(E − N) / S × 100'),
    churnRate: rate.describe('L / S × 100'),
    acquisitionRate: rate.describe('N / S × 100'),
    activeCustomers: z.number().int().describe('Customers with a purchase in the period'),
    repeatCustomers: z.number().int().describe('Active customers with two or more purchase days in the period'),
    repeatPurchaseRate: rate.describe('repeatCustomers / activeCustomers × 100'),
    currency: z.string().nullable(),
    revenue: z.string().describe('Net revenue in the currency (purchases minus refunds), exact decimal'),
    transactions: z.number().int().describe('Transactions of the period in the currency'),
    excludedTransactions: z.number().int().describe('Transactions of the period in other currencies, left out'),
    currencies: z.array(currencyCountSchema).describe('Every currency of the period'),
    note: noteField,
  })
  .meta({ id: 'ValueSummary' });
export type ValueSummary = z.infer<typeof summarySchema>;
