import { z } from 'zod';
import { isoDate, timestamp } from '../../../platform/http/common.schema.ts';
import { partyKindSchema } from '../parties.schema.ts';
import { linkDirections, NETWORK_MAX_DEPTH } from './constants.ts';

const label = z.string().trim().min(1).max(100);

export const linkTypeKeySchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, 'lower-case letters, digits and _, 2–40 characters, starting with a letter');

export const partyLinkTypeSchema = z
  .object({
    key: z.string(),
    labelZh: z.string(),
    labelEn: z.string(),
    inverseLabelZh: z.string().describe('How the other end reads the link (e.g. works_at → employs)'),
    inverseLabelEn: z.string(),
    builtIn: z.boolean(),
  })
  .meta({ id: 'PartyLinkType' });
export type PartyLinkType = z.infer<typeof partyLinkTypeSchema>;
export const partyLinkTypesSchema = z.object({ items: z.array(partyLinkTypeSchema) });

export const createPartyLinkTypeSchema = z
  .object({
    key: linkTypeKeySchema,
    labelZh: label,
    labelEn: label,
    inverseLabelZh: label,
    inverseLabelEn: label,
  })
  .strict();
export type CreatePartyLinkType = z.infer<typeof createPartyLinkTypeSchema>;

export const createPartyLinkSchema = z
  .object({
    toPartyId: z.uuid(),
    type: linkTypeKeySchema.describe('A built-in or custom link type key (GET /api/party-link-types)'),
    role: z.string().trim().min(1).max(200).nullable().optional().describe('Job title for works_at; free text else'),
    from: isoDate.nullable().optional(),
    to: isoDate.nullable().optional().describe('On or after `from`'),
  })
  .strict();
export type CreatePartyLink = z.infer<typeof createPartyLinkSchema>;

/** The other end of a link: kind and name are null (and visible false) for a party the reader may not see. */
export const linkedPartySchema = z.object({
  id: z.uuid(),
  kind: partyKindSchema.nullable(),
  name: z.string().nullable(),
  visible: z.boolean(),
});

export const partyLinkSchema = z
  .object({
    id: z.uuid(),
    type: z.string(),
    role: z.string().nullable(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    direction: z.enum(linkDirections).describe('out: this party is the subject (A works_at B); in: the object'),
    other: linkedPartySchema,
    createdAt: timestamp,
  })
  .meta({ id: 'PartyLink' });
export type PartyLink = z.infer<typeof partyLinkSchema>;
export const partyLinksSchema = z.object({ items: z.array(partyLinkSchema) });

export const linkParamsSchema = z.object({ id: z.uuid(), linkId: z.uuid() }).strict();

export const networkQuerySchema = z
  .object({ depth: z.coerce.number().int().min(1).max(NETWORK_MAX_DEPTH).default(2) })
  .strict();

export const networkSchema = z
  .object({
    nodes: z.array(linkedPartySchema.extend({ depth: z.number().int() })),
    edges: z.array(z.object({ id: z.uuid(), from: z.uuid(), to: z.uuid(), type: z.string() })),
    truncated: z.boolean().describe('True when the node cap (200) was reached'),
  })
  .meta({ id: 'PartyNetwork' });
export type PartyNetwork = z.infer<typeof networkSchema>;
