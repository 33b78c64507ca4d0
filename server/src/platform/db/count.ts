import { sql, type RawBuilder } from 'kysely';
import type { Db } from './database.ts';

/**
 * Up to this many parties visible to a restricted reader, a list reads them by key; above it, the list walks its
 * sort index and tests each row (parties.access.ts visiblePartySet), which finds a page soon enough once a reader sees
 * this many. Counting costs up to as many index entries per request, so it stays small. An object so a test can move
 * it and check that both ways give the same page.
 */
export const fewVisible = { max: 2_000 };

/**
 * The ids of a set when it holds at most `max` (read no further than `max + 1`: a set whose parts are read through
 * indexes stops early), else null. A list then names them as a constant array, whose size the planner knows; a
 * sub-query there it would guess, and a wrong guess (a recursive management chain, a team) turns a lookup of a few
 * thousand keys into a scan of a million rows.
 */
export async function idsUpTo(db: Db, set: RawBuilder<{ id: string }>, max: number): Promise<string[] | null> {
  const { rows } = await sql<{ id: string }>`select s.id from ${set} s(id) limit ${max + 1}`.execute(db);
  return rows.length <= max ? [...new Set(rows.map((r) => r.id))] : null;
}
