import type { Selectable } from 'kysely';
import type { NotificationTable } from '../db/types.ts';
import type { NotificationRecordType } from './records.ts';

export type NotificationRow = Selectable<NotificationTable>;

/** The kinds of notification; the web translates each as `notifications.kind.<kind>` with the row's params. */
export const notificationKinds = [
  'task_assigned',
  'task_due',
  'case_assigned',
  'case_breached',
  'customer_alert',
  'mention',
  'grievance_reply',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** Only what the message needs: a title or a name. Never grievance content, pay, appraisals or survey identity. */
export type NotificationParams = Record<string, string | number | null>;

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  recordType: NotificationRecordType;
  recordId: string;
  params?: NotificationParams;
  /** Unique per user: the same event notified twice (a retried job, two servers) lands once. */
  dedupeKey: string;
}
