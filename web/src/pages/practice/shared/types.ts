// Scenario practice in the web (docs/practice.md): roles and types from the server's schemas (type-only, plus zod-free
// constants).
import type { Role } from '../../../api/types.ts';
import {
  PRACTICE_ORG_ADMINS,
  PRACTICE_TRAINERS,
  type PracticeOrg,
  type PracticeOrgCreated,
  type PracticeOrgDetail,
} from '@tandem/server/api';

export type { PracticeOrg, PracticeOrgCreated, PracticeOrgDetail };
export {
  practiceCriteria,
  practiceMemberRoles,
  practiceSteps,
  PRACTICE_SCORE_MAX,
  PRACTICE_SCORE_MIN,
} from '@tandem/server/api';

/** Who plans sessions and keeps the library (the server's PRACTICE_TRAINERS). */
export const practiceTrainerRoles: readonly Role[] = PRACTICE_TRAINERS;
/** Who manages practice organisations. */
export const practiceOrgAdminRoles: readonly Role[] = PRACTICE_ORG_ADMINS;

/** A bilingual text in the UI language. */
export const pick = (b: { zh: string; en: string }, language: string) => (language === 'zh-CN' ? b.zh : b.en);
