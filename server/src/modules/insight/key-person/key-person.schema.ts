import { z } from 'zod';
import { analysisDate } from '../../../platform/http/common.schema.ts';
import { currencySchema } from '../../commerce/index.ts';

export const keyPersonQuerySchema = z
  .object({
    asOf: analysisDate.optional().describe('The last day of the trailing 365 days (included); default: today (UTC)'),
    currency: currencySchema.optional().describe('Default: the currency with the most transactions in the window'),
  })
  .strict();
export type KeyPersonQuery = z.infer<typeof keyPersonQuerySchema>;

const attritionSchema = z.object({ score: z.number(), band: z.string() }).nullable();

export const keyPersonOwnerSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  active: z.boolean(),
  partyId: z.uuid().nullable().describe('The employee party linked to the user'),
  orgUnitId: z.uuid().nullable(),
  customers: z.number().int().describe('Live customers owned'),
  customersWithBackup: z.number().int().describe('Of those, with an active backup owner other than the owner'),
  revenue: z.number().describe('Trailing-365-day revenue R of the customers owned'),
  revenueShare: z.number().describe('s = R / the organisation’s trailing revenue'),
  backupCoverage: z.number().describe('c = share of R from customers with an active backup owner'),
  exposure: z.number().describe('s × (1 − c)'),
  attritionRisk: attritionSchema.describe('From the people module; null until scored'),
  keyPersonRisk: z.number().nullable().describe('exposure × attrition score / 100'),
});
export type KeyPersonOwner = z.infer<typeof keyPersonOwnerSchema>;

export const keyPersonSchema = z.object({
  asOf: z.string(),
  from: z.string(),
  to: z.string(),
  currency: z.string().nullable(),
  orgRevenue: z.number(),
  owners: z.array(keyPersonOwnerSchema),
  concentration: z
    .object({ n: z.number().int(), top20Share: z.number(), gini: z.number() })
    .nullable()
    .describe('Over owners with revenue > 0 (value’s measures); null for a manager, who sees only their owners'),
  unownedRevenue: z.number().nullable().describe('Revenue of customers without an owner (org-wide readers only)'),
  note: z.enum(['not_enough_data']).nullable(),
});
export type KeyPerson = z.infer<typeof keyPersonSchema>;

export const simulateBodySchema = z
  .object({
    userIds: z.array(z.uuid()).min(1).max(200),
    asOf: analysisDate.optional(),
    currency: currencySchema.optional(),
  })
  .strict();
export type SimulateBody = z.infer<typeof simulateBodySchema>;

const lossSchema = z.object({ customers: z.number().int(), revenue: z.number() });
export const simulateSchema = z.object({
  userIds: z.array(z.uuid()),
  asOf: z.string(),
  currency: z.string().nullable(),
  orgRevenue: z.number(),
  uncovered: lossSchema.extend({ revenueShare: z.number() }).describe('Left without an owner or an active backup'),
  coveredByBackup: lossSchema.describe('Owned by them, kept by an active backup owner who stays'),
  bySegment: z.array(lossSchema.extend({ segment: z.string().nullable() })).describe('Uncovered, by RFM segment'),
  customers: z
    .array(
      z.object({
        partyId: z.uuid(),
        name: z.string(),
        ownerId: z.uuid(),
        revenue: z.number(),
        segment: z.string().nullable(),
      }),
    )
    .describe('The uncovered customers, highest revenue first (at most 500)'),
  note: z.enum(['not_enough_data']).nullable(),
});
export type Simulate = z.infer<typeof simulateSchema>;

export const backupsBodySchema = z
  .object({
    assignments: z
      .array(z.object({ partyId: z.uuid(), backupOwnerId: z.uuid().nullable() }).strict())
      .min(1)
      .max(500),
  })
  .strict();
export type BackupsBody = z.infer<typeof backupsBodySchema>;
export const backupsSchema = z.object({ changed: z.number().int(), unchanged: z.number().int() });
