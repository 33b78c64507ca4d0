import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { customerVisibility } from '../../parties/index.ts';
import { visibleCustomer } from '../value.access.ts';
import { chooseCurrency, NOT_ENOUGH_DATA, period } from '../value.common.ts';
import { currencyCounts } from '../value.repository.ts';
import { concentrationRow } from './concentration.repository.ts';
import type { Concentration, ConcentrationQuery } from './concentration.schema.ts';

/** Concentration of revenue over the customers (or owners) the reader may see (docs/metrics.md). */
export function concentrationService(deps: Deps) {
  return {
    async concentration(ctx: RequestContext, q: ConcentrationQuery): Promise<Concentration> {
      const { orgId } = ctx.actor;
      // A read-only analytics read: the replica when there is one (docs/scale.md "A read replica").
      const db = await deps.reads.db(ctx.actor);
      const p = period(q);
      const scope = visibleCustomer(ctx.actor, await customerVisibility(db, orgId));
      // The currency asked for needs no pass of its own: the main query counts the others in the same scan.
      const counts = p.future || q.currency ? [] : await currencyCounts(db, orgId, scope, p.from, p.to);
      const { currency } = chooseCurrency(q.currency, counts);
      const head = { by: q.by, from: p.from.toISOString(), to: p.to.toISOString(), currency };
      const row =
        currency && !p.future
          ? await concentrationRow(db, { orgId, by: q.by, currency, from: p.from, to: p.to, scope })
          : { n: 0, total: 0, gini: 0, top20Share: 0, lorenz: [], excludedTransactions: 0 };
      return { ...head, ...row, note: row.n === 0 ? NOT_ENOUGH_DATA : null };
    },
  };
}
export type ConcentrationService = ReturnType<typeof concentrationService>;
