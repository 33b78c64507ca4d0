import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { TimelineEvent, TimelineSource } from '../../../platform/timeline/sources.ts';
import { FLAG_MIN_HISTORY } from '../segments/constants.ts';
import { flagsRepository, flipId, type FlagDetail } from './flags.repository.ts';

function eventOf(d: FlagDetail): TimelineEvent | null {
  const unusual = d.history >= FLAG_MIN_HISTORY && d.p99 !== null && Number(d.amount) > d.p99;
  const categories = d.new_categories ?? [];
  if (!unusual && !categories.length) {
    return null;
  }
  const p99 = d.p99 === null ? null : Math.round(d.p99 * 100) / 100;
  return {
    source: 'value_flag',
    kind: unusual ? 'value_flag.unusual_amount' : 'value_flag.new_category',
    title: unusual ? `${d.amount} ${d.currency} > p99 ${String(p99)}` : categories.join(', '),
    detail: unusual && categories.length ? categories.join(', ') : null,
    href: null,
    data: {
      transactionId: d.id,
      amount: d.amount,
      currency: d.currency,
      p99,
      history: d.history,
      unusualAmount: unusual,
      newCategories: categories.join(', ') || null,
    },
  };
}

/**
 * Purchases far outside the customer's history on the party timeline (kind `value_flag.unusual_amount` or
 * `value_flag.new_category`; docs/metrics.md "Purchase flags"). Like transactions, a flag is visible exactly when
 * its party is, and the timeline shows only a party the reader sees in full.
 */
export const valueFlagTimelineSource: TimelineSource = {
  type: 'value_flag',
  keys: (ctx: RequestContext, partyId: string) => flagsRepository.timelineKeys(ctx.actor.orgId, partyId),
  async load(db: Db, ctx: RequestContext, ids: string[]) {
    const details = await flagsRepository.details(db, ctx.actor.orgId, ids.map(flipId));
    const out = new Map<string, TimelineEvent>();
    for (const d of details) {
      const e = eventOf(d);
      if (e) {
        out.set(flipId(d.id), e);
      }
    }
    return out;
  },
};
