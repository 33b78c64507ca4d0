import { orgSettingsCache } from '../src/platform/identity/org-settings.ts';
import type { Harness } from './harness.ts';

/**
 * After a test changes an organisation's settings by SQL: waits until the app no longer holds the settings it read
 * before (the change's notification arrives at once on PGlite, moments after the commit on PostgreSQL). A read after
 * that loads them afresh, so it sees the change.
 */
export async function settingsSeen(h: Harness, orgId = h.org.orgId): Promise<void> {
  const cache = orgSettingsCache(h.db.db);
  for (let i = 0; i < 1000 && cache?.peek(orgId) !== undefined; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  if (cache?.peek(orgId) !== undefined) {
    throw new Error('the settings change was not notified within five seconds');
  }
}
