// The value classes (docs/metrics.md "Value classes"); zod-free, so the web may import them through api.ts.
export const loyaltyClasses = ['true_friend', 'butterfly', 'barnacle', 'stranger'] as const;
export const costClasses = [
  'high_revenue_low_cost',
  'high_revenue_high_cost',
  'low_revenue_low_cost',
  'low_revenue_high_cost',
] as const;
export type LoyaltyClass = (typeof loyaltyClasses)[number];
export type CostClass = (typeof costClasses)[number];
