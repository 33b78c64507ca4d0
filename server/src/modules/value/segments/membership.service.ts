import type { Db } from '../../../platform/db/database.ts';
import { systemWho } from '../../../platform/audit/audit.ts';
import { emitEvent } from '../../../platform/webhooks/events.ts';
import { membershipRepository } from './membership.repository.ts';
import { compileRule } from './rule-sql.repository.ts';
import { segmentsRepository } from './segments.repository.ts';
import { snapshotsRepository } from '../snapshots/snapshots.repository.ts';

/** Job: takes every active segment's membership for the month (on the 1st, after the nightly value snapshot). */
export const SEGMENT_MONTHLY_JOB = 'value-segments-monthly';

const monthOf = (d: Date) => `${d.toISOString().slice(0, 7)}-01`;

/**
 * Takes the membership of every active segment of the organisations (all with segments, or the one named) for a
 * month (default: the current one, UTC): who entered and who left since the previous month taken. Taking a month
 * again replaces it; a month before the latest one taken is skipped (history only moves forward).
 * Returns how many segments were taken.
 */
export async function takeSegmentSnapshots(db: Db, opts: { orgId?: string; month?: string } = {}): Promise<number> {
  const month = opts.month ? `${opts.month.slice(0, 7)}-01` : monthOf(new Date());
  const orgs = opts.orgId ? [opts.orgId] : await membershipRepository.orgsWithSegments(db);
  let taken = 0;
  for (const orgId of orgs) {
    const run = await snapshotsRepository.latestDone(db, orgId);
    const ctx = { orgId, runId: run?.id ?? null, now: new Date() };
    for (const segment of await segmentsRepository.active(db, orgId)) {
      const cond = compileRule(segment.rule, ctx);
      const did = await db.transaction().execute(async (trx) => {
        const last = await membershipRepository.lastMonth(trx, orgId, segment.id);
        if (last && last > month) {
          return false;
        }
        if (last === month) {
          await membershipRepository.undoMonth(trx, orgId, segment.id, month);
        }
        const took = await membershipRepository.takeMonth(trx, orgId, segment.id, month, cond);
        if (took.entered || took.left) {
          // Counts only: who entered or left is read through the API, under the reader's visibility.
          await emitEvent(trx, systemWho(orgId), 'segment.membership_changed', {
            segmentId: segment.id,
            month,
            ...took,
          });
        }
        return true;
      });
      taken += did ? 1 : 0;
    }
  }
  return taken;
}
