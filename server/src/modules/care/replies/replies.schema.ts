import { z } from 'zod';
import { timestamp } from '../../../platform/http/common.schema.ts';

// Inbound mail (docs/care.md "Replies"): what a mail provider's inbound-parse webhook posts, as JSON.

/** Longest message text taken (longer is a 400 on the field; a body beyond the route's limit is a 413). */
export const INBOUND_TEXT_MAX = 100_000;
/** The route's body limit in bytes: the text at its longest in multi-byte characters, and the headers. */
export const INBOUND_BODY_LIMIT = 512 * 1024;

const header = z.string().trim().max(998);
export const inboundMailSchema = z
  .object({
    messageId: header.min(1).describe('The Message-ID header (with or without angle brackets): received once'),
    from: header.min(1).describe('The From header: `Name <address>` or an address'),
    to: z.union([header, z.array(header).max(100)]).describe('The To header (one string or a list)'),
    subject: z.string().max(998).default(''),
    text: z.string().max(INBOUND_TEXT_MAX).default('').describe('The plain-text body'),
    inReplyTo: header.optional().describe('The In-Reply-To header'),
    references: z
      .union([z.string().max(20_000), z.array(header).max(200)])
      .optional()
      .describe('The References header (space-separated ids, or a list)'),
  })
  .strict();
export type InboundMail = z.infer<typeof inboundMailSchema>;

export const inboundResultSchema = z.object({
  matched: z.boolean().describe('Whether the message was linked to a party (logged on its timeline)'),
  duplicate: z.boolean().describe('The same Message-ID was received before: nothing new was written'),
});
export type InboundResult = z.infer<typeof inboundResultSchema>;

export const mailTokenSchema = z.object({
  token: z.string().describe('Shown once: the webhook address is /api/public/mail-inbound/{token}'),
  createdAt: timestamp,
});

export type MailToken = z.infer<typeof mailTokenSchema>;

export const mailSettingsSchema = z.object({
  tokenSet: z.boolean(),
  tokenCreatedAt: timestamp.nullable(),
});
export type MailSettings = z.infer<typeof mailSettingsSchema>;
