import type { Role } from '../../platform/identity/constants-types.ts';

// Scenario practice (情景模拟, docs/practice.md): zod-free constants the web imports through api.ts.

/** The six steps of a session, in order (docs/domain.md "Scenario practice"). */
export const practiceSteps = ['form_teams', 'design_case', 'prepare', 'play', 'score', 'sum_up'] as const;
export type PracticeStep = (typeof practiceSteps)[number];

/** The four criteria every sheet scores. */
export const practiceCriteria = ['knowledge', 'communication', 'solution', 'teamwork'] as const;
export type PracticeCriterion = (typeof practiceCriteria)[number];

/** Roles a member plays in the case. */
export const practiceMemberRoles = ['customer', 'staff', 'observer'] as const;
export type PracticeMemberRole = (typeof practiceMemberRoles)[number];

/** The scale of every criterion: whole points, 1 (poor) to 10 (excellent) (docs/metrics.md "Scenario practice"). */
export const PRACTICE_SCORE_MIN = 1;
export const PRACTICE_SCORE_MAX = 10;

/** Steps in which sheets are taken: the play and its scoring. */
export const scoringSteps: readonly PracticeStep[] = ['play', 'score'];

/** Who runs sessions and keeps the scenario library (trainers). Participants need no role. */
export const PRACTICE_TRAINERS: readonly Role[] = ['admin', 'hr', 'manager'];
/** Who sees every session of the organisation. */
export const PRACTICE_OVERSEERS: readonly Role[] = ['admin', 'hr'];
/** Who creates, resets and staffs practice organisations. */
export const PRACTICE_ORG_ADMINS: readonly Role[] = ['admin'];

/** The generated practice organisation's size: small, so creating and resetting take seconds. */
export const PRACTICE_ORG_SIZE = { customers: 60, employees: 12, transactions: 300 } as const;
/** Its fixed seed and "today": the same data on every reset. */
export const PRACTICE_ORG_SEED = 7;
export const PRACTICE_ORG_AS_OF = '2026-01-01';
