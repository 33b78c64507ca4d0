import { z } from 'zod';
import { storableInstant } from '../db/instants.ts';

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

/** The largest value of a PostgreSQL `integer` column: a larger one would fail in the database, not here. */
export const MAX_INT4 = 2_147_483_647;

/** Version sent with an update: in the body or as If-Match. */
export const versionField = z.number().int().min(1).max(MAX_INT4).optional();

export const timestamp = z.string().meta({ format: 'date-time' });

const yearsMessage = { message: 'Must fall within the years 0001–9999 (UTC)' };

/**
 * An ISO 8601 date-time with an offset (`2024-05-01T08:00:00+08:00`) within the years the database stores,
 * passed on as the same instant in UTC (`2024-05-01T00:00:00.000Z`): offsets beyond what PostgreSQL reads
 * (`-23:59`) never reach a query.
 */
export const isoDateTime = z.iso
  .datetime({ offset: true })
  .refine((s) => storableInstant(Date.parse(s)), yearsMessage)
  .transform((s) => new Date(s).toISOString());

/** An ISO 8601 calendar date (`2024-05-01`) within the years the database stores. */
export const isoDate = z.iso.date().refine((s) => storableInstant(Date.parse(`${s}T00:00:00.000Z`)), yearsMessage);

/**
 * A day that bounds an analysis window (`from`, `to`, `asOf`): within the years 1900–9998, so that the window a
 * default reaches back or forward from it (a year, a few months) stays within the years the database stores.
 */
export const analysisDate = z.iso
  .date()
  .refine((s) => s >= '1900-01-01' && s <= '9998-12-31', { message: 'Must fall within the years 1900–9998' });

/** At most this many values in one multi-value filter. */
export const MAX_FILTER_VALUES = 50;

/**
 * A list filter that takes several values, repeated (`?stage=new&stage=loyal`) or comma-separated
 * (`?stage=new,loyal`): each value is checked by `item`, so an unknown one is a 400 on the field; an empty
 * parameter is no filter (an empty list).
 */
export function multiValue<T extends z.ZodType<string, string>>(item: T, max = MAX_FILTER_VALUES) {
  return z
    .union([z.string().max(10_000), z.array(z.string().max(10_000)).max(max)])
    .transform((v, ctx) => {
      const parts = [
        ...new Set(
          (Array.isArray(v) ? v : [v])
            .flatMap((s) => s.split(','))
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ];
      if (parts.length > max) {
        ctx.addIssue({ code: 'custom', message: `At most ${max} values` });
        return z.NEVER;
      }
      const out: z.output<T>[] = [];
      for (const part of parts) {
        const r = item.safeParse(part);
        if (!r.success) {
          ctx.addIssue({ code: 'custom', message: `Unknown value: ${part.slice(0, 100)}` });
          return z.NEVER;
        }
        out.push(r.data);
      }
      return out;
    })
    .describe('One or more values: repeat the parameter or separate them with commas');
}
