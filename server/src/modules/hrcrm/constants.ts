// Plain constants (no zod) so the web bundle can import them through api.ts.

/**
 * The HR department's eight kinds of customers (docs/domain.md "Stakeholder groups"), the keys of the parties
 * module's default stakeholder groups: four inside the organisation, four outside (the two wings of the butterfly).
 */
export const hrGroups = [
  { key: 'marketing_staff', side: 'internal' },
  { key: 'line_managers', side: 'internal' },
  { key: 'employees', side: 'internal' },
  { key: 'strategic_decision_makers', side: 'internal' },
  { key: 'company_clients', side: 'external' },
  { key: 'potential_employees', side: 'external' },
  { key: 'government_community', side: 'external' },
  { key: 'natural_environment', side: 'external' },
] as const;
export const hrGroupKeys = hrGroups.map((g) => g.key);
export type HrGroupKey = (typeof hrGroups)[number]['key'];

/** The seven steps of managing one group's relationship (docs/domain.md "HR-department CRM"), in order. */
export const hrProcessSteps = ['collect', 'segment', 'needs', 'activities', 'network', 'value', 'evaluate'] as const;
export type HrProcessStepName = (typeof hrProcessSteps)[number];
export const hrProcessStepStates = ['not_started', 'in_progress', 'done'] as const;
export type HrProcessStepState = (typeof hrProcessStepStates)[number];

/** The 4Rs of relationship marketing an activity serves. */
export const fourRs = ['relevance', 'response', 'relationship', 'return'] as const;
export type FourR = (typeof fourRs)[number];
export const hrActivityStatuses = ['planned', 'done', 'cancelled'] as const;
export type HrActivityStatus = (typeof hrActivityStatuses)[number];

/** How a service's delivery to a group is measured. */
export const hrMeasureKinds = ['survey_dimension', 'case_type', 'indicator', 'none'] as const;
export type HrMeasureKind = (typeof hrMeasureKinds)[number];

/** Roles that write HR-CRM records; executives read them; everyone else is refused (403). */
export const HRCRM_WRITERS = ['admin', 'hr'] as const;
export const HRCRM_READERS = ['admin', 'hr', 'executive'] as const;
