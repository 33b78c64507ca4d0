// The people API's types and constants, from the server's schemas (type-only, plus zod-free constants).
import type { Role } from '../../../api/types.ts';
import type {
  AttritionBacktest,
  AttritionFactorOut,
  AttritionItem,
  AttritionPage,
  ContractRenewals,
  PdcaCycle,
  pdcaStatuses,
  riskBands,
} from '@tandem/server/api';

export type {
  Appraisal,
  AppraisalCycle,
  ContractRenewals,
  CreatePdca,
  CreateVision,
  PatchPdca,
  PatchVision,
  PdcaCycle,
  VisionReview,
  AttritionWeights,
  Contract,
  CreateCycle,
  CreateExitInterview,
  CreateIncentive,
  CreateOneOnOne,
  CreateSeparation,
  EmployeeFile,
  ExitInterview,
  ExitReasons,
  ImprovementPlan,
  Incentive,
  OneOnOne,
  PatchAppraisal,
  PatchEmployee,
  PayBand,
  PeopleSettings,
  PeopleWarning,
  PlanInput,
  Separation,
  Turnover,
  TurnoverLine,
} from '@tandem/server/api';
export {
  appraisalBands,
  attritionFactors,
  contractTypes,
  conversationKinds,
  cycleStatuses,
  employeeStages,
  exitReasons,
  exitTypes,
  incentiveTypes,
  pdcaStatuses,
  PLAN_MIN_DAYS,
  relationshipPhases,
  riskBands,
  renewalIntents,
  REPLY_DAYS,
  SCORE_MAX,
  SCORE_MIN,
} from '@tandem/server/api';

/** HR's side of the module: files, cycles, exits, settings (the server's peopleHrRoles). */
export const peopleHrRoles: readonly Role[] = ['hr', 'admin'];
/** Who sees the People area: HR, admin and managers (the directory, files of their reports, cycles). */
export const peopleStaffRoles: readonly Role[] = ['hr', 'admin', 'manager'];
/** Who reads turnover and the PDCA and vision loops: executives too (attrition risk: HR, admin, managers). */
export const peopleDashboardRoles: readonly Role[] = ['hr', 'admin', 'manager', 'executive'];

export type RiskBand = (typeof riskBands)[number];
export type AttritionFactorLine = AttritionFactorOut;
export type AttritionRiskItem = AttritionItem;
export type AttritionRiskPage = AttritionPage;
export type Backtest = AttritionBacktest;
export type ContractRenewalLine = ContractRenewals['items'][number];
export type PdcaStatus = (typeof pdcaStatuses)[number];
export type PdcaMeasure = PdcaCycle['measures'][number];
