import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { serviceCapabilityFigures } from '../../cases/index.ts';
import { inboundInteractionChannels, profileCompleteness } from '../../parties/index.ts';
import { customerAnswersSql } from '../../surveys/index.ts';
import { newProductSpeed, productLaunchesSql } from '../../projects/index.ts';
import { referralFigures } from '../../care/index.ts';
import { newestSnapshotRuns, summaryService, walletService } from '../../value/index.ts';
import { DAY_MS } from '../insight.common.ts';
import { capabilityRepository as repo } from './capability.repository.ts';
import type { Capability } from './capability.schema.ts';

// The automatic raw value of each indicator over [from, to) (docs/capability-index.md, each computation there), and
// the business performance shown beside the index. A raw value of null means "no data": the indicator says what to
// record and does not count as zero.

/** Analysis freshness: a run up to this many days old counts in full; older ones proportionally less. */
const FRESH_DAYS = 31;

const positiveOrNull = (n: number) => (n > 0 ? n : null);

export async function autoRaw(deps: Deps, orgId: string, from: Date, to: Date): Promise<Record<string, number | null>> {
  const { db } = deps;
  const svc = await serviceCapabilityFigures(db, orgId, from, to);
  const profile = await profileCompleteness(db, orgId);
  const runs = await newestSnapshotRuns(db, orgId);
  const ces = await repo.answerFigures(db, customerAnswersSql(orgId, 'ces', from, to));
  const before = new Date(2 * from.getTime() - to.getTime());
  const npsNow = await repo.answerFigures(db, customerAnswersSql(orgId, 'nps', from, to));
  const npsBefore = await repo.answerFigures(db, customerAnswersSql(orgId, 'nps', before, from));
  const channels = new Set([...svc.channels, ...(await inboundInteractionChannels(db, orgId, from, to))]);
  const [newest, previous] = runs;
  const speed = await newProductSpeed(db, orgId, from, to);
  const referrals = await referralFigures(db, orgId, from, to);
  let dataAnalysis: number | null = null;
  if (newest && newest.customers > 0) {
    const age = Math.max(0, (to.getTime() - Date.parse(`${newest.asOf}T00:00:00Z`)) / DAY_MS - 1);
    dataAnalysis = (newest.scored / newest.customers) * 100 * Math.min(1, FRESH_DAYS / Math.max(age, 1));
  }
  const golden =
    typeof newest?.topSegmentShare === 'number' && typeof previous?.topSegmentShare === 'number'
      ? (newest.topSegmentShare - previous.topSegmentShare) * 100
      : null;
  return {
    market_feedback_speed: svc.complaintFirstResponseMedian,
    customer_understanding: profile.customers > 0 ? profile.share : null,
    data_analysis: dataAnalysis,
    golden_customer_identification: golden,
    new_product_speed: speed.n > 0 ? speed.median : null,
    staff_service_level: svc.csatCount > 0 ? svc.csatMean : null,
    sales_channel_diversity: positiveOrNull(await repo.salesChannels(db, orgId, from, to)),
    ease_of_use: ces.n > 0 ? ces.mean : null,
    brand_management: npsNow.n > 0 && npsBefore.n > 0 ? (npsNow.nps ?? 0) - (npsBefore.nps ?? 0) : null,
    // No referral recorded counts as no data (as sales channels): the organisation may not use referrals in Tandem.
    referral_rate:
      referrals.referred > 0 && referrals.customersAtStart > 0
        ? (referrals.referred / referrals.customersAtStart) * 100
        : null,
    complaint_handling: svc.complaintResolutionMean,
    channel_variety: positiveOrNull(channels.size),
    effectiveness: svc.inquiryResolutionMean,
  };
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** Business performance beside the index ([S4] §3.3): value's summary and wallet, and two line-revenue shares. */
export async function businessPerformance(
  deps: Deps,
  ctx: RequestContext,
  from: Date,
  to: Date,
  asOf: string,
): Promise<Capability['business']> {
  const summary = await summaryService(deps).summary(ctx, {
    from: dayOf(from),
    to: dayOf(to),
    lapseDays: 365,
    currency: undefined,
    timeZone: 'UTC',
  });
  const wallet = await walletService(deps).summary(ctx, { asOf });
  const svc = await serviceCapabilityFigures(deps.db, ctx.actor.orgId, from, to);
  const lines = summary.currency
    ? await repo.lineShares(deps.db, ctx.actor.orgId, from, to, summary.currency, productLaunchesSql(ctx.actor.orgId))
    : { total: 0, new_product: 0, cross_sell: 0 };
  const share = (x: number) => (lines.total > 0 ? (x / lines.total) * 100 : null);
  return {
    currency: summary.currency,
    acquisitionRate: summary.acquisitionRate,
    retentionRate: summary.retentionRate,
    satisfaction: svc.csatCount > 0 ? svc.csatMean : null,
    crossSellShare: share(lines.cross_sell),
    averageShareOfWallet: wallet.averageShare === null ? null : wallet.averageShare * 100,
    newProductShare: share(lines.new_product),
  };
}
