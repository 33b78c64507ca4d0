import { z } from 'zod';
import { pageQuerySchema, timestamp } from '../../../platform/http/common.schema.ts';
import { consentChannels, consentSources, consentStatuses } from '../constants.ts';

const note = z.string().trim().max(1000).nullable().optional();

export const putConsentSchema = z
  .object({
    consents: z
      .array(z.object({ channel: z.enum(consentChannels), status: z.enum(consentStatuses) }).strict())
      .min(1)
      .max(consentChannels.length)
      .refine((cs) => new Set(cs.map((c) => c.channel)).size === cs.length, 'Each channel once')
      .describe('The channels to set; channels left out keep their consent'),
    source: z
      .enum(consentSources.filter((s) => s !== 'unsubscribe_link') as [string, ...string[]])
      .describe('Where the consent was given or withdrawn (the one-click unsubscribe link records its own)'),
    note,
  })
  .strict();
export type PutConsent = z.infer<typeof putConsentSchema>;

export const channelConsentSchema = z.object({
  channel: z.enum(consentChannels),
  status: z.enum([...consentStatuses, 'unknown']).describe('unknown: never asked; marketing needs granted'),
  source: z.string().nullable(),
  note: z.string().nullable(),
  at: timestamp.nullable(),
  suppressed: z.boolean().describe('One of the party’s addresses on this channel is on the suppression list'),
});

export const partyConsentSchema = z
  .object({ partyId: z.uuid(), channels: z.array(channelConsentSchema) })
  .meta({ id: 'PartyConsent' });
export type PartyConsent = z.infer<typeof partyConsentSchema>;

export const createSuppressionSchema = z
  .object({
    channel: z.enum(consentChannels),
    address: z.string().trim().min(1).max(320).describe('An email (compared in lower case), a phone, a WeChat id'),
    reason: z.string().trim().max(500).nullable().optional(),
  })
  .strict();
export type CreateSuppression = z.infer<typeof createSuppressionSchema>;

export const suppressionSchema = z
  .object({
    id: z.uuid(),
    channel: z.enum(consentChannels),
    address: z.string(),
    reason: z.string().nullable(),
    createdBy: z.uuid().nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'Suppression' });
export type Suppression = z.infer<typeof suppressionSchema>;

export const listSuppressionsQuerySchema = pageQuerySchema.extend({
  channel: z.enum(consentChannels).optional(),
  q: z.string().trim().min(1).max(320).optional().describe('Part of the address'),
});
export type ListSuppressionsQuery = z.infer<typeof listSuppressionsQuerySchema>;
