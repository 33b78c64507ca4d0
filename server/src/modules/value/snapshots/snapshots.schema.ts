import { z } from 'zod';
import { isoDate, timestamp } from '../../../platform/http/common.schema.ts';

export const currencySchema = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'An ISO 4217 code such as CNY')
  .transform((s) => s.toUpperCase());

export const createSnapshotSchema = z
  .object({
    asOf: isoDate.optional().describe('The day the snapshot is as of (UTC; default today); not in the future'),
    currency: currencySchema
      .optional()
      .describe('Default: the currency most transactions of the window are in; other currencies are left out'),
    windowDays: z.number().int().min(1).max(3650).default(365).describe('RFM window, ending with the as-of day'),
  })
  .strict();
export type CreateSnapshot = z.infer<typeof createSnapshotSchema>;

export const snapshotRunSchema = z
  .object({
    id: z.uuid(),
    asOf: z.string(),
    currency: z.string(),
    windowDays: z.number().int(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    customers: z.number().int().nullable().describe('Customers with a purchase up to the as-of day'),
    scored: z.number().int().nullable().describe('Of them, customers with a purchase in the window (RFM-scored)'),
    leftOutTransactions: z.number().int().nullable().describe('Transactions in other currencies, left out'),
    error: z.string().nullable(),
    requestedBy: z.uuid().nullable().describe('Null for the nightly run'),
    createdAt: timestamp,
    startedAt: timestamp.nullable(),
    finishedAt: timestamp.nullable(),
  })
  .meta({ id: 'ValueSnapshotRun' });
export type SnapshotRun = z.infer<typeof snapshotRunSchema>;

export const snapshotRunListSchema = z.object({ items: z.array(snapshotRunSchema) });

export const customerValueSchema = z
  .object({
    asOf: z.string(),
    currency: z.string(),
    firstPurchaseOn: z.string(),
    lastPurchaseOn: z.string(),
    purchaseDays: z.number().int(),
    recencyDays: z.number().int(),
    frequency: z.number().int(),
    monetary: z.string(),
    r: z.number().int().nullable(),
    f: z.number().int().nullable(),
    m: z.number().int().nullable(),
    rfmSegment: z.string().nullable(),
    valueClass: z.string().nullable(),
    clv: z.string().nullable(),
  })
  .meta({ id: 'CustomerValue' });
export type CustomerValue = z.infer<typeof customerValueSchema>;

export const partyValueSchema = z
  .object({
    partyId: z.uuid(),
    value: customerValueSchema.nullable().describe("The customer's row in the latest value snapshot"),
    note: z.string().nullable().describe('Why there is no value: no snapshot yet, or no purchase up to its day'),
  })
  .meta({ id: 'PartyValue' });
export type PartyValue = z.infer<typeof partyValueSchema>;
