import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { casesService } from '../../cases/index.ts';
import { activityService, customerVisibility } from '../../parties/index.ts';
import { TROUBLE_TRUST } from '../constants.ts';
import { requireReviewReader, reviewCustomerVisible } from '../projects.access.ts';
import type { Indicator, ReviewResults } from './quality-review.schema.ts';
import { reviewsRepository } from './quality-review.repository.ts';
import { resultsRepository as repo } from './results.repository.ts';

/** Whether the response's task or case is still open (null when the reader may not see it). */
async function stillOpen(deps: Deps, ctx: RequestContext, kind: 'task' | 'case', id: string): Promise<boolean | null> {
  try {
    if (kind === 'task') {
      return (await activityService(deps).getTask(ctx, id)).status === 'open';
    }
    const c = await casesService(deps).get(ctx, id);
    return c.status !== 'resolved' && c.status !== 'closed';
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND') {
      return null;
    }
    throw e;
  }
}

/**
 * A cycle's results over the customers the reader may see (docs/metrics.md "Trust", "Relationships in trouble"):
 * the heatmap of ratings by customer × indicator, trust per customer against the previous cycle, relationships in
 * trouble, and responses past their due day whose task or case is still open.
 */
export function resultsService(deps: Deps) {
  const { db } = deps;
  return {
    async results(ctx: RequestContext, id: string): Promise<ReviewResults> {
      requireReviewReader(ctx.actor);
      const orgId = ctx.actor.orgId;
      const review = await reviewsRepository.find(db, orgId, id);
      if (!review) {
        throw notFound('Quality review');
      }
      const visible = reviewCustomerVisible(ctx.actor, await customerVisibility(db, orgId));
      const trust = await repo.trust(db, orgId, id, review.previous_id, visible);
      const cells = await repo.cells(db, orgId, id, visible);
      const trouble = await repo.trouble(db, orgId, id, review.previous_id, visible);
      const keyCustomers = (await reviewsRepository.customers(db, orgId, id, visible)).length;
      const overdue: ReviewResults['overdue'] = [];
      for (const r of await repo.pastDue(db, orgId, id, visible)) {
        if ((await stillOpen(deps, ctx, r.response_kind, r.response_id)) === true) {
          overdue.push({
            interviewId: r.id,
            partyId: r.party_id,
            displayName: r.display_name,
            responseKind: r.response_kind,
            responseId: r.response_id,
            dueOn: r.response_due,
          });
        }
      }
      const sum = trust.reduce((s, t) => s + t.trust, 0);
      return {
        indicators: review.indicators as Indicator[],
        customers: trust.map((t) => ({
          partyId: t.party_id,
          displayName: t.display_name,
          trust: t.trust,
          previousTrust: t.previous_trust,
          ratings: t.ratings,
        })),
        cells: cells.map((c) => ({ partyId: c.party_id, indicator: c.indicator, rating: c.rating })),
        meanTrust: trust.length > 0 ? Math.round((sum / trust.length) * 100) / 100 : null,
        interviewed: trust.length,
        keyCustomers,
        inTrouble: trouble.map((t) => ({
          partyId: t.party_id,
          displayName: t.display_name,
          trust: t.trust,
          previousTrust: t.previous_trust,
          reasons: [
            ...(t.trust <= TROUBLE_TRUST ? (['low_trust'] as const) : []),
            ...(t.previous_trust !== null && t.trust < t.previous_trust ? (['fallen'] as const) : []),
          ],
        })),
        overdue,
        note: trust.length === 0 ? 'not_enough_data' : null,
      };
    },
  };
}
