import { z } from 'zod';
import { incentiveTypes } from '../constants.ts';
import { day, longText, moneyInput, warningSchema } from '../people.schema.ts';

export const createIncentiveSchema = z
  .object({
    type: z.enum(incentiveTypes).describe('[S1]: money, emotional, respect, communication, work, negative'),
    givenOn: day,
    note: longText.nullable().optional(),
    amount: moneyInput.nullable().optional().describe('Money incentives only (required there)'),
    givenBy: z.uuid().nullable().optional().describe('The user who gave it (default: you)'),
  })
  .strict();
export type CreateIncentive = z.infer<typeof createIncentiveSchema>;

export const incentiveSchema = z
  .object({
    id: z.uuid(),
    partyId: z.uuid(),
    type: z.enum(incentiveTypes),
    givenOn: z.string(),
    note: z.string().nullable(),
    givenBy: z.uuid().nullable(),
    amount: z.string().nullable(),
    monthlyPay: z.string().nullable().describe('Monthly pay when it was given'),
    shareOfMonthlyPay: z.number().nullable().describe('amount / monthly pay (money only)'),
    createdAt: z.string(),
  })
  .meta({ id: 'Incentive' });
export type Incentive = z.infer<typeof incentiveSchema>;

export const createdIncentiveSchema = incentiveSchema
  .extend({ warnings: z.array(warningSchema) })
  .meta({ id: 'CreatedIncentive' });

export const listIncentivesQuerySchema = z
  .object({
    type: z.enum(incentiveTypes).optional(),
    from: day.optional(),
    to: day.optional(),
  })
  .strict();
export type ListIncentivesQuery = z.infer<typeof listIncentivesQuerySchema>;
