import type { Party } from '@tandem/server/api';

// API types come from the server's zod schemas (type-only, so nothing from the server enters the bundle).
export type {
  ApiToken,
  ApiTokenCreated,
  AuditEntry,
  CreateOrgUnit,
  CreateUser,
  ErrorBody,
  ErrorCode,
  Health,
  Locale,
  LoginResponse,
  MeResponse,
  Organization,
  OrgUnit,
  Page,
  Role,
  SavedView,
  SearchResult,
  SessionUser,
  UpdateOrgUnit,
  UpdateUser,
  User,
  ViewState,
  Party,
  PartyRole,
  CreateParty,
  UpdateParty,
  RoleInput,
  PartyHistoryEntry,
  MergeResult,
  Interaction,
  CreateInteraction,
  Task,
  CreateTask,
  UpdateTask,
  TimelineItem,
  StakeholderGroup,
  FieldDefinition,
  RelationshipMap,
  PartyKind,
  PartyRoleName,
  KotlerLevel,
  Quadrant,
  RelationshipPhase,
  Survey,
  CreateSurvey,
  UpdateSurvey,
  SurveyQuestion,
  SurveyQuestionInput,
  SurveyAudience,
  SurveyInvitations,
  PublicSurvey,
  SurveySubmitResponse,
  SurveyResults,
  SurveyResultGroup,
  SurveyQuestionMetric,
  SurveyDrivers,
  SurveyTextAnswers,
  SurveyKind,
  SurveyStatus,
  SurveyQuestionType,
  SlaPolicy,
  CreateSlaPolicy,
  UpdateSlaPolicy,
  SlaTargets,
  BusinessHours,
  Case,
  CreateCase,
  UpdateCase,
  CaseEvent,
  ResolveInput,
  ResolveResult,
  PublicFeedback,
  FeedbackInput,
  CaseMetrics,
  CaseMetricsRow,
  CaseMetricsPeriod,
  AlertRule,
  Alert,
  CreateGrievance,
  GrievanceCreated,
  GrievanceFollowUp,
  CaseType,
  CasePriority,
  CaseStatus,
  SlaState,
  RootCause,
  Remedy,
  MetricsInterval,
  ImportJob,
  ImportPreview,
  StartImport,
  Product,
  CreateProduct,
  UpdateProduct,
  Transaction,
  TransactionLine,
} from '@tandem/server/api';

/** Shape of one VALIDATION_FAILED detail. */
export interface ValidationIssue {
  path: (string | number)[];
  message: string;
  code: string;
}

export interface RoleCount {
  role: string;
  count: number;
}

/** One candidate of `GET /api/parties/:id/duplicates`. */
export interface PartyDuplicate {
  party: Party;
  reasons: ('email' | 'phone' | 'name')[];
  score: number;
}
