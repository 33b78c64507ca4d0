// The people API's types and constants, from the server's schemas (type-only, plus zod-free constants), and the
// shapes of the attrition, PDCA and vision endpoints as announced by h/people2 until their schemas land on main.
import type { Role } from '../../../api/types.ts';

export type {
  Appraisal,
  AppraisalCycle,
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
  PLAN_MIN_DAYS,
  relationshipPhases,
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

export type RiskBand = 'low' | 'medium' | 'high';
export interface AttritionFactorLine {
  key: string;
  /** Points of the score: the factor's normalised weight × its risk. */
  contribution: number;
  /** The factor's risk in [0, 1]. */
  risk?: number;
  detail: string;
}
export interface AttritionRiskItem {
  partyId: string;
  name: string;
  orgUnitId: string | null;
  score: number;
  band: RiskBand;
  factors: AttritionFactorLine[];
}
export interface AttritionRiskPage {
  items: AttritionRiskItem[];
  nextCursor: string | null;
  /** The normalised weights used (sum 100). */
  weights: Record<string, number>;
  asOf?: string;
}
export interface Backtest {
  asOf: string;
  /** 12 months before asOf: the day everyone was scored. */
  scoredOn?: string;
  population: number;
  leavers: number;
  topBandSize: number;
  leaversInTopBand: number;
  /** leaversInTopBand / leavers × 100 (a percentage). */
  share: number;
  /** topBandSize / population × 100: what a random pick would reach. */
  topBandShare?: number;
  note: string | null;
}
export interface ContractRenewalLine {
  orgUnitId: string | null;
  name: string | null;
  expiring: number;
  withIntent: number;
  /** withIntent / expiring (a fraction). */
  share: number;
  flagged: boolean;
}
export interface ContractRenewals {
  withinDays: number;
  flagShare: number;
  items: ContractRenewalLine[];
}

export const pdcaStatuses = ['plan', 'do', 'check', 'act', 'closed'] as const;
export type PdcaStatus = (typeof pdcaStatuses)[number];
export interface PdcaMeasure {
  text: string;
  target?: string | null;
  actual?: string | null;
}
export interface PdcaCycle {
  id: string;
  title: string;
  orgUnitId: string | null;
  ownerPartyId: string | null;
  ownerName?: string | null;
  goal: string;
  measures: PdcaMeasure[];
  startsOn: string;
  endsOn: string | null;
  status: PdcaStatus;
  turn: number;
  notes: string | null;
  version: number;
}
export interface VisionReview {
  id: string;
  orgUnitId: string | null;
  year: number;
  vision: string;
  changes: string | null;
  participantPartyIds: string[];
  reviewedOn: string;
  version: number;
}
