import { z } from 'zod';
import { timestamp, versionField } from '../http/common.schema.ts';

/** A saved table view: the filters, sort and columns a user chose for one table. */
export const viewStateSchema = z
  .object({
    filters: z
      .record(z.string(), z.union([z.string(), z.array(z.string()), z.boolean(), z.number(), z.null()]))
      .default({}),
    sort: z.string().max(100).nullable().default(null),
    columns: z.array(z.string().max(100)).max(100).nullable().default(null),
  })
  .strict();
export const savedViewSchema = z
  .object({
    id: z.uuid(),
    table: z.string(),
    name: z.string(),
    state: viewStateSchema,
    createdAt: timestamp,
    updatedAt: timestamp,
    version: z.number().int(),
  })
  .meta({ id: 'SavedView' });
export type SavedView = z.infer<typeof savedViewSchema>;
export type ViewState = z.infer<typeof viewStateSchema>;
export const tableKey = z.string().regex(/^[a-z][a-z0-9_.-]{0,63}$/, 'lowercase table key');
export const createViewSchema = z
  .object({ table: tableKey, name: z.string().trim().min(1).max(100), state: viewStateSchema })
  .strict();
export const updateViewSchema = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    state: viewStateSchema.optional(),
    version: versionField,
  })
  .strict();
export const listViewsQuerySchema = z.object({ table: tableKey }).strict();
export type CreateView = z.infer<typeof createViewSchema>;
export type UpdateView = z.infer<typeof updateViewSchema>;
