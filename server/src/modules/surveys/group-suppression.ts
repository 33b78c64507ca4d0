import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/types.ts';
import { employeeGroupScores } from './group-scores.ts';
import { groupScoresRepository } from './group-scores.repository.ts';

/**
 * How many org units answered closed employee surveys of that kind within [from, to) but were never shown (below the
 * anonymity minimum, or hidden with them): the chain counts them, never shows them (docs/metrics.md "Anonymity").
 */
export async function suppressedEmployeeGroups(
  db: Kysely<Database>,
  orgId: string,
  opts: { metric: 'enps' | 'engagement'; from: Date; to: Date },
): Promise<number> {
  const rows = await groupScoresRepository.rows(db, orgId, opts.metric, opts.from, opts.to);
  const shown = new Set((await employeeGroupScores(db, orgId, opts)).map((s) => s.orgUnitId));
  return new Set(rows.filter((r) => r.gkey !== 'none' && !shown.has(r.gkey)).map((r) => r.gkey)).size;
}
