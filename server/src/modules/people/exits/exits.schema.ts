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

export const createExitInterviewSchema = z
  .object({
    heldOn: day,
    reasons: z.array(z.enum(exitReasons)).min(1).max(12).describe("[S1]'s roots of leaving, plus other"),
    wouldRejoin: z.boolean().nullable().optional(),
    rehireEligible: z.boolean().nullable().optional(),
    notes: longText.nullable().optional(),
  })
  .strict();
export type CreateExitInterview = z.infer<typeof createExitInterviewSchema>;

export const exitInterviewSchema = z
  .object({
    id: z.uuid(),
    partyId: z.uuid(),
    heldOn: z.string(),
    reasons: z.array(z.enum(exitReasons)),
    wouldRejoin: z.boolean().nullable(),
    rehireEligible: z.boolean().nullable(),
    notes: z.string().nullable(),
    stage: z.string().describe("The employee's stage after the interview (alumni)"),
  })
  .meta({ id: 'ExitInterview' });
export type ExitInterview = z.infer<typeof exitInterviewSchema>;

export const exitReasonsQuerySchema = z.object({ from: day.optional(), to: day.optional() }).strict();
export const exitReasonsSchema = z
  .object({
    interviews: z.number().int(),
    reasons: z.array(z.object({ reason: z.enum(exitReasons), count: z.number().int(), share: z.number() })),
    wouldRejoin: z.number().int(),
    rehireEligible: z.number().int(),
  })
  .meta({ id: 'ExitReasons' });
export type ExitReasons = z.infer<typeof exitReasonsSchema>;
