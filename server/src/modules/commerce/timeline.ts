import type { RequestContext } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import type { TimelineEvent, TimelineSource } from '../../platform/timeline/sources.ts';
import { transactionsRepository } from './commerce.repository.ts';

/**
 * Transactions on the party timeline (kind `transaction.made`). The timeline shows only a party the
 * reader may see in full, and a transaction is visible exactly when its party is, so the keys need
 * only the organisation and the party.
 */
export const transactionTimelineSource: TimelineSource = {
  type: 'transaction',
  keys: (ctx: RequestContext, partyId: string) => transactionsRepository.timelineKeys(ctx.actor.orgId, partyId),
  async load(db: Db, ctx: RequestContext, ids: string[]) {
    const orgId = ctx.actor.orgId;
    const [rows, lines] = await Promise.all([
      transactionsRepository.byIds(db, orgId, ids),
      transactionsRepository.linesOf(db, orgId, ids),
    ]);
    const out = new Map<string, TimelineEvent>();
    for (const t of rows) {
      const own = lines.filter((l) => l.transaction_id === t.id);
      const main = own.reduce<(typeof own)[number] | undefined>(
        (best, l) => (!best || Number(l.amount) > Number(best.amount) ? l : best),
        undefined,
      );
      const more = own.length > 1 ? ` +${own.length - 1}` : '';
      out.set(t.id, {
        source: 'transaction',
        kind: 'transaction.made',
        title: `${t.amount} ${t.currency}${main ? ` · ${main.product_name ?? ''}${more}` : ''}`,
        detail: t.note,
        href: null,
        data: {
          amount: t.amount,
          currency: t.currency,
          channel: t.channel,
          lines: own.length,
          mainProductId: main?.product_id ?? null,
        },
      });
    }
    return out;
  },
};
