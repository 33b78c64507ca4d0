import { z } from 'zod';
import { pageQuerySchema, timestamp } from '../../platform/http/common.schema.ts';
import { partyRoleNames } from '../parties/index.ts';

export const importEntities = ['parties', 'employees', 'interactions', 'products', 'transactions'] as const;
export const importStatuses = ['uploaded', 'queued', 'running', 'completed', 'failed', 'reverted'] as const;
export const upsertKeys = ['externalId', 'email', 'phone'] as const;
export const importEntitySchema = z.enum(importEntities);

export const uploadQuerySchema = z
  .object({
    entity: importEntitySchema,
    fileName: z.string().trim().min(1).max(255).default('upload.csv'),
    encoding: z
      .string()
      .max(40)
      .optional()
      .describe('Override the detected text encoding (CSV), e.g. gb18030, utf-16le'),
    delimiter: z.enum([',', ';', '\t', '|']).optional().describe('Override the detected delimiter (CSV)'),
  })
  .strict();
export type UploadQuery = z.infer<typeof uploadQuerySchema>;

export const mappingSchema = z
  .record(z.string().max(500), z.string().max(100).nullable())
  .describe('Header → field (null: not imported); see the upload answer’s fields');

export const startImportSchema = z
  .object({
    mapping: mappingSchema
      .optional()
      .describe('Defaults to the suggested mapping; given entries replace suggested ones'),
    dryRun: z.boolean().default(false).describe('Validate and count without writing anything'),
    upsertKey: z
      .enum(upsertKeys)
      .optional()
      .describe(
        'Update the record this key names instead of creating one (parties, employees: any key; products, transactions: externalId)',
      ),
    role: z.enum(partyRoleNames).optional().describe('Role of rows without a roles column (parties: default customer)'),
    encoding: z.string().max(40).optional(),
    delimiter: z.enum([',', ';', '\t', '|']).optional(),
  })
  .strict();
export type StartImport = z.infer<typeof startImportSchema>;

export const importJobSchema = z
  .object({
    id: z.uuid(),
    entity: importEntitySchema,
    status: z.enum(importStatuses),
    fileName: z.string(),
    fileSize: z.number().int(),
    format: z.enum(['csv', 'xlsx']),
    encoding: z.string().nullable(),
    delimiter: z.string().nullable(),
    headers: z.array(z.string()),
    mapping: z.record(z.string(), z.string().nullable()),
    options: z.object({ upsertKey: z.enum(upsertKeys).optional(), role: z.string().optional() }).passthrough(),
    dryRun: z.boolean(),
    counts: z.object({
      total: z.number().int().nullable().describe('Data rows in the file, once known'),
      processed: z.number().int(),
      created: z.number().int(),
      updated: z.number().int(),
      skipped: z.number().int().describe('Rows not written because of an error'),
      failed: z.number().int().describe('Row errors (a row may have several)'),
      duplicates: z
        .number()
        .int()
        .describe('Created rows that share an email or phone with an existing party (reported, not merged)'),
    }),
    progress: z.number().describe('0..1, by rows when the total is known, else by bytes read'),
    rowsPerSecond: z.number().nullable(),
    etaSeconds: z.number().nullable(),
    message: z.string().nullable(),
    createdBy: z.uuid().nullable(),
    startedAt: timestamp.nullable(),
    finishedAt: timestamp.nullable(),
    revertedAt: timestamp.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'ImportJob' });
export type ImportJob = z.infer<typeof importJobSchema>;

export const importFieldSchema = z.object({ key: z.string(), list: z.boolean() });
export const importPreviewSchema = z
  .object({
    job: importJobSchema,
    sample: z.array(z.array(z.string())).describe('Up to ten data rows'),
    suggestedMapping: z.record(z.string(), z.string().nullable()),
    fields: z.array(importFieldSchema).describe('What columns may map to (custom fields as custom.<key>)'),
  })
  .meta({ id: 'ImportPreview' });
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const listImportsQuerySchema = pageQuerySchema
  .extend({ entity: importEntitySchema.optional(), status: z.enum(importStatuses).optional() })
  .strict();
export type ListImportsQuery = z.infer<typeof listImportsQuerySchema>;
export const importIdSchema = z.object({ id: z.uuid() }).strict();
export const revertResultSchema = z
  .object({ job: importJobSchema, removed: z.number().int(), restored: z.number().int() })
  .meta({ id: 'ImportRevertResult' });
