import { classSettingsSchema, type ClassSettings } from './classes.schema.ts';

/**
 * Default thresholds and unit costs of the value classes (docs/metrics.md "Value classes"): loyal means two or more
 * purchase days in the window (a repeat buyer, as in the repeat-purchase rate); "high" profit, revenue and cost to
 * serve mean at or above the median of the window's customers; no unit costs until the org sets them.
 */
export const defaultClassSettings: ClassSettings = {
  grossMargin: 1,
  interactionCost: '0.00',
  caseCost: '0.00',
  includeRemedyCost: true,
  loyalMinPurchaseDays: 2,
  highProfitMin: null,
  highRevenueMin: null,
  highCostMin: null,
};

/** Stored settings, or null when what is stored no longer parses (the defaults then apply). */
export function parseClassSettings(value: unknown): ClassSettings | null {
  const parsed = classSettingsSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
