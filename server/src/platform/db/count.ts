import { sql, type RawBuilder } from 'kysely';
import type { Db } from './database.ts';

/**
 * Up to this many parties visible to a restricted reader, a list reads them by key; above it, the list walks its
 * sort index and tests each row (parties.access.ts visiblePartySet). An object so a test can move it and check that
 * both ways give the same page.
 */
export const fewVisible = { max: 10_000 };

/**
 * How many rows a set has, counting no further than `max + 1`: a set whose parts are read through indexes stops
 * early, so asking whether a reader's visible set is small costs at most that many index entries.
 */
export async function countUpTo(db: Db, set: RawBuilder<unknown>, max: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from (select 1 from ${set} s limit ${max + 1}) x`.execute(db);
  return rows[0]?.n ?? 0;
}
