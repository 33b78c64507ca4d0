import { z } from 'zod';
import { timestamp, versionField } from '../http/common.schema.ts';
import { webhookEventFilters } from './event-types.ts';
import { urlProblem } from './address.ts';

const url = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .superRefine((value, ctx) => {
    const problem = urlProblem(value);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem });
    }
  });
const events = z
  .array(z.enum(webhookEventFilters as [string, ...string[]]))
  .max(webhookEventFilters.length)
  .refine((list) => new Set(list).size === list.length, 'Each event once');

export const createWebhookSchema = z
  .object({
    url,
    description: z.string().trim().max(200).default(''),
    events: events.default([]),
    enabled: z.boolean().default(true),
    allowPrivate: z.boolean().default(false),
  })
  .strict();
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

export const updateWebhookSchema = z
  .object({
    url: url.optional(),
    description: z.string().trim().max(200).optional(),
    events: events.optional(),
    enabled: z.boolean().optional(),
    allowPrivate: z.boolean().optional(),
    version: versionField,
  })
  .strict();
export type UpdateWebhookInput = z.infer<typeof updateWebhookSchema>;

export const webhookSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.string()),
  enabled: z.boolean(),
  disabledReason: z.string().nullable(),
  allowPrivate: z.boolean(),
  /** Until when the previous secret still signs (after a rotation), or null. */
  previousSecretUntil: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  version: z.number().int(),
});
export type Webhook = z.infer<typeof webhookSchema>;

/** Create and rotate answer the secret, once: it is never shown again. */
export const webhookWithSecretSchema = webhookSchema.extend({ secret: z.string() });
export type WebhookWithSecret = z.infer<typeof webhookWithSecretSchema>;

export const webhookDeliverySchema = z.object({
  id: z.uuid(),
  /** The message id (webhook-id header): the same on every attempt of one message. */
  eventId: z.string(),
  type: z.string(),
  eventStatus: z.enum(['pending', 'delivered', 'failed']),
  trigger: z.enum(['auto', 'replay', 'ping']),
  attempt: z.number().int(),
  ok: z.boolean(),
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  latencyMs: z.number().int(),
  responseExcerpt: z.string().nullable(),
  at: timestamp,
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

/** Newest first; the cursor is the last attempt's time and id as the server wrote them. */
export const deliveriesQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z_[0-9a-f-]{36}$/, 'Not a cursor of this list')
      .optional(),
  })
  .strict();

/** The endpoint list takes the table's paging parameters; an organisation has few endpoints, so it is one page. */
export const webhooksQuerySchema = z
  .object({ limit: z.coerce.number().int().min(1).max(500).optional(), cursor: z.string().max(500).optional() })
  .strict();
