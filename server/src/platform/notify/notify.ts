import type { Db } from '../db/database.ts';
import { notificationsRepository } from './notify.repository.ts';
import type { NewNotification } from './notify.types.ts';

export type { NewNotification, NotificationKind, NotificationParams } from './notify.types.ts';
export type { NotificationRecordType, VisibleRecords } from './records.ts';

/**
 * Notifies users in the caller's transaction (the producer's change and its notification land together or not at
 * all). Idempotent per (user, dedupe key); inactive users are skipped. Returns how many rows were new.
 */
export async function notify(trx: Db, orgId: string, items: NewNotification | readonly NewNotification[]) {
  const list = Array.isArray(items) ? (items as readonly NewNotification[]) : [items as NewNotification];
  return notificationsRepository.insert(trx, orgId, list);
}
export { actorOfUser } from './notify.service.ts';
