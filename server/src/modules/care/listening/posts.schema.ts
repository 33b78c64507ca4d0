import { z } from 'zod';
import { analysisDate, isoDateTime, timestamp, versionField } from '../../../platform/http/common.schema.ts';
import { commercialRatioSchema } from '../campaigns/campaigns.schema.ts';
import { postStatuses } from '../constants.ts';

const override = z
  .object({ reason: z.string().trim().min(3).max(1000) })
  .strict()
  .optional()
  .describe('Admins only: plan a commercial post above the cap, with a reason (audited)');

const fields = {
  channel: z.string().trim().min(1).max(60).describe('weibo, wechat, xiaohongshu, douyin…'),
  ownerId: z.uuid().describe('The user who publishes it'),
  scheduledAt: isoDateTime,
  commercial: z.boolean().describe('Counts toward the commercial-content cap'),
  text: z.string().trim().min(1).max(5000),
};

export const createPostSchema = z.object({ ...fields, override }).strict();
export type CreatePost = z.infer<typeof createPostSchema>;

export const updatePostSchema = z
  .object({
    channel: fields.channel.optional(),
    ownerId: fields.ownerId.optional(),
    scheduledAt: fields.scheduledAt.optional(),
    commercial: fields.commercial.optional(),
    text: fields.text.optional(),
    status: z.enum(postStatuses).optional(),
    override,
    version: versionField,
  })
  .strict();
export type UpdatePost = z.infer<typeof updatePostSchema>;

export const postSchema = z.object({
  id: z.uuid(),
  channel: z.string(),
  ownerId: z.uuid(),
  ownerName: z.string().nullable(),
  scheduledAt: timestamp,
  commercial: z.boolean(),
  text: z.string(),
  status: z.enum(postStatuses),
  overrideReason: z.string().nullable(),
  createdBy: z.uuid(),
  createdAt: timestamp,
  updatedAt: timestamp,
  version: z.number().int(),
});
export type Post = z.infer<typeof postSchema>;

export const postsQuerySchema = z
  .object({
    from: analysisDate.optional().describe('First day (UTC); default 30 days ago'),
    to: analysisDate.optional().describe('Day after the last (UTC); default 60 days ahead'),
    status: z.enum(postStatuses).optional(),
  })
  .strict();

export const postRatioSchema = commercialRatioSchema.extend({
  posts: z.number().int().describe('Planned and published posts counted (scheduled from 30 days ago on)'),
  commercialPosts: z.number().int(),
});
export type PostRatio = z.infer<typeof postRatioSchema>;

export const postsSchema = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(postSchema),
  ratio: postRatioSchema.describe('The commercial share now, posts included (docs/metrics.md)'),
});
