import { z } from 'zod';
import { isoDateTime, pageQuerySchema, timestamp } from '../http/common.schema.ts';

export const auditEntrySchema = z
  .object({
    id: z.string(),
    actorId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    actorType: z.enum(['user', 'token', 'system', 'anonymous']),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    at: timestamp,
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const listAuditQuerySchema = pageQuerySchema
  .extend({
    entityType: z.string().max(64).optional(),
    entityId: z.string().max(100).optional(),
    actorId: z.uuid().optional(),
    action: z.string().max(64).optional(),
    from: isoDateTime.optional(),
    to: isoDateTime.optional(),
  })
  .strict();

const day = z.iso.date();
export const dailyCountsQuerySchema = z
  .object({ from: day, to: day })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
export const dailyCountSchema = z.object({ day, action: z.string(), count: z.number().int() });
