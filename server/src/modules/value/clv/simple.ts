import type { SimpleClv } from './clv.schema.ts';
import type { SimpleClvInputs } from './simple.repository.ts';

/**
 * CLV = average order value × purchases per year × gross margin × expected lifetime in years (docs/metrics.md
 * "CLV, simple"): an order is a purchase day; purchases per year = purchase days / customers of the year; lifetime =
 * 1 / annual churn, churn = customers of the year before with no purchase day this year / customers of the year
 * before. No customers, or no customers the year before: not enough data; no churn: no lifetime, no value.
 */
export function simpleClv(
  i: SimpleClvInputs,
  base: { asOf: string; currency: string | null; grossMargin: number },
): SimpleClv {
  const aov = i.purchase_days > 0 ? i.revenue / i.purchase_days : null;
  const perYear = i.customers > 0 ? i.purchase_days / i.customers : null;
  const churn = i.prior_customers > 0 ? i.lost / i.prior_customers : null;
  const lifetime = churn !== null && churn > 0 ? 1 / churn : null;
  const clv =
    aov !== null && perYear !== null && lifetime !== null ? aov * perYear * base.grossMargin * lifetime : null;
  const note = aov === null || churn === null ? 'not_enough_data' : churn === 0 ? 'no_churn' : null;
  return {
    ...base,
    excludedTransactions: i.excluded,
    customers: i.customers,
    priorCustomers: i.prior_customers,
    averageOrderValue: aov,
    purchasesPerYear: perYear,
    annualChurnRate: churn,
    expectedLifetimeYears: lifetime,
    clv,
    note,
  };
}
