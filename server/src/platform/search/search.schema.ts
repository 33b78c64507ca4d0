import { z } from 'zod';

export const searchResultSchema = z
  .object({
    type: z.string().describe('Entity type, e.g. user, org_unit, party'),
    id: z.string(),
    title: z.string(),
    subtitle: z.string().nullable(),
    url: z.string().describe('Web path to open'),
  })
  .meta({ id: 'SearchResult' });
export type SearchResult = z.infer<typeof searchResultSchema>;
export const searchQuerySchema = z
  .object({ q: z.string().trim().min(1).max(200), limit: z.coerce.number().int().min(1).max(50).default(10) })
  .strict();
export const searchResponseSchema = z.object({ items: z.array(searchResultSchema) });
