// Zod-free constants of the surveys module (the web imports them through api.ts).
import type { Role } from '../../platform/identity/constants-types.ts';

export const surveyKinds = ['nps', 'enps', 'csat', 'ces', 'engagement', 'gap', 'custom'] as const;
export const surveyStatuses = ['draft', 'open', 'closed'] as const;
export const questionTypes = ['scale', 'nps', 'choice', 'text', 'matrix'] as const;
export const driverTags = ['hygiene', 'motivator', 'other'] as const;
export const gapPairings = ['expected', 'perceived'] as const;
/** `segment`: the live members of one of value's segments when the invitations go out. */
export const audienceKinds = ['customers', 'employees', 'stakeholderGroup', 'parties', 'segment'] as const;
/** `segment`: the respondent's segment at answer time (value's segments; the first by priority they match). */
export const resultGroupings = ['none', 'orgUnit', 'stakeholderGroup', 'role', 'segment'] as const;
export const driverQuadrants = ['strength', 'priority', 'maintain', 'low_priority'] as const;
/** The eight value elements of docs/sources.md [S3] (gap template dimensions). */
export const valueElements = [
  'quality',
  'service',
  'price',
  'brand',
  'customisation',
  'affinity',
  'self_expression',
  'self_actualisation',
] as const;

export const DEFAULT_MIN_GROUP_SIZE = 5;
export const MIN_GROUP_SIZE_FLOOR = 3;
export const DEFAULT_INVITATION_DAYS = 30;
export const TEXT_ANSWER_MAX = 5000;

/** Legal status moves: draft → open → closed (a closed survey stays closed). */
export const surveyStatusMoves: Record<(typeof surveyStatuses)[number], readonly (typeof surveyStatuses)[number][]> = {
  draft: ['open'],
  open: ['closed'],
  closed: [],
};

/** Roles that build and run surveys. */
export const surveyManagerRoles: readonly Role[] = ['admin', 'hr', 'marketing'];
/** Roles that see surveys and their results. */
export const surveyReaderRoles: readonly Role[] = ['admin', 'hr', 'marketing', 'executive'];
/** Roles that run employee-side surveys (eNPS, engagement, audience employees) and read their answers. */
export const employeeSurveyRoles: readonly Role[] = ['hr', 'admin'];
