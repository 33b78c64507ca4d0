import type { Db } from '../../../platform/db/database.ts';

/**
 * For the demo data only: a cycle run through the API today is dated as if it had run in the past (published,
 * opened and closed on the given days), so the demo shows history. Never reachable from a route.
 */
export async function backdateCycle(
  db: Db,
  orgId: string,
  cycleId: string,
  at: { publishedAt: Date; openedAt?: Date; closedAt?: Date },
): Promise<void> {
  await db
    .updateTable('appraisal_cycle')
    .set({
      published_at: at.publishedAt,
      ...(at.openedAt ? { opened_at: at.openedAt, opens_at: at.openedAt } : {}),
      ...(at.closedAt ? { closed_at: at.closedAt, calibrating_at: at.closedAt } : {}),
    })
    .where('org_id', '=', orgId)
    .where('id', '=', cycleId)
    .execute();
}
