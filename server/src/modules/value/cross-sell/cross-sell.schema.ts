import { z } from 'zod';
import { analysisDate } from '../../../platform/http/common.schema.ts';
import { crossSellLevels } from '../segments/constants.ts';

const period = {
  from: analysisDate.optional().describe('First day (UTC, inclusive); default: 365 days before `to`'),
  to: analysisDate.optional().describe('Day after the last (UTC, exclusive); default: tomorrow, so today counts'),
};

export const crossSellQuerySchema = z
  .object({
    level: z.enum(crossSellLevels).default('category'),
    minCount: z.coerce.number().int().min(1).max(1_000_000).default(2).describe('Baskets holding both items, at least'),
    minLift: z.coerce.number().min(0).max(1_000_000).default(1),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    ...period,
  })
  .strict();
export type CrossSellQuery = z.infer<typeof crossSellQuerySchema>;

export const associationRuleSchema = z
  .object({
    antecedent: z.string().describe('A category, or a product id'),
    antecedentName: z.string().nullable(),
    consequent: z.string(),
    consequentName: z.string().nullable(),
    count: z.number().int().describe('Baskets holding both'),
    support: z.number().describe('count / baskets'),
    confidence: z.number().describe('count / baskets holding the antecedent'),
    lift: z.number().describe('confidence / share of baskets holding the consequent'),
  })
  .meta({ id: 'AssociationRule' });
export type AssociationRule = z.infer<typeof associationRuleSchema>;

export const crossSellSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    level: z.enum(crossSellLevels),
    baskets: z.number().int().describe('Purchases with at least one item and at most the cap'),
    basketsLeftOut: z.number().int().describe('Purchases with more distinct items than the cap, left out'),
    maxBasketItems: z.number().int(),
    rules: z.array(associationRuleSchema),
    crossSell: z
      .object({
        activeCustomers: z.number().int().describe('Customers with a purchase in the period'),
        multiCategoryCustomers: z.number().int().describe('Of them, customers who bought two or more categories'),
        ratio: z.number().describe('multiCategoryCustomers / activeCustomers (0 when there are none)'),
      })
      .describe('docs/metrics.md "Cross-sell ratio"'),
    note: z.string().nullable(),
  })
  .meta({ id: 'CrossSell' });
export type CrossSell = z.infer<typeof crossSellSchema>;

export const suggestionsQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(50).default(10),
    minCount: z.coerce.number().int().min(1).max(1_000_000).default(2),
    ...period,
  })
  .strict();
export type SuggestionsQuery = z.infer<typeof suggestionsQuerySchema>;

export const suggestionsSchema = z
  .object({
    partyId: z.uuid(),
    items: z.array(
      z.object({
        productId: z.uuid(),
        name: z.string(),
        category: z.string().nullable(),
        because: z.object({ productId: z.uuid(), name: z.string() }).describe('The bought product of the rule'),
        count: z.number().int(),
        confidence: z.number(),
        lift: z.number(),
      }),
    ),
    note: z.string().nullable(),
  })
  .meta({ id: 'CrossSellSuggestions' });
export type Suggestions = z.infer<typeof suggestionsSchema>;
