import { z } from 'zod';
import { pageQuerySchema, pageSchema, timestamp } from '../../../platform/http/common.schema.ts';

import { BIN_RETENTION_DAYS } from './constants.ts';

export { BIN_RETENTION_DAYS };
export const MAX_PURGE = 500;
export const binTypes = ['party'] as const;

export const binQuerySchema = pageQuerySchema.extend({ type: z.enum(binTypes).default('party') }).strict();

export const binItemSchema = z
  .object({
    type: z.enum(binTypes),
    id: z.uuid(),
    kind: z.enum(['person', 'organization']),
    name: z.string(),
    deletedAt: timestamp,
    deletedBy: z.object({ id: z.uuid(), name: z.string().nullable() }).nullable().describe('null: not recorded'),
    purgeableFrom: timestamp.describe(`deletedAt + ${BIN_RETENTION_DAYS} days: an admin may purge it from then on`),
  })
  .meta({ id: 'BinItem' });
export type BinItem = z.infer<typeof binItemSchema>;
export const binPageSchema = pageSchema(binItemSchema).extend({ retentionDays: z.number().int() });

export const purgeBodySchema = z
  .object({
    type: z.enum(binTypes),
    ids: z.array(z.uuid()).min(1).max(MAX_PURGE),
  })
  .strict();

export const purgeOutcomeSchema = z.object({
  purged: z.array(z.uuid()),
  skipped: z
    .array(z.object({ id: z.uuid(), reason: z.enum(['not_in_bin', 'retention']) }))
    .describe('not_in_bin: unknown, live, merged or already purged; retention: deleted less than the retention ago'),
});
export type PurgeOutcome = z.infer<typeof purgeOutcomeSchema>;
