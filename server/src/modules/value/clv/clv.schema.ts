import { z } from 'zod';
import { isoDate, pageQuerySchema, pageSchema, timestamp } from '../../../platform/http/common.schema.ts';
import { currencySchema } from '../../commerce/index.ts';

// Probabilistic and simple CLV (docs/metrics.md "CLV, simple", "CLV, probabilistic"). Numbers at full precision.

export const clvTimeUnits = ['day', 'week'] as const;

export const fitInputSchema = z
  .object({
    asOf: isoDate.describe('Transactions up to this UTC date (inclusive) are the calibration data; not after today'),
    timeUnit: z.enum(clvTimeUnits).default('week'),
    currency: currencySchema.optional().describe('Default: the currency with the most transactions up to asOf'),
    background: z.boolean().default(false).describe('Run as a job even when the org is small (202 with the fit)'),
  })
  .strict();
export type FitInput = z.infer<typeof fitInputSchema>;

const bgnbdSchema = z.object({
  r: z.number(),
  alpha: z.number().describe('In the time unit'),
  a: z.number(),
  b: z.number(),
  logLikelihood: z.number(),
  customers: z.number().int(),
});
const gammaGammaSchema = z.object({
  p: z.number(),
  q: z.number(),
  gamma: z.number(),
  logLikelihood: z.number(),
  customers: z.number().int().describe('Repeat buyers the spend model was fitted on'),
});

export const clvModelSchema = z.object({
  fitId: z.uuid(),
  asOf: z.string(),
  timeUnit: z.enum(clvTimeUnits),
  currency: z.string(),
  bgnbd: bgnbdSchema,
  gammaGamma: gammaGammaSchema,
  frequencySpendCorrelation: z
    .number()
    .nullable()
    .describe('Correlation of x and the mean repeat amount: Gamma-Gamma assumes it is near 0'),
  excludedTransactions: z.number().int().describe('Transactions up to asOf in other currencies, left out'),
  diagnostics: z
    .array(z.object({ repeatPurchases: z.string(), actual: z.number().int(), expected: z.number() }))
    .describe('Customers per number of repeat purchase days: actual vs the model'),
  fitMillis: z.number().int(),
  fittedAt: timestamp,
});
export type ClvModel = z.infer<typeof clvModelSchema>;

export const clvFitSchema = z.object({
  id: z.uuid(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  asOf: z.string(),
  timeUnit: z.enum(clvTimeUnits),
  currency: z.string(),
  requestedAt: timestamp,
  finishedAt: timestamp.nullable(),
  error: z.object({ reason: z.string(), message: z.string() }).nullable(),
  model: clvModelSchema.nullable(),
});
export type ClvFit = z.infer<typeof clvFitSchema>;

export const modelQuerySchema = z.object({ currency: currencySchema.optional() }).strict();

export const clvCustomersQuerySchema = pageQuerySchema
  .extend({
    currency: currencySchema.optional().describe("The model's currency (default: the latest model)"),
    horizonMonths: z.coerce.number().int().min(1).max(120).default(12),
    annualDiscountRate: z.coerce.number().min(0).max(1).default(0.1),
    sort: z.enum(['clv', '-clv']).default('-clv').describe('By CLV, descending (-clv, the default) or ascending'),
  })
  .strict();
export type ClvCustomersQuery = z.infer<typeof clvCustomersQuerySchema>;

export const clvCustomerSchema = z.object({
  partyId: z.uuid(),
  x: z.number().int(),
  tx: z.number(),
  T: z.number(),
  pAlive: z.number(),
  expectedPurchases: z.number().describe('Expected purchase days over the horizon'),
  expectedSpend: z.number().describe('Expected amount of one future purchase day (Gamma-Gamma)'),
  clv: z.number(),
});
export type ClvCustomer = z.infer<typeof clvCustomerSchema>;
export const clvCustomersPageSchema = pageSchema(clvCustomerSchema).extend({
  fitId: z.uuid(),
  asOf: z.string(),
  currency: z.string(),
});
export type ClvCustomersPage = z.infer<typeof clvCustomersPageSchema>;

export const simpleClvQuerySchema = z
  .object({
    asOf: isoDate.optional().describe('Default: today (UTC)'),
    currency: currencySchema.optional(),
    grossMargin: z.coerce.number().min(0).max(1).default(1).describe('1 gives a revenue CLV'),
  })
  .strict();
export type SimpleClvQuery = z.infer<typeof simpleClvQuerySchema>;

export const simpleClvSchema = z.object({
  asOf: z.string(),
  currency: z.string().nullable(),
  customers: z.number().int().describe('Customers with a purchase day in the year up to asOf'),
  priorCustomers: z.number().int().describe('Customers with a purchase day in the year before'),
  averageOrderValue: z.number().nullable().describe('Net amount per purchase day'),
  purchasesPerYear: z.number().nullable().describe('Purchase days per customer in the year'),
  annualChurnRate: z.number().nullable(),
  expectedLifetimeYears: z.number().nullable(),
  grossMargin: z.number(),
  clv: z.number().nullable(),
  excludedTransactions: z.number().int(),
  note: z.enum(['not_enough_data', 'no_churn']).nullable(),
});
export type SimpleClv = z.infer<typeof simpleClvSchema>;
