import { z } from 'zod';
import { timestamp, versionField } from '../../../platform/http/common.schema.ts';

export const careSettingsSchema = z
  .object({
    commercialCap: z.number().describe('Largest share of commercial messages in the last 30 days (0–1)'),
    isDefault: z.boolean().describe('No value was set: the documented default applies'),
    defaultCap: z.number(),
    updatedAt: timestamp.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'CareSettings' });
export type CareSettings = z.infer<typeof careSettingsSchema>;

export const updateCareSettingsSchema = z
  .object({
    commercialCap: z.number().min(0).max(1).describe('A share: 0.1 is 10 %'),
    version: versionField,
  })
  .strict();
export type UpdateCareSettings = z.infer<typeof updateCareSettingsSchema>;
