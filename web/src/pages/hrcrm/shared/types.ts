// The HR-department CRM (seed 000): the HR department serves eight groups of customers, four inside the firm and
// four outside, and manages each relationship through a seven-step process.
import type { Role } from '../../../api/types.ts';
import type { RelationshipFields } from '../../parties/shared/relationship.ts';

/** Who reads the HR-CRM pages (the server's roles: admin and HR write, executives read). */
export const hrCrmRoles: readonly Role[] = ['admin', 'hr', 'executive'];
export const hrCrmWriterRoles: readonly Role[] = ['admin', 'hr'];

export const hrSides = ['internal', 'external'] as const;
export type HrSide = (typeof hrSides)[number];

export const processSteps = ['collect', 'segment', 'needs', 'activities', 'network', 'value', 'evaluate'] as const;
export type ProcessStepKey = (typeof processSteps)[number];
export const stepStates = ['not_started', 'in_progress', 'done'] as const;
export type StepState = (typeof stepStates)[number];

/** The 4Rs of relationship activities. */
export const fourRs = ['relevance', 'response', 'relationship', 'return'] as const;
export type FourR = (typeof fourRs)[number];
export const activityStatuses = ['planned', 'done', 'cancelled'] as const;
export type ActivityStatus = (typeof activityStatuses)[number];

export const measureKinds = ['survey_dimension', 'case_type', 'indicator', 'none'] as const;
export type MeasureKind = (typeof measureKinds)[number];

/** Who did something (both null when the user was deleted). */
export interface Actor {
  id: string | null;
  name: string | null;
}

/** The HR department's own assessment of a group (not the average of its parties). */
export interface HrAssessment extends RelationshipFields {
  reason: string;
  assessedAt: string;
  assessedBy: Actor;
}

export interface HrGroup {
  key: string;
  name: string;
  nameZh: string;
  nameEn: string;
  side: HrSide;
  assessment: HrAssessment | null;
  parties: {
    count: number;
    byQuadrant: { basic: number; proactive: number; reactive: number; partnership: number; unscored: number };
  };
  process: { done: number; total: number };
}

export interface Butterfly {
  internal: HrGroup[];
  external: HrGroup[];
}

export interface ProcessStep {
  step: ProcessStepKey;
  state: StepState;
  ownerUserId: string | null;
  ownerName: string | null;
  dueOn: string | null;
  evidence: string | null;
  /** Numbers computed live, step-specific (profileCompleteness is 0–1). */
  facts: Record<string, number>;
}

export interface GroupProcess {
  groupKey: string;
  steps: ProcessStep[];
}

export interface PatchProcessStep {
  state?: StepState;
  ownerUserId?: string | null;
  dueOn?: string | null;
  evidence?: string | null;
}

export interface HrActivity {
  id: string;
  groupKey: string;
  r: FourR;
  title: string;
  objective: string | null;
  /** Numeric string. */
  budget: string | null;
  plannedOn: string | null;
  status: ActivityStatus;
  outcome: string | null;
}

export type ActivityInput = Partial<Omit<HrActivity, 'id' | 'groupKey'>>;

export interface EvaluationDimension {
  key: string;
  label: string;
  expected: number | null;
  perceived: number | null;
  gap: number | null;
  trend: { period: string; expected: number | null; perceived: number | null; gap: number | null }[];
}

export interface Contribution {
  id: string;
  recordedOn: string;
  text: string;
  /** A decimal as a string. */
  value: string | null;
  recordedBy: Actor;
}

export interface Evaluation {
  groupKey: string;
  dimensions: EvaluationDimension[];
  contributions: Contribution[];
  note: string | null;
}

export interface ServiceGroup {
  groupKey: string;
  expectedValue: string | null;
  measure: { kind: MeasureKind; ref: string | null };
}

export interface HrService {
  id: string;
  nameZh: string;
  nameEn: string;
  description: string | null;
  ownerUserId: string | null;
  ownerName: string | null;
  active: boolean;
  groups: ServiceGroup[];
  deliveries: number;
}

export type ServiceInput = Partial<Omit<HrService, 'id' | 'ownerName' | 'deliveries'>>;

export interface ServiceDelivery {
  id: string;
  serviceId: string;
  groupKey: string;
  deliveredOn: string;
  quantity: number;
  note: string | null;
  recordedBy: string | null;
}
