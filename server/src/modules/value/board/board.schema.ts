import { z } from 'zod';
import { multiValue } from '../../../platform/http/common.schema.ts';
import { partyRoleNames } from '../../parties/index.ts';

// The party board's value (docs/metrics.md "Board value"): each stage column's count and totals, and the value of
// the cards on screen, in one query under the reader's visibility.

export const boardValueQuerySchema = z
  .object({
    role: z.enum(partyRoleNames).default('customer'),
    ownerId: multiValue(z.union([z.uuid(), z.literal('me')])).optional(),
    q: z.string().trim().min(1).max(200).optional(),
    ids: multiValue(z.uuid(), 500).optional().describe('The cards on screen: their own revenue and CLV'),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional()
      .describe('Revenue in this currency (default: the most used one on the board)'),
  })
  .strict();
export type BoardValueQuery = z.infer<typeof boardValueQuerySchema>;

const money = z.string().describe('Decimal, 2 places');
export const boardValueSchema = z
  .object({
    currency: z.string().nullable(),
    since: z.string().describe('Revenue counts transactions from this instant (12 months back)'),
    clvAsOf: z.string().nullable().describe('The value snapshot CLV comes from; null: no CLV yet'),
    columns: z.array(
      z.object({
        stage: z.string(),
        count: z.number().int(),
        revenue: money,
        clv: money.nullable().describe('Sum over the cards with a CLV; null when none has one'),
        clvCustomers: z.number().int(),
      }),
    ),
    cards: z.array(z.object({ partyId: z.uuid(), stage: z.string(), revenue: money, clv: money.nullable() })),
    note: z.enum(['not_enough_data']).nullable(),
  })
  .meta({ id: 'BoardValue' });
export type BoardValue = z.infer<typeof boardValueSchema>;
