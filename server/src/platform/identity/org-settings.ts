import type { DatabaseHandle, Db } from '../db/database.ts';
import { notifiedCache, type NotifiedCache } from '../db/notified-cache.ts';

export type OrgSettings = Record<string, unknown>;

/**
 * Organisation settings are read by every access condition (the customer visibility, docs/domain.md "Access"), so a
 * server keeps them in memory instead of asking on every request. Any change to an organisation's settings, from any
 * server, the CLI or SQL, sends `tandem_settings` at its commit (migration 0029's trigger); every server forgets them
 * then. At most a minute old even so, as a bound on what a fault we did not foresee could keep.
 */
export const SETTINGS_CHANNEL = 'tandem_settings';
const SETTINGS_TTL_MS = 60_000;

// One cache per database object (apps sharing a PGlite handle share it); a transaction is another object, so reads
// inside one always go to the database and see the transaction's own view.
const shared = new WeakMap<Db, { cache: NotifiedCache<OrgSettings>; users: number }>();

/** The cache of `db`'s organisation settings while an app uses it (none: every read asks the database). */
export function orgSettingsCache(db: Db): NotifiedCache<OrgSettings> | undefined {
  return shared.get(db)?.cache;
}

/** Starts (or joins) the settings cache of the app's database; the returned function leaves it (the app's close). */
export function useOrgSettingsCache(database: DatabaseHandle): {
  cache: NotifiedCache<OrgSettings>;
  release: () => Promise<void>;
} {
  let entry = shared.get(database.db);
  if (!entry) {
    entry = {
      cache: notifiedCache<OrgSettings>(database.listen, SETTINGS_CHANNEL, { ttlMs: SETTINGS_TTL_MS, max: 10_000 }),
      users: 0,
    };
    shared.set(database.db, entry);
  }
  const own = entry;
  own.users++;
  let released = false;
  return {
    cache: own.cache,
    release: async () => {
      if (released) {
        return;
      }
      released = true;
      own.users--;
      if (own.users === 0 && shared.get(database.db) === own) {
        shared.delete(database.db);
        await own.cache.close();
      }
    },
  };
}
