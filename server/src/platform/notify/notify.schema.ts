import { z } from 'zod';
import { timestamp } from '../http/common.schema.ts';
import { notificationRecordTypes } from './records.ts';
import { notificationKinds } from './notify.types.ts';

export const listNotificationsQuerySchema = z
  .object({
    unread: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(30),
    cursor: z.string().max(500).optional(),
  })
  .strict();

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(notificationKinds),
  recordType: z.enum(notificationRecordTypes),
  recordId: z.uuid(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  createdAt: timestamp,
  readAt: timestamp.nullable(),
});

export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  nextCursor: z.string().nullable(),
});

export const notificationCountSchema = z.object({ unread: z.number().int() });
export const readAllResultSchema = z.object({ updated: z.number().int() });

export const notificationSettingsSchema = z.object({
  emailDigest: z.boolean(),
  /** Whether the instance can send mail at all (the digest is only sent when it can). */
  mailConfigured: z.boolean(),
  lastDigestOn: z.string().nullable(),
});
export const putNotificationSettingsSchema = z.object({ emailDigest: z.boolean() }).strict();

export type Notification = z.infer<typeof notificationSchema>;
export type NotificationPage = z.infer<typeof notificationPageSchema>;
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;
export type ListNotificationsQuery = z.infer<typeof listNotificationsQuerySchema>;
