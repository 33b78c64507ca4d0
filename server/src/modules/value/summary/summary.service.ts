import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { customerVisibility } from '../../parties/index.ts';
import { addDays, checkPeriod, pct, pickCurrency, todayIn } from '../core-common.ts';
import { scopeRepository, type Scope } from '../core-scope.repository.ts';
import { requireValueRole } from '../value.access.ts';
import { summaryRepository, type SummaryCounts } from './summary.repository.ts';
import type { SummaryQuery, ValueSummary } from './summary.schema.ts';

const noCounts: SummaryCounts = {
  at_start: 0,
  at_end: 0,
  retained: 0,
  won_back: 0,
  new_customers: 0,
  active: 0,
  repeat: 0,
};

/** The period summary (docs/metrics.md "Retention, churn, acquisition", "Repeat-purchase rate"). */
export function summaryService(deps: Deps) {
  return {
    async summary(ctx: RequestContext, q: SummaryQuery): Promise<ValueSummary> {
      requireValueRole(ctx.actor);
      checkPeriod(q.from, q.to);
      // A read-only analytics read: the replica when there is one (docs/scale.md "A read replica").
      const db = await deps.reads.db(ctx.actor);
      const scope: Scope = {
        actor: ctx.actor,
        visibility: await customerVisibility(db, ctx.actor.orgId),
        timeZone: q.timeZone,
      };
      // The future holds no purchases: a period reaching past today ends with today.
      const tomorrow = addDays(todayIn(q.timeZone), 1);
      const to = q.to > tomorrow ? tomorrow : q.to;
      const from = q.from;
      const future = from >= to;
      const [c, currencies] = future
        ? [noCounts, []]
        : await Promise.all([
            summaryRepository.counts(db, scope, { from, to, lapseDays: q.lapseDays }),
            scopeRepository.currencies(db, scope, from, to),
          ]);
      const { currency, excluded } = pickCurrency(q.currency, currencies);
      const inCurrency = currencies.find((x) => x.currency === currency);
      const acquired = c.at_end - c.retained;
      const lost = c.at_start - c.retained;
      const empty = c.at_start === 0 && c.at_end === 0 && c.active === 0;
      return {
        from,
        to: future ? q.to : to,
        timeZone: q.timeZone,
        lapseDays: q.lapseDays,
        customersAtStart: c.at_start,
        customersAtEnd: c.at_end,
        retained: c.retained,
        acquired,
        wonBack: c.won_back,
        lost,
        newCustomers: c.new_customers,
        retentionRate: pct(c.at_end - acquired, c.at_start),
        churnRate: pct(lost, c.at_start),
        acquisitionRate: pct(acquired, c.at_start),
        activeCustomers: c.active,
        repeatCustomers: c.repeat,
        repeatPurchaseRate: pct(c.repeat, c.active),
        currency,
        revenue: inCurrency?.revenue ?? '0.00',
        transactions: inCurrency?.transactions ?? 0,
        excludedTransactions: excluded,
        currencies,
        note: empty ? 'not_enough_data' : null,
      };
    },
  };
}
