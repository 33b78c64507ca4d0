import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

/**
 * A time-ordered id (UUIDv7, RFC 9562: a millisecond timestamp, then random bits) for rows written in bulk. Rows an
 * import creates one after another get ids in ascending order, so every index led by `(org_id, id)` or by a party id
 * takes them at its right edge instead of at random pages: with random (v4) ids each batch of a large load touched
 * pages all over ever larger indexes, and a batch cost more the larger the table (docs/architecture.md "Bulk writes
 * by COPY"). The timestamp it carries is the row's creation time, which the row's own `created_at` already shows.
 *
 * The random bits come from a pool filled 256 ids at a time (the package's default asks the operating system for 16
 * bytes per id: 20 times slower, and a large import makes five ids a row); ids within one millisecond are in random
 * order, which keeps them on the same rightmost index pages all the same.
 */
const pool = new Uint8Array(16 * 256);
let next = pool.length;

function pooledRandom(): Uint8Array {
  if (next === pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  next += 16;
  return pool.subarray(next - 16, next);
}

export const timeOrderedId = (): string => v7({ rng: pooledRandom });
