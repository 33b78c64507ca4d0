import { z } from 'zod';
import { isoDate } from '../../platform/http/common.schema.ts';

// Query pieces every endpoint of the value analytics core shares (docs/metrics.md "Customers and value").

const knownZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const timeZoneField = z
  .string()
  .max(64)
  .refine(knownZone, { message: 'Unknown IANA time zone (e.g. Asia/Shanghai, America/New_York)' })
  .default('UTC')
  .describe('The zone whose calendar days count as purchase days (default UTC)');

export const currencyField = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, 'An ISO 4217 currency code (e.g. CNY, USD, EUR)')
  .transform((s) => s.toUpperCase())
  .optional()
  .describe('Money metrics in this currency; default: the currency with the most transactions in the window');

export const dayField = isoDate;

export const windowDaysField = z.coerce
  .number()
  .int()
  .min(1)
  .max(3650)
  .default(365)
  .describe('Length of the window in days, ending with asOf');

/** Notes on a result: `not_enough_data` when nothing was bought in the window (numbers are then zero or null). */
export const noteField = z.enum(['not_enough_data']).nullable();

export const currencyCountSchema = z.object({
  currency: z.string(),
  transactions: z.number().int(),
  revenue: z.string().describe('Net: purchases minus refunds, exact decimal'),
});
export type CurrencyCount = z.infer<typeof currencyCountSchema>;
