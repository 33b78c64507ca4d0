import type { Deps } from '../../../platform/deps.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { crossSellRoutes } from '../cross-sell/cross-sell.routes.ts';
import type { ValueScorer } from '../snapshots/scorer.ts';
import { snapshotsRoutes } from '../snapshots/snapshots.routes.ts';
import { SNAPSHOT_NIGHTLY_JOB, SNAPSHOT_RUN_JOB, snapshotsService } from '../snapshots/snapshots.service.ts';
import { valueFlagTimelineSource } from '../snapshots/timeline.ts';
import { walletRoutes } from '../wallet/wallet.routes.ts';
import { SEGMENT_MONTHLY_JOB, takeSegmentSnapshots } from './membership.service.ts';
import { segmentsRoutes } from './segments.routes.ts';

/**
 * Value's segments, cross-sell, wallet and snapshots: routes, the purchase flags on the party timeline, and the
 * jobs (a snapshot run on demand, the nightly snapshots, the monthly segment membership on the 1st after them).
 * `scorer` supplies the RFM segment rules, value class and CLV of the snapshots (default: docs/metrics.md's RFM
 * table, no class, no CLV).
 */
export function registerValueExtras(app: TandemApp, deps: Deps, opts: { scorer?: ValueScorer } = {}) {
  const snapshots = snapshotsService(deps, opts.scorer);
  segmentsRoutes(app, deps);
  crossSellRoutes(app, deps);
  walletRoutes(app, deps);
  snapshotsRoutes(app, deps, snapshots);
  deps.timeline.register(valueFlagTimelineSource);
  deps.jobs.define<{ orgId: string; runId: string }>({
    name: SNAPSHOT_RUN_JOB,
    handler: (d) => snapshots.execute(d.orgId, d.runId),
  });
  deps.jobs.define({
    name: SNAPSHOT_NIGHTLY_JOB,
    cron: '15 2 * * *',
    handler: async () => {
      await snapshots.nightly();
    },
  });
  deps.jobs.define({
    name: SEGMENT_MONTHLY_JOB,
    cron: '45 3 1 * *',
    handler: async () => {
      await takeSegmentSnapshots(deps.db);
    },
  });
}
