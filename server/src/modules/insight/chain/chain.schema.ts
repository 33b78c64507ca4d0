import { z } from 'zod';
import { analysisDate } from '../../../platform/http/common.schema.ts';
import { currencySchema } from '../../commerce/index.ts';
import { chainLevels, customerMetrics, employeeMetrics } from '../constants.ts';

export const chainQuerySchema = z
  .object({
    level: z.enum(chainLevels).default('orgUnit'),
    from: analysisDate.optional().describe('Inclusive; default: 365 days before `to`'),
    to: analysisDate.optional().describe('Exclusive (its UTC midnight); default: tomorrow (today included)'),
    employeeMetric: z.enum(employeeMetrics).default('engagement'),
    customerMetric: z.enum(customerMetrics).default('nps'),
    lagMonths: z.coerce
      .number()
      .int()
      .min(-24)
      .max(24)
      .default(0)
      .describe(
        'Customer period = employee period shifted by this many months: > 0 employee leads, < 0 customer leads',
      ),
    currency: currencySchema.optional().describe('revenueGrowth only; default: the most used in the window'),
  })
  .strict();
export type ChainQuery = z.infer<typeof chainQuerySchema>;

const correlation = z.object({
  n: z.number().int(),
  ci95: z.tuple([z.number(), z.number()]).nullable().describe("Fisher's z; null below 4 units"),
});

export const chainPointSchema = z.object({
  key: z.uuid().describe('Org unit or owner (user) id'),
  name: z.string(),
  employees: z.number().int().describe("Respondents of the unit's shown employee group"),
  customers: z.number().int().describe('Customers behind the customer score'),
  employeeScore: z.number(),
  customerScore: z.number(),
});
export type ChainPoint = z.infer<typeof chainPointSchema>;

export const chainSchema = z.object({
  level: z.enum(chainLevels),
  employeeMetric: z.enum(employeeMetrics),
  customerMetric: z.enum(customerMetrics),
  lagMonths: z.number().int(),
  employeePeriod: z.object({ from: z.string(), to: z.string() }),
  customerPeriod: z.object({ from: z.string(), to: z.string() }),
  currency: z.string().nullable(),
  points: z.array(chainPointSchema),
  pearson: correlation.extend({ r: z.number().nullable() }),
  spearman: correlation.extend({ rho: z.number().nullable() }),
  benchmark: z.object({ low: z.number(), high: z.number(), source: z.string(), what: z.string() }),
  note: z.literal('correlation_not_causation').describe('Goes together with; never causes'),
  dataNote: z.enum(['not_enough_data']).nullable(),
  excludedGroups: z.number().int().describe('Org units whose employee answers were below the anonymity minimum'),
  unitsWithoutEmployeeScore: z.number().int().describe('Units (or owners) with customer data but no shown score'),
});
export type Chain = z.infer<typeof chainSchema>;
