import { z } from 'zod';
import { MAX_BULK_PARTIES } from '../constants.ts';
import { partyRoleNameSchema } from '../parties.schema.ts';

// Bulk actions on selected parties (the list's selection bar): each party changes through the same service as a
// change of one party — its access rule, history and audit row — in its own transaction, so one refused row never
// undoes the others; the answer names each row's outcome.

export { MAX_BULK_PARTIES };

const reason = z.string().trim().min(1).max(1000);
export const bulkPartyActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('assign_owner'), ownerId: z.uuid().nullable(), reason: reason.optional() }).strict(),
  z.object({ kind: z.literal('assign_backup'), backupOwnerId: z.uuid().nullable() }).strict(),
  z.object({ kind: z.literal('add_tag'), tag: z.string().trim().min(1).max(50) }).strict(),
  z.object({ kind: z.literal('remove_tag'), tag: z.string().trim().min(1).max(50) }).strict(),
  z
    .object({ kind: z.literal('move_stage'), role: partyRoleNameSchema, stage: z.string().min(1).max(40), reason })
    .strict(),
  z.object({ kind: z.literal('delete') }).strict(),
]);
export type BulkPartyAction = z.infer<typeof bulkPartyActionSchema>;

export const bulkPartiesBodySchema = z
  .object({
    ids: z
      .array(z.uuid())
      .min(1)
      .max(MAX_BULK_PARTIES)
      .refine((ids) => new Set(ids).size === ids.length, 'Each party once'),
    action: bulkPartyActionSchema,
  })
  .strict();
export type BulkPartiesBody = z.infer<typeof bulkPartiesBodySchema>;

export const bulkPartyResultSchema = z.object({
  id: z.uuid(),
  status: z.enum(['changed', 'unchanged', 'failed']),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type BulkPartyResult = z.infer<typeof bulkPartyResultSchema>;

export const bulkPartiesOutcomeSchema = z
  .object({
    changed: z.number().int(),
    unchanged: z.number().int(),
    failed: z.number().int(),
    results: z.array(bulkPartyResultSchema).describe('One per id, in the order sent'),
  })
  .meta({ id: 'BulkPartiesOutcome' });
export type BulkPartiesOutcome = z.infer<typeof bulkPartiesOutcomeSchema>;
