import { z } from 'zod';
import { pageQuerySchema, versionField } from '../../../platform/http/common.schema.ts';
import { pdcaStatuses } from '../constants.ts';
import { day, longText, shortText } from '../people.schema.ts';

// PDCA cycles and vision reviews ([S1] 愿景动态管理; docs/domain.md "People").

const measure = z
  .object({
    text: shortText,
    target: z.string().trim().max(200).nullable().optional(),
    actual: z.string().trim().max(200).nullable().optional(),
  })
  .strict();
const measures = z.array(measure).max(50);

export const createPdcaSchema = z
  .object({
    title: shortText,
    orgUnitId: z.uuid().nullable().optional(),
    ownerPartyId: z.uuid().describe('The employee who owns the cycle'),
    goal: longText.min(1),
    measures: measures.default([]),
    startsOn: day,
    endsOn: day.nullable().optional(),
    notes: longText.nullable().optional(),
  })
  .strict();
export type CreatePdca = z.infer<typeof createPdcaSchema>;

export const patchPdcaSchema = z
  .object({
    title: shortText.optional(),
    ownerPartyId: z.uuid().optional(),
    goal: longText.min(1).optional(),
    measures: measures.optional(),
    startsOn: day.optional(),
    endsOn: day.nullable().optional(),
    notes: longText.nullable().optional(),
    status: z
      .enum(pdcaStatuses)
      .optional()
      .describe("Forward one step (plan → do → check → act → closed); from 'act' back to 'plan' starts the next turn"),
    version: versionField.describe('Required'),
  })
  .strict();
export type PatchPdca = z.infer<typeof patchPdcaSchema>;

export const listPdcaQuerySchema = pageQuerySchema
  .extend({ orgUnitId: z.uuid().optional(), status: z.enum(pdcaStatuses).optional() })
  .strict();
export type ListPdcaQuery = z.infer<typeof listPdcaQuerySchema>;

export const pdcaSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    orgUnitId: z.uuid().nullable(),
    ownerPartyId: z.uuid().nullable(),
    ownerName: z.string().nullable(),
    goal: z.string(),
    measures: z.array(
      z.object({
        text: z.string(),
        target: z.string().nullable().optional(),
        actual: z.string().nullable().optional(),
      }),
    ),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    status: z.enum(pdcaStatuses),
    turn: z.number().int().describe('1 for the first turn; +1 each time act loops back to plan'),
    notes: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'PdcaCycle' });
export type Pdca = z.infer<typeof pdcaSchema>;

export const createVisionSchema = z
  .object({
    orgUnitId: z.uuid().nullable().optional().describe('Omit for the organisation as a whole'),
    year: z.number().int().min(1900).max(9998),
    vision: longText.min(1),
    changes: longText.nullable().optional(),
    participantPartyIds: z.array(z.uuid()).max(500).default([]),
    reviewedOn: day,
  })
  .strict();
export type CreateVision = z.infer<typeof createVisionSchema>;

export const patchVisionSchema = z
  .object({
    vision: longText.min(1).optional(),
    changes: longText.nullable().optional(),
    participantPartyIds: z.array(z.uuid()).max(500).optional(),
    reviewedOn: day.optional(),
    version: versionField.describe('Required'),
  })
  .strict();
export type PatchVision = z.infer<typeof patchVisionSchema>;

export const listVisionQuerySchema = pageQuerySchema
  .extend({ orgUnitId: z.uuid().optional(), year: z.coerce.number().int().min(1900).max(9998).optional() })
  .strict();
export type ListVisionQuery = z.infer<typeof listVisionQuerySchema>;

export const visionSchema = z
  .object({
    id: z.uuid(),
    orgUnitId: z.uuid().nullable(),
    year: z.number().int(),
    vision: z.string(),
    changes: z.string().nullable(),
    participantPartyIds: z.array(z.uuid()),
    reviewedOn: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'VisionReview' });
export type Vision = z.infer<typeof visionSchema>;
