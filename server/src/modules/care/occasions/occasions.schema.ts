import { z } from 'zod';
import { timestamp } from '../../../platform/http/common.schema.ts';
import { careOccasionKeys } from '../constants.ts';
import { CALENDAR_LAST_YEAR } from './calendar.ts';

// Suggestions look back three years, so the earliest year asked for stays within the lunar tables (from 1901).
const year = z.coerce
  .number()
  .int()
  .min(1904)
  .max(CALENDAR_LAST_YEAR)
  .optional()
  .describe('Gregorian year (1904–2099); default: this year (UTC)');

export const occasionsQuerySchema = z.object({ year }).strict();
export const occasionKeyParamsSchema = z.object({ key: z.enum(careOccasionKeys) }).strict();

export const occasionSchema = z
  .object({
    key: z.enum(careOccasionKeys),
    nameZh: z.string(),
    nameEn: z.string(),
    date: z.string().nullable().describe('YYYY-MM-DD; null for a per-customer occasion (birthday)'),
    lunar: z
      .boolean()
      .describe('Falls by the Chinese lunisolar calendar (or a solar term): a different day every year'),
    perParty: z.boolean(),
    categories: z.array(z.string()).describe('Product categories that sell for it (set per organisation)'),
    categoriesVersion: z
      .number()
      .int()
      .nullable()
      .describe('Send it back when setting the categories (null: none set)'),
  })
  .meta({ id: 'CareOccasion' });
export type CareOccasion = z.infer<typeof occasionSchema>;

export const occasionsSchema = z
  .object({ year: z.number().int(), items: z.array(occasionSchema).describe('By date; per-customer occasions last') })
  .meta({ id: 'CareOccasions' });
export type CareOccasions = z.infer<typeof occasionsSchema>;

export const suggestionsQuerySchema = z
  .object({ year, limit: z.coerce.number().int().min(1).max(500).default(100) })
  .strict();

export const suggestionReasonSchema = z.discriminatedUnion('code', [
  z.object({
    code: z.literal('bought_around_occasion'),
    years: z.array(z.number().int()).describe('Earlier years with a purchase in the window around the occasion'),
    purchases: z.number().int(),
  }),
  z.object({
    code: z.literal('category'),
    categories: z.array(z.string()).describe('The occasion’s categories this customer bought in the last years'),
  }),
]);

export const suggestionSchema = z.object({
  partyId: z.uuid(),
  displayName: z.string(),
  ownerId: z.uuid().nullable(),
  score: z.number().int().describe('2 per earlier year bought around the occasion, +1 for a category purchase'),
  lastPurchaseOn: z.string().nullable(),
  reasons: z.array(suggestionReasonSchema),
  reason: z.string().describe('The reasons in a sentence, in your language'),
});
export type CareSuggestion = z.infer<typeof suggestionSchema>;

export const suggestionsSchema = z
  .object({
    key: z.enum(careOccasionKeys),
    year: z.number().int(),
    date: z.string().nullable(),
    window: z
      .object({ daysBefore: z.number().int(), daysAfter: z.number().int(), years: z.number().int() })
      .describe('Purchases from daysBefore days before to daysAfter days after the occasion, in the years before'),
    categories: z.array(z.string()),
    items: z.array(suggestionSchema).describe('Customers you may see, best first'),
    note: z.string().nullable().describe('Why the list may be empty (no purchases yet, no categories set)'),
  })
  .meta({ id: 'CareSuggestions' });
export type CareSuggestions = z.infer<typeof suggestionsSchema>;

export const setOccasionCategoriesSchema = z
  .object({
    categories: z.array(z.string().trim().min(1).max(100)).max(50),
    version: z
      .number()
      .int()
      .min(1)
      .max(2_147_483_647)
      .nullable()
      .describe('The version you read (null when none were set yet); a stale one answers 409'),
  })
  .strict();
export type SetOccasionCategories = z.infer<typeof setOccasionCategoriesSchema>;

export const occasionCategoriesSchema = z
  .object({
    key: z.enum(careOccasionKeys),
    categories: z.array(z.string()),
    version: z.number().int().nullable(),
    updatedAt: timestamp.nullable(),
  })
  .meta({ id: 'CareOccasionCategories' });
export type OccasionCategories = z.infer<typeof occasionCategoriesSchema>;
