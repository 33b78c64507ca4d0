import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';

/** What a notification points at. Each type is registered by the module that owns those records. */
export const notificationRecordTypes = ['party', 'task', 'case', 'grievance'] as const;
export type NotificationRecordType = (typeof notificationRecordTypes)[number];

/** A module's answer to "which of these records may this user still read?" (its own access rules, in SQL). */
export type VisibleRecords = (db: Db, actor: Actor, ids: readonly string[]) => Promise<Set<string>>;

/**
 * The record types notifications point at, each with its owner's visibility check. Platform never imports a module:
 * modules register here (like timeline sources), and the notification reads ask before showing a row. A type nobody
 * registered is treated as unreadable, so a missing registration hides notifications rather than leaking records.
 */
export class NotificationRecords {
  readonly #sources = new Map<NotificationRecordType, VisibleRecords>();

  register(type: NotificationRecordType, visible: VisibleRecords): void {
    if (this.#sources.has(type)) {
      throw new Error(`Notification record type registered twice: ${type}`);
    }
    this.#sources.set(type, visible);
  }

  /** `type:id` of every record of `refs` the actor may read. */
  async visible(db: Db, actor: Actor, refs: readonly { type: string; id: string }[]): Promise<Set<string>> {
    const out = new Set<string>();
    const byType = new Map<string, string[]>();
    for (const r of refs) {
      byType.set(r.type, [...(byType.get(r.type) ?? []), r.id]);
    }
    for (const [type, ids] of byType) {
      const source = this.#sources.get(type as NotificationRecordType);
      if (source) {
        for (const id of await source(db, actor, [...new Set(ids)])) {
          out.add(`${type}:${id}`);
        }
      }
    }
    return out;
  }
}
