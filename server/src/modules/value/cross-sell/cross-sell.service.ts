import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { customerVisibility, readableParty } from '../../parties/index.ts';
import { MAX_BASKET_ITEMS } from '../segments/constants.ts';
import type { CrossSell, CrossSellQuery, Suggestions, SuggestionsQuery } from './cross-sell.schema.ts';
import { crossSellRepository } from './cross-sell.repository.ts';
import { periodOf } from './period.ts';

/**
 * Cross-sell (docs/metrics.md "Cross-sell ratio and association rules"): pair counts over baskets in SQL, rules
 * with support, confidence and lift, the cross-sell ratio, and suggestions for one customer — all over the
 * purchases of the parties the reader may see.
 */
export function crossSellService(deps: Deps) {
  const { db } = deps;

  return {
    async rules(ctx: RequestContext, q: CrossSellQuery): Promise<CrossSell> {
      const period = periodOf(q);
      const vis = await customerVisibility(db, ctx.actor.orgId);
      const [found, ratio] = await Promise.all([
        crossSellRepository.rules(db, ctx.actor, vis, period, q.level, q),
        crossSellRepository.ratio(db, ctx.actor, vis, period),
      ]);
      return {
        ...period.label,
        level: q.level,
        baskets: found.baskets,
        basketsLeftOut: found.leftOut,
        maxBasketItems: MAX_BASKET_ITEMS,
        rules: found.rules.map((r) => ({
          antecedent: r.antecedent,
          antecedentName: r.antecedent_name,
          consequent: r.consequent,
          consequentName: r.consequent_name,
          count: r.count,
          support: r.support,
          confidence: r.confidence,
          lift: r.lift,
        })),
        crossSell: {
          activeCustomers: ratio.active,
          multiCategoryCustomers: ratio.multi,
          ratio: ratio.active ? ratio.multi / ratio.active : 0,
        },
        note: found.baskets < 2 || !ratio.active ? 'Not enough data: too few purchases in the period' : null,
      };
    },

    /** What customers like this one bought that it has not (404 when the reader may not see the party). */
    async suggestions(ctx: RequestContext, partyId: string, q: SuggestionsQuery): Promise<Suggestions> {
      await readableParty(db, ctx, partyId);
      const period = periodOf(q);
      const vis = await customerVisibility(db, ctx.actor.orgId);
      const rows = await crossSellRepository.suggestions(db, ctx.actor, vis, period, partyId, q);
      return {
        partyId,
        items: rows.map((r) => ({
          productId: r.product_id,
          name: r.name,
          category: r.category,
          because: { productId: r.because_id, name: r.because_name },
          count: r.count,
          confidence: r.confidence,
          lift: r.lift,
        })),
        note: rows.length ? null : 'Nothing to suggest: no product bought with this customer’s often enough',
      };
    },
  };
}
