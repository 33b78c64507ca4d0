import { z } from 'zod';
import { exitReasons, exitTypes } from '../constants.ts';
import { day, longText } from '../people.schema.ts';

export const createSeparationSchema = z
  .object({
    exitOn: day,
    exitType: z.enum(exitTypes),
    reason: z.enum(exitReasons).describe('performance needs a completed improvement plan still below the bar'),
    note: longText.nullable().optional(),
    version: z.number().int().min(1).describe("The employee role's version"),
  })
  .strict();
export type CreateSeparation = z.infer<typeof createSeparationSchema>;

export const separationSchema = z
  .object({
    id: z.uuid(),
    partyId: z.uuid(),
    exitOn: z.string(),
    exitType: z.enum(exitTypes),
    reason: z.enum(exitReasons),
    note: z.string().nullable(),
    stage: z.string().describe("The employee's stage after the separation"),
  })
  .meta({ id: 'Separation' });
export type Separation = z.infer<typeof separationSchema>;
