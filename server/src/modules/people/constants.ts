// Zod-free constants of the people module (the web imports them through api.ts). Definitions: docs/domain.md
// "People", docs/metrics.md "People".
import type { Role } from '../../platform/identity/constants-types.ts';

/** The six kinds of incentive of docs/sources.md [S1] (激励). */
export const incentiveTypes = ['money', 'emotional', 'respect', 'communication', 'work', 'negative'] as const;
export const contractTypes = ['open_ended', 'fixed_term', 'part_time', 'internship', 'other'] as const;
export const renewalIntents = ['renew', 'not_renew', 'undecided'] as const;
export const exitTypes = ['voluntary', 'involuntary'] as const;
/**
 * Why people leave: [S1]'s roots (internal unfairness of incentives, promotion and delegation; external
 * competitiveness of pay and career room), the usual involuntary reasons, and other.
 */
export const exitReasons = [
  'internal_unfairness',
  'external_competitiveness',
  'promotion',
  'delegation',
  'manager',
  'workload',
  'personal',
  'performance',
  'misconduct',
  'restructuring',
  'contract_end',
  'other',
] as const;
/** A separation on this ground needs a completed improvement plan still below the bar (docs/domain.md). */
export const PERFORMANCE_EXIT_REASON = 'performance';

export const payChangeKinds = ['hire', 'raise', 'promotion', 'adjustment', 'decrease'] as const;
export const employmentEventKinds = ['manager', 'org_unit', 'job_title', 'grade', 'career_track'] as const;

export const cycleStatuses = ['draft', 'published', 'open', 'calibrating', 'closed'] as const;
/** Legal moves of an appraisal cycle: one step forward at a time. */
export const cycleStatusMoves: Record<(typeof cycleStatuses)[number], readonly (typeof cycleStatuses)[number][]> = {
  draft: ['published'],
  published: ['open'],
  open: ['calibrating'],
  calibrating: ['closed'],
  closed: [],
};
export const appraisalBands = ['top', 'middle', 'bottom'] as const;
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
/** Days after a cycle closes during which the employee may add a reply. */
export const REPLY_DAYS = 14;
/** An improvement plan's reassessment comes at least this many days after the plan starts. */
export const PLAN_MIN_DAYS = 60;
export const reassessmentOutcomes = ['met', 'below'] as const;
/** [S1]: every half-year or year; more often undermines the need for security. Never more than two. */
export const MAX_APPRAISALS_PER_YEAR = 2;

export const conversationKinds = ['one_on_one', 'walk_around'] as const;
export const pdcaStatuses = ['plan', 'do', 'check', 'act', 'closed'] as const;
export const visionTriggers = ['yearly', 'major_event', 'decision'] as const;

/** The factors of the attrition risk score (docs/metrics.md "Attrition risk"). */
export const attritionFactors = [
  'tenure_window',
  'no_raise_or_promotion',
  'compa_ratio',
  'group_engagement',
  'grievances',
  'manager_changes',
  'appraisal_trend',
  'contract_ending',
] as const;
export type AttritionFactor = (typeof attritionFactors)[number];
/** Default weights (they sum to 100; any non-negative set is normalised to 100). */
export const defaultAttritionWeights: Record<AttritionFactor, number> = {
  tenure_window: 10,
  no_raise_or_promotion: 15,
  compa_ratio: 15,
  group_engagement: 15,
  grievances: 10,
  manager_changes: 10,
  appraisal_trend: 10,
  contract_ending: 15,
};
export const riskBands = ['high', 'medium', 'low'] as const;
/** Score thresholds of the bands: high from 60, medium from 30. */
export const RISK_HIGH = 60;
export const RISK_MEDIUM = 30;

/** Organisation settings of the people module and their defaults (docs/metrics.md "People"). */
export const defaultPeopleSettings = {
  /** At most this many appraisal cycles whose periods start within any 12 months (1 or 2). */
  maxAppraisalsPerYear: 2,
  /** Days between publishing a cycle's criteria and opening it. */
  noticeDays: 7,
  /** A raise (or money incentive) below this share of monthly pay gets a warning ([S1]: 500 on 10,000 backfires). */
  raiseWarningShare: 0.1,
  /** Contracts ending within this many days are "expiring" (renewal flags, the attrition factor, the job). */
  contractWindowDays: 90,
  /** A unit is flagged when fewer than this share of its expiring contracts are meant to be renewed. */
  renewalFlagShare: 0.5,
  /** Tenure (months) counted as the risky window of the attrition score: [from, to). */
  riskWindowFromMonths: 6,
  riskWindowToMonths: 24,
};
export type PeopleSettings = typeof defaultPeopleSettings;

/** Who holds HR's side of the people module: the employee file, cycles, exits, analytics. */
export const peopleHrRoles: readonly Role[] = ['hr', 'admin'];
/** Who may read pay bands and people settings: HR, admin and managers (compa-ratio of their reports). */
export const payBandReaderRoles: readonly Role[] = ['hr', 'admin', 'manager'];
/** Who reads appraisal cycles: HR, admin and managers (who score their reports). */
export const cycleReaderRoles: readonly Role[] = ['hr', 'admin', 'manager'];
/** Turnover is an aggregate: executives read it for the organisation, managers for their reports. */
export const turnoverReaderRoles: readonly Role[] = ['hr', 'admin', 'executive', 'manager'];
/** PDCA cycles and vision reviews: organisational loops, read by management and HR. */
export const programReaderRoles: readonly Role[] = ['hr', 'admin', 'executive', 'manager'];
export const programWriterRoles: readonly Role[] = ['hr', 'admin', 'manager'];
/** Attrition risk and contract renewals: HR and admin for the organisation, managers for their reports. */
export const attritionReaderRoles: readonly Role[] = ['hr', 'admin', 'manager'];
