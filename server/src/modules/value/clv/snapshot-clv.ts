import type { Db } from '../../../platform/db/database.ts';
import { clvRepository } from './clv.repository.ts';
import { discountedPurchases, UNIT_DAYS } from './model.ts';

/** A snapshot's CLV horizon and discount rate: the defaults of GET /api/value/clv/customers. */
export const SNAPSHOT_CLV = { horizonMonths: 12, annualDiscountRate: 0.1 } as const;

/**
 * Writes the CLV of every customer of a snapshot run from the organisation's latest fitted model in the run's
 * currency (docs/metrics.md "Value snapshots"): the discounted expected purchase days are computed here once per
 * distinct (x, tₓ, T) that SQL aggregated, then one statement multiplies them by each customer's expected spend.
 * Without a model in that currency (or with one whose spend mean is infinite, q ≤ 1) the CLV stays null.
 * Returns the fit used, or null.
 */
export async function writeSnapshotClv(
  db: Db,
  run: { orgId: string; runId: string; currency: string; asOf: string },
): Promise<string | null> {
  const fit = await clvRepository.latestModel(db, run.orgId, run.currency);
  const model = fit?.status === 'done' ? fit.result : null;
  if (!fit || !model || !(model.gammaGamma.q > 1)) {
    return null;
  }
  const unitDays = UNIT_DAYS[fit.time_unit];
  const horizon = { ...SNAPSHOT_CLV, unitDays };
  const factors = (await clvRepository.triples(db, run.orgId, run.currency, run.asOf)).flatMap((t) => {
    const c = { x: t.x, tx: t.tx_days / unitDays, T: t.t_days / unitDays };
    const { discounted } = discountedPurchases(model.bgnbd, c, horizon);
    return Number.isFinite(discounted) ? [{ ...t, discounted }] : [];
  });
  await clvRepository.writeSnapshotClv(db, run, model.gammaGamma, factors);
  return fit.id;
}
