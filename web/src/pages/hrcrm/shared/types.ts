// The HR-department CRM (docs/domain.md "HR-department CRM"): the HR department serves eight groups of customers, four inside the firm and
// four outside, and manages each relationship through a seven-step process. Types and constants come from the
// server's schemas (type-only, plus zod-free constants).
import type { Role } from '../../../api/types.ts';
import {
  fourRs,
  HRCRM_READERS,
  HRCRM_WRITERS,
  hrActivityStatuses,
  hrMeasureKinds,
  hrProcessStepStates,
  hrProcessSteps,
  type HrActivityStatus,
  type HrEvaluation,
  type HrGroup,
  type HrMeasureKind,
  type HrProcessStepName,
  type HrProcessStepState,
} from '@tandem/server/api';

export type {
  FourR,
  HrActivity,
  HrButterfly as Butterfly,
  HrContribution as Contribution,
  HrCreateActivity as ActivityInput,
  HrDelivery as ServiceDelivery,
  HrEvaluation as Evaluation,
  HrGroup,
  HrProcess as GroupProcess,
  HrProcessStep as ProcessStep,
  HrService,
  HrUpdateProcessStep as PatchProcessStep,
  HrCreateService as ServiceInput,
} from '@tandem/server/api';

/** Who reads the HR-CRM pages (admin and HR write, executives read; the server refuses everybody else). */
export const hrCrmRoles: readonly Role[] = HRCRM_READERS;
export const hrCrmWriterRoles: readonly Role[] = HRCRM_WRITERS;

export const processSteps = hrProcessSteps;
export const stepStates = hrProcessStepStates;
export const activityStatuses = hrActivityStatuses;
export const measureKinds = hrMeasureKinds;
export { fourRs };

export type HrSide = HrGroup['side'];
export type ProcessStepKey = HrProcessStepName;
export type StepState = HrProcessStepState;
export type ActivityStatus = HrActivityStatus;
export type MeasureKind = HrMeasureKind;
export type HrAssessment = NonNullable<HrGroup['assessment']>;
export type EvaluationDimension = HrEvaluation['dimensions'][number];
export type Actor = HrAssessment['assessedBy'];
