import { z } from 'zod';
import { analysisDate, isoDate, timestamp } from '../../../platform/http/common.schema.ts';
import { currencySchema } from '../snapshots/snapshots.schema.ts';

const money = z
  .union([z.number(), z.string()])
  .refine((v) => /^\d{1,12}(\.\d{1,2})?$/.test(String(v)), {
    message: 'A decimal from 0 to 999,999,999,999.99 with at most two places',
  })
  .transform((v) => Number(v).toFixed(2));

export const putWalletSchema = z
  .object({
    currency: currencySchema,
    categories: z
      .array(
        z
          .object({
            category: z.string().trim().min(1).max(100).describe('A product category, as products name it'),
            estimatedSpend: money.describe("The customer's estimated spend in the category per year, all suppliers"),
          })
          .strict(),
      )
      .max(100)
      .refine((xs) => new Set(xs.map((x) => x.category)).size === xs.length, { message: 'A category appears twice' })
      .describe('Replaces the whole wallet; an empty list clears it'),
  })
  .strict();
export type PutWallet = z.infer<typeof putWalletSchema>;

export const walletQuerySchema = z
  .object({ asOf: analysisDate.optional().describe('Our spend over the 365 days up to this day (UTC; default today)') })
  .strict();

const share = z.number().nullable().describe('ours / estimated (null when the estimate is 0); may exceed 1');

export const walletSchema = z
  .object({
    partyId: z.uuid(),
    currency: z.string().nullable(),
    from: z.string(),
    to: z.string(),
    categories: z.array(z.object({ category: z.string(), estimatedSpend: z.string(), ourSpend: z.string(), share })),
    total: z.object({ estimatedSpend: z.string(), ourSpend: z.string(), share }),
    updatedAt: timestamp.nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'CustomerWallet' });
export type Wallet = z.infer<typeof walletSchema>;

export const walletSummaryQuerySchema = z
  .object({
    asOf: isoDate.optional(),
    currency: currencySchema.optional().describe('Default: the currency most estimates are in'),
  })
  .strict();
export type WalletSummaryQuery = z.infer<typeof walletSummaryQuerySchema>;

export const walletSummarySchema = z
  .object({
    currency: z.string().nullable(),
    from: z.string(),
    to: z.string(),
    customers: z.number().int().describe('Customers you may see with an estimate in the currency'),
    averageShare: z.number().nullable().describe('Mean of their shares (docs/metrics.md "Share of wallet")'),
    estimatedSpend: z.string(),
    ourSpend: z.string(),
    aggregateShare: z.number().nullable().describe('Σ ours / Σ estimated'),
    note: z.string().nullable(),
  })
  .meta({ id: 'WalletSummary' });
export type WalletSummary = z.infer<typeof walletSummarySchema>;
