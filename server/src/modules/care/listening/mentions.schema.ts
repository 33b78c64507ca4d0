import { z } from 'zod';
import { isoDateTime, pageQuerySchema, timestamp, versionField } from '../../../platform/http/common.schema.ts';
import { mentionAlertKinds, mentionSentiments, mentionSources } from '../constants.ts';

const url = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .nullable()
  .optional();

/** One mention as the API, the inbound endpoint and each CSV row give it. */
export const mentionInputSchema = z
  .object({
    channel: z.string().trim().min(1).max(60).describe('weibo, wechat, xiaohongshu, douyin, twitter, forum…'),
    author: z.string().trim().min(1).max(200),
    text: z.string().trim().min(1).max(5000),
    url,
    postedAt: isoDateTime,
    sentiment: z.enum(mentionSentiments).optional().describe('From the source; else scored by the lexicon'),
    partyId: z.uuid().nullable().optional().describe('The party who posted it, when known'),
  })
  .strict();
export type MentionInput = z.infer<typeof mentionInputSchema>;

export const mentionSchema = z.object({
  id: z.uuid(),
  channel: z.string(),
  author: z.string(),
  text: z.string(),
  url: z.string().nullable(),
  postedAt: timestamp,
  sentiment: z.enum(mentionSentiments),
  sentimentSource: z.enum(['source', 'lexicon']),
  score: z.number().int().describe('The lexicon score (0 when the source gave the sentiment)'),
  partyId: z.uuid().nullable(),
  partyName: z.string().nullable(),
  source: z.enum(mentionSources),
  createdAt: timestamp,
});
export type Mention = z.infer<typeof mentionSchema>;

export const mentionsQuerySchema = pageQuerySchema
  .extend({
    sentiment: z.enum(mentionSentiments).optional(),
    channel: z.string().trim().min(1).max(60).optional(),
    q: z.string().trim().min(1).max(200).optional().describe('Text or author contains'),
  })
  .strict();
export type MentionsQuery = z.infer<typeof mentionsQuerySchema>;

export const importMentionsSchema = z
  .object({
    csv: z
      .string()
      .min(1)
      .max(900_000)
      .describe('CSV with the header channel,author,text,url,postedAt[,sentiment] (UTF-8); at most 5,000 rows'),
  })
  .strict();

export const importResultSchema = z.object({
  imported: z.number().int(),
  negative: z.number().int(),
  alerts: z.number().int().describe('Alerts the imported mentions raised'),
});

export const alertSchema = z.object({
  id: z.uuid(),
  kind: z.enum(mentionAlertKinds),
  windowKey: z.string(),
  partyId: z.uuid().nullable(),
  partyName: z.string().nullable(),
  mentionId: z.uuid(),
  negatives: z.number().int().describe('Negative mentions in the window when it was raised'),
  taskId: z.uuid().nullable(),
  assigneeId: z.uuid().nullable(),
  assigneeName: z.string().nullable(),
  createdAt: timestamp,
});
export type MentionAlert = z.infer<typeof alertSchema>;

export const mentionSettingsSchema = z.object({
  negativeCount: z.number().int().describe('N: this many negative mentions…'),
  windowHours: z.number().int().describe('…within H hours raise an alert'),
  keySegmentId: z.uuid().nullable().describe('Members of this segment are key accounts (besides the key_account tag)'),
  assigneeId: z.uuid().nullable().describe('Who gets burst alerts’ tasks (default: the first admin)'),
  tokenSet: z.boolean(),
  tokenCreatedAt: timestamp.nullable(),
  version: z.number().int().nullable().describe('null until first saved'),
});
export type MentionSettings = z.infer<typeof mentionSettingsSchema>;

export const putMentionSettingsSchema = z
  .object({
    negativeCount: z.number().int().min(1).max(1000),
    windowHours: z.number().int().min(1).max(720),
    keySegmentId: z.uuid().nullable(),
    assigneeId: z.uuid().nullable(),
    version: versionField.nullable().describe('null the first time'),
  })
  .strict();
export type PutMentionSettings = z.infer<typeof putMentionSettingsSchema>;

export const inboundTokenSchema = z.object({
  token: z.string().describe('Shown once: send it as the X-Tandem-Token header to /api/public/mentions/inbound'),
  createdAt: timestamp,
});

export type InboundToken = z.infer<typeof inboundTokenSchema>;
