import { z } from 'zod';
import { isoDateTime, timestamp, versionField } from '../../platform/http/common.schema.ts';
import {
  PRACTICE_SCORE_MAX,
  PRACTICE_SCORE_MIN,
  practiceCriteria,
  practiceMemberRoles,
  practiceSteps,
} from './constants.ts';

// Scenario practice (docs/practice.md): the scenario library, sessions with teams and steps, score sheets, results.

const text = (max: number) => z.string().trim().min(1).max(max);
const bilingual = (max: number) => z.object({ zh: text(max), en: text(max) }).strict();
const bilingualOut = z.object({ zh: z.string(), en: z.string() });

export const scenarioSchema = z
  .object({
    id: z.uuid(),
    builtIn: z.string().nullable().describe('Key of a built-in scenario, null for the organisation’s own'),
    title: bilingualOut,
    brief: bilingualOut,
    customerSide: bilingualOut.describe('What the player on the customer side is told'),
    staffSide: bilingualOut.describe('What the staff side is told'),
    criteria: z.record(z.enum(practiceCriteria), bilingualOut).describe('What each of the four criteria looks for'),
    archived: z.boolean(),
    version: z.number().int(),
    updatedAt: timestamp,
  })
  .meta({ id: 'PracticeScenario' });
export type PracticeScenario = z.infer<typeof scenarioSchema>;
export const scenariosSchema = z.object({ items: z.array(scenarioSchema) });

const criteriaInput = z.object(
  Object.fromEntries(practiceCriteria.map((c) => [c, bilingual(1000)])) as {
    knowledge: ReturnType<typeof bilingual>;
    communication: ReturnType<typeof bilingual>;
    solution: ReturnType<typeof bilingual>;
    teamwork: ReturnType<typeof bilingual>;
  },
);
export const createScenarioSchema = z
  .object({
    title: bilingual(200),
    brief: bilingual(4000),
    customerSide: bilingual(4000),
    staffSide: bilingual(4000),
    criteria: criteriaInput.strict().optional().describe('Defaults to the built-in guide'),
  })
  .strict();
export type CreateScenario = z.infer<typeof createScenarioSchema>;
export const updateScenarioSchema = createScenarioSchema
  .partial()
  .extend({ archived: z.boolean().optional(), version: versionField })
  .strict();
export type UpdateScenario = z.infer<typeof updateScenarioSchema>;

const memberInput = z.object({ userId: z.uuid(), role: z.enum(practiceMemberRoles) }).strict();
const teamsInput = z
  .array(z.object({ name: text(100), members: z.array(memberInput).min(1).max(30) }).strict())
  .max(12)
  .refine((ts) => new Set(ts.map((t) => t.name)).size === ts.length, 'Each team name once');

export const createSessionSchema = z
  .object({
    scenarioId: z.uuid(),
    title: text(200),
    trainerUserId: z.uuid().optional().describe('Defaults to the caller'),
    scheduledAt: isoDateTime,
    location: text(200).nullable().optional(),
    teams: teamsInput.optional(),
  })
  .strict();
export type CreateSession = z.infer<typeof createSessionSchema>;
export type TeamsInput = z.infer<typeof teamsInput>;

export const updateSessionSchema = z
  .object({
    version: z.number().int().min(1).max(2_147_483_647),
    scenarioId: z.uuid().optional(),
    title: text(200).optional(),
    scheduledAt: isoDateTime.optional(),
    location: text(200).nullable().optional(),
    teams: teamsInput.optional().describe('Replaces the teams; only before any sheet is scored'),
    step: z.enum(practiceSteps).optional(),
    caseNotes: text(8000).nullable().optional().describe('How the case was chosen or designed (step 2)'),
    summary: text(8000).nullable().optional().describe('The trainer’s summing up (step 6)'),
    complete: z
      .literal(true)
      .optional()
      .describe('Completes the session (step sum_up with a summary) and records it on the participants’ training'),
  })
  .strict();
export type UpdateSession = z.infer<typeof updateSessionSchema>;

const memberSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  role: z.enum(practiceMemberRoles),
});
const teamSchema = z.object({ id: z.uuid(), name: z.string(), members: z.array(memberSchema) });

export const sessionSchema = z
  .object({
    id: z.uuid(),
    scenario: z.object({ id: z.uuid(), title: bilingualOut }),
    title: z.string(),
    trainer: z.object({ userId: z.uuid(), displayName: z.string() }),
    scheduledAt: timestamp,
    location: z.string().nullable(),
    step: z.enum(practiceSteps),
    caseNotes: z.string().nullable(),
    summary: z.string().nullable(),
    completedAt: timestamp.nullable(),
    teams: z.array(teamSchema),
    myTeamId: z.uuid().nullable().describe('The caller’s team, if they play'),
    canManage: z.boolean().describe('The caller may change the session (its trainer, admin or HR)'),
    version: z.number().int(),
  })
  .meta({ id: 'PracticeSession' });
export type PracticeSession = z.infer<typeof sessionSchema>;
export const sessionsSchema = z.object({ items: z.array(sessionSchema.omit({ teams: true })) });

const point = z.number().int().min(PRACTICE_SCORE_MIN).max(PRACTICE_SCORE_MAX);
export const createScoreSchema = z
  .object({
    teamId: z.uuid().describe('The team scored'),
    scores: z.object({ knowledge: point, communication: point, solution: point, teamwork: point }).strict(),
    comment: text(2000).nullable().optional(),
  })
  .strict();
export type CreateScore = z.infer<typeof createScoreSchema>;

export const scoreSchema = z
  .object({
    id: z.uuid(),
    teamId: z.uuid(),
    scorer: z.enum(['peer', 'trainer']),
    scorerTeamId: z.uuid().nullable(),
    scores: z.record(z.enum(practiceCriteria), z.number().int()),
    comment: z.string().nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'PracticeScore' });
export type PracticeScoreSheet = z.infer<typeof scoreSchema>;

const basis = z.enum(['both', 'peer_only', 'trainer_only', 'none']);
const criterionResult = z.object({
  criterion: z.enum(practiceCriteria),
  peerAverage: z.number().nullable(),
  peerSheets: z.number().int(),
  trainerAverage: z.number().nullable(),
  trainerSheets: z.number().int(),
  score: z.number().nullable().describe('mean(peer average, trainer average), or the one side present'),
  basis,
});
export const resultsSchema = z
  .object({
    scale: z.object({ min: z.number().int(), max: z.number().int() }),
    teams: z.array(
      z.object({
        teamId: z.uuid(),
        name: z.string(),
        criteria: z.array(criterionResult),
        total: z.number().nullable().describe('Mean of the criteria scores present'),
        basis,
      }),
    ),
    people: z.array(
      z.object({ userId: z.uuid(), displayName: z.string(), teamId: z.uuid(), total: z.number().nullable() }),
    ),
    note: z.string().nullable().describe('Why a number is missing or rests on one side only'),
  })
  .meta({ id: 'PracticeResults' });
export type PracticeResults = z.infer<typeof resultsSchema>;
