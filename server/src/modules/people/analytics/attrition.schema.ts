import { z } from 'zod';
import { analysisDate } from '../../../platform/http/common.schema.ts';
import { attritionFactors, riskBands } from '../constants.ts';

export const attritionQuerySchema = z
  .object({
    orgUnitId: z.uuid().optional(),
    band: z.enum(riskBands).optional(),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();
export type AttritionQuery = z.infer<typeof attritionQuerySchema>;

const factor = z.object({
  key: z.enum(attritionFactors),
  contribution: z.number().describe("Points of the score (the factor's normalised weight × its risk in [0, 1])"),
  risk: z.number().describe("The factor's risk in [0, 1]"),
  detail: z.string().describe('What the factor saw, in plain words'),
});
export type AttritionFactorOut = z.infer<typeof factor>;

const weights = z.record(z.enum(attritionFactors), z.number());

export const attritionItemSchema = z.object({
  partyId: z.uuid(),
  name: z.string(),
  orgUnitId: z.uuid().nullable(),
  score: z.number().describe('0–100: the sum of the contributions'),
  band: z.enum(riskBands),
  factors: z.array(factor),
});
export type AttritionItem = z.infer<typeof attritionItemSchema>;

export const attritionPageSchema = z
  .object({
    items: z.array(attritionItemSchema),
    nextCursor: z.string().nullable(),
    weights: weights.describe('The normalised weights used (sum 100)'),
    asOf: z.string(),
  })
  .meta({ id: 'AttritionRiskPage' });
export type AttritionPage = z.infer<typeof attritionPageSchema>;

export const backtestQuerySchema = z
  .object({ asOf: analysisDate.describe('End of the 12 months of actual leavers (default: today)').optional() })
  .strict();
export type BacktestQuery = z.infer<typeof backtestQuerySchema>;

export const backtestSchema = z
  .object({
    asOf: z.string(),
    scoredOn: z.string().describe('12 months before asOf: the day everyone was scored, with data up to then'),
    population: z.number().int().describe('Employed on scoredOn'),
    leavers: z.number().int().describe('Of them, separated in the 12 months after scoredOn'),
    topBandSize: z.number().int().describe('Of the population, scored in the high band'),
    leaversInTopBand: z.number().int(),
    share: z.number().describe('leaversInTopBand / leavers × 100 (0 without leavers)'),
    topBandShare: z.number().describe('topBandSize / population × 100: what share a random pick would reach'),
    note: z.string().nullable(),
  })
  .meta({ id: 'AttritionBacktest' });
export type Backtest = z.infer<typeof backtestSchema>;

export const renewalsQuerySchema = z
  .object({ withinDays: z.coerce.number().int().min(1).max(3660).optional() })
  .strict();
export type RenewalsQuery = z.infer<typeof renewalsQuerySchema>;

export const renewalsSchema = z
  .object({
    withinDays: z.number().int(),
    flagShare: z.number().describe('A unit is flagged when share < this (setting renewalFlagShare)'),
    items: z.array(
      z.object({
        orgUnitId: z.uuid().nullable(),
        name: z.string().nullable(),
        expiring: z.number().int(),
        withIntent: z.number().int().describe("Expiring contracts whose renewal intent is 'renew'"),
        share: z.number().describe('withIntent / expiring'),
        flagged: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'ContractRenewals' });
export type Renewals = z.infer<typeof renewalsSchema>;
