import { z } from 'zod';
import { isoDate, isoDateTime } from '../../../platform/http/common.schema.ts';
import { currencySchema } from '../../commerce/index.ts';

export const concentrationQuerySchema = z
  .object({
    by: z.enum(['customer', 'owner']).default('customer'),
    from: isoDate.or(isoDateTime).optional().describe('Inclusive; default: a year before `to`'),
    to: isoDate.or(isoDateTime).optional().describe('Exclusive (a date is its UTC midnight); default: now'),
    currency: currencySchema.optional().describe('Default: the currency with the most transactions in the period'),
  })
  .strict();
export type ConcentrationQuery = z.infer<typeof concentrationQuerySchema>;

export const concentrationSchema = z.object({
  by: z.enum(['customer', 'owner']),
  from: z.string(),
  to: z.string(),
  currency: z.string().nullable(),
  n: z.number().int().describe('Parties (or owners) with revenue > 0 in the period'),
  total: z.number(),
  top20Share: z.number().describe('Revenue of the top ceil(0.2 n) / total'),
  gini: z.number().describe('Σᵢ (2i − n − 1)·xᵢ / (n · Σ x), x ascending, i from 1'),
  lorenz: z.array(z.object({ x: z.number(), y: z.number() })).describe('At most 101 points, from (0, 0)'),
  excludedTransactions: z.number().int().describe('Transactions in the period in other currencies, left out'),
  note: z.enum(['not_enough_data']).nullable(),
});
export type Concentration = z.infer<typeof concentrationSchema>;
