import { z } from 'zod';
import { isoDate } from '../../platform/http/common.schema.ts';

// Schema pieces every part of the people module shares.

export const shortText = z.string().trim().min(1).max(200);
export const longText = z.string().trim().max(10_000);
export const day = isoDate;

/** Money in: a non-negative number or decimal string with at most 2 decimals, within numeric(14,2). Out: a string. */
export const moneyInput = z
  .union([
    z
      .number()
      .min(0)
      .max(999_999_999_999.99)
      .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'At most 2 decimals'),
    z.string().regex(/^\d{1,12}(\.\d{1,2})?$/, 'A decimal with at most 2 decimals, e.g. 12000.50'),
  ])
  .describe('A number or a decimal string; returned as a string');

export const localizedSchema = z
  .object({ zh: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) })
  .strict();

/** A warning that does not refuse the write (a raise below the org's share of monthly pay). */
export const warningSchema = z
  .object({
    code: z.enum(['small_raise', 'no_monthly_pay']),
    message: z.string(),
    share: z.number().nullable(),
    threshold: z.number().nullable(),
  })
  .meta({ id: 'PeopleWarning' });
export type Warning = z.infer<typeof warningSchema>;
