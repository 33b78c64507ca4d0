import type { Db } from './database.ts';
import { analyzeTable, staleTables } from './statistics.repository.ts';

/** The platform job that keeps planner statistics fresh on both engines (every five minutes, and at start). */
export const ANALYZE_JOB = 'platform-analyze';

/** Analyses every table whose statistics are missing or stale; returns their names. */
export async function refreshStatistics(db: Db): Promise<string[]> {
  const tables = await staleTables(db);
  for (const name of tables) {
    await analyzeTable(db, name);
  }
  return tables;
}
