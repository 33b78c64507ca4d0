// Part of api.ts (re-exported there): runtime values come from zod-free files so the web bundle stays small.
// Scenario practice and practice organisations (modules/practice, docs/practice.md).
export type {
  PracticeScenario,
  CreateScenario as PracticeCreateScenario,
  UpdateScenario as PracticeUpdateScenario,
  PracticeSession,
  CreateSession as PracticeCreateSession,
  UpdateSession as PracticeUpdateSession,
  CreateScore as PracticeCreateScore,
  PracticeScoreSheet,
  PracticeResults,
} from './modules/practice/practice.schema.ts';
export {
  practiceSteps,
  practiceCriteria,
  practiceMemberRoles,
  PRACTICE_SCORE_MIN,
  PRACTICE_SCORE_MAX,
  PRACTICE_TRAINERS,
  PRACTICE_ORG_ADMINS,
} from './modules/practice/constants.ts';
export type { PracticeStep, PracticeCriterion, PracticeMemberRole } from './modules/practice/constants.ts';
export type {
  PracticeOrg,
  PracticeOrgDetail,
  CreatedPracticeOrg as PracticeOrgCreated,
  AddTrainee as PracticeAddTrainee,
} from './modules/practice/practice-org.schema.ts';
