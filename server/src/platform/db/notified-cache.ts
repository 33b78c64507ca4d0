import type { DatabaseHandle } from './database.ts';

/**
 * Values read from the database and kept in memory while a NOTIFY channel tells every server when they change
 * (docs/architecture.md "Several servers"). Like resolved sessions (platform/auth): a value is reused only while
 * the channel is heard (a lost connection forgets everything and reads through until it is back), a load that
 * started before a change is not kept, and `forget()` drops everything (a write request through this server
 * calls it before answering, so its own next request reads afresh).
 */
export interface NotifiedCache<V> {
  /** The cached value of `key`, or `load()`'s (kept unless it is undefined or a change arrived meanwhile). */
  get(key: string, load: () => Promise<V | undefined>): Promise<V | undefined>;
  /** The cached value without loading (tests wait on it for a change made elsewhere). */
  peek(key: string): V | undefined;
  forget(): void;
  /** Stops listening. */
  close(): Promise<void>;
}

export function notifiedCache<V>(
  listen: DatabaseHandle['listen'],
  channel: string,
  opts: { ttlMs: number; max: number },
): NotifiedCache<V> {
  const values = new Map<string, { value: V; until: number }>();
  let generation = 0;
  let listening = false;
  const forget = () => {
    generation++;
    values.clear();
  };
  const stop = listen(channel, forget, (on) => {
    forget();
    listening = on;
  });
  const peek = (key: string) => {
    const hit = values.get(key);
    if (hit && hit.until <= Date.now()) {
      values.delete(key);
      return undefined;
    }
    return hit?.value;
  };
  return {
    async get(key, load) {
      const hit = listening ? peek(key) : undefined;
      if (hit !== undefined) {
        return hit;
      }
      const startedAt = generation;
      const value = await load();
      if (value !== undefined && listening && startedAt === generation) {
        if (values.size >= opts.max) {
          values.clear();
        }
        values.set(key, { value, until: Date.now() + opts.ttlMs });
      }
      return value;
    },
    peek,
    forget,
    close: stop,
  };
}
