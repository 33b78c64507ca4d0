import { z } from 'zod';
import { isoDateTime, versionField } from '../../../platform/http/common.schema.ts';
import { cycleStatuses } from '../constants.ts';
import { day, localizedSchema } from '../people.schema.ts';

const criterion = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'lower_snake_case'),
    text: localizedSchema,
    weight: z.number().positive().max(100),
  })
  .strict();
const participants = z
  .object({
    orgUnitIds: z.array(z.uuid()).max(500).default([]),
    partyIds: z.array(z.uuid()).max(5000).default([]),
  })
  .strict()
  .describe('Org units (their current employees, below units included) and employees, fixed when published');

export const createCycleSchema = z
  .object({
    name: localizedSchema,
    periodStart: day,
    periodEnd: day,
    criteria: z.array(criterion).min(1).max(30),
    bottomBandPercent: z.number().min(0).max(50).describe('The most of the participants the bottom band may hold'),
    opensAt: isoDateTime,
    noticeDays: z.number().int().min(1).max(90).optional().describe('Default: the organisation setting (7)'),
    participants,
  })
  .strict();
export type CreateCycle = z.infer<typeof createCycleSchema>;

export const updateCycleSchema = createCycleSchema
  .partial()
  .extend({
    status: z
      .enum(cycleStatuses)
      .optional()
      .describe('One step forward: draft → published → open → calibrating → closed'),
    version: versionField,
  })
  .strict();
export type UpdateCycle = z.infer<typeof updateCycleSchema>;

export const cycleSchema = z
  .object({
    id: z.uuid(),
    name: z.object({ zh: z.string(), en: z.string() }),
    periodStart: z.string(),
    periodEnd: z.string(),
    criteria: z.array(
      z.object({ key: z.string(), text: z.object({ zh: z.string(), en: z.string() }), weight: z.number() }),
    ),
    bottomBandPercent: z.number(),
    opensAt: z.string(),
    noticeDays: z.number().int(),
    participants: z.object({ orgUnitIds: z.array(z.uuid()), partyIds: z.array(z.uuid()) }),
    status: z.enum(cycleStatuses),
    publishedAt: z.string().nullable(),
    openedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    appraisalCount: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'AppraisalCycle' });
export type Cycle = z.infer<typeof cycleSchema>;
