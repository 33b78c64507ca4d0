import { z } from 'zod';

/** Error body every non-2xx response carries. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorBodySchema>;

export { errorCodes, type ErrorCode } from './error-codes.ts';

export const uuidSchema = z.uuid();
export const idParamsSchema = z.object({ id: z.uuid() }).strict();

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});

/** `{ items, nextCursor }` for any item schema. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export type Page<T> = { items: T[]; nextCursor: string | null };

/** Version sent with an update: in the body or as If-Match. */
export const versionField = z.number().int().min(1).optional();

export const timestamp = z.string().meta({ format: 'date-time' });
