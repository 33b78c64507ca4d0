// Runtime values exported here come from zod-free files so the web bundle stays small.
// Types the web app imports (type-only) so the API has one source of truth: the server's zod schemas.
import type { z } from 'zod';
import type { dailyCountSchema } from './platform/audit/audit.schema.ts';
export type { ErrorBody, ErrorCode, Page } from './platform/http/common.schema.ts';
export { errorCodes } from './platform/http/error-codes.ts';
export type {
  User,
  CreateUser,
  UpdateUser,
  OrgUnit,
  CreateOrgUnit,
  UpdateOrgUnit,
  Organization,
  Role,
  Locale,
} from './platform/identity/identity.schema.ts';
export { roles, locales } from './platform/identity/constants.ts';
export { auditActions, auditEntityTypes } from './platform/audit/actions.ts';
export type { AuditAction, AuditEntityType } from './platform/audit/actions.ts';
export type {
  SessionUser,
  LoginResponse,
  MeResponse,
  ApiToken,
  ApiTokenCreated,
  OwnSession,
  ChangePassword,
} from './platform/auth/auth.schema.ts';
export type { AuditEntry } from './platform/audit/audit.schema.ts';
/** One row of `GET /api/audit/daily-counts`: how many anonymous actions of a kind happened on a day. */
export type AuditDailyCount = z.infer<typeof dailyCountSchema>;
export type { SavedView, ViewState } from './platform/views/views.schema.ts';
export type { SearchResult } from './platform/search/search.schema.ts';
export type { Notification, NotificationPage, NotificationSettings } from './platform/notify/notify.schema.ts';
export { notificationKinds, type NotificationKind } from './platform/notify/notify.types.ts';
export type { Health } from './platform/http/health.ts';
export type {
  Party,
  PartyRole,
  CreateParty,
  UpdateParty,
  RoleInput,
  HistoryEntry as PartyHistoryEntry,
  MergeResult,
} from './modules/parties/parties.schema.ts';
export type {
  BulkPartyAction,
  BulkPartiesBody,
  BulkPartiesOutcome,
} from './modules/parties/bulk-actions/bulk-actions.schema.ts';
export type { BinItem, PurgeOutcome } from './modules/parties/bin/bin.schema.ts';
export { BIN_RETENTION_DAYS } from './modules/parties/bin/constants.ts';
export type {
  Interaction,
  CreateInteraction,
  UpdateInteraction,
  Task,
  CreateTask,
  UpdateTask,
  TimelineItem,
} from './modules/parties/activity/activity.schema.ts';
export type {
  StakeholderGroup,
  CreateStakeholderGroup,
  UpdateStakeholderGroup,
  FieldDefinition,
  CreateFieldDefinition,
  UpdateFieldDefinition,
  RelationshipMap,
} from './modules/parties/settings/settings.schema.ts';
export type {
  PartyKind,
  PartyRoleName,
  KotlerLevel,
  Quadrant,
  RelationshipPhase,
  FieldType,
} from './modules/parties/constants.ts';
export {
  partyKinds,
  partyRoles,
  genders,
  kotlerLevels,
  quadrants,
  relationshipPhases,
  customerStages,
  employeeStages,
  interactionChannels,
  interactionDirections,
  sentiments,
  taskKinds,
  taskStatuses,
  fieldTypes,
  MERGE_UNDO_DAYS,
} from './modules/parties/constants.ts';
export { stagesOf, legalNextStages, quadrantOf, levelGap, HIGH_SCORE } from './modules/parties/roles/stages.ts';
export type {
  Survey,
  CreateSurvey,
  UpdateSurvey,
  Question as SurveyQuestion,
  QuestionInput as SurveyQuestionInput,
  Audience as SurveyAudience,
  Invitations as SurveyInvitations,
  Reminders as SurveyReminders,
  MySurvey,
  MyLink as MySurveyLink,
  PublicSurvey,
  SubmitResponse as SurveySubmitResponse,
  Results as SurveyResults,
  ResultGroup as SurveyResultGroup,
  QuestionMetric as SurveyQuestionMetric,
  Drivers as SurveyDrivers,
  TextAnswers as SurveyTextAnswers,
  SurveyKind,
  SurveyStatus,
  QuestionType as SurveyQuestionType,
} from './modules/surveys/surveys.schema.ts';
export {
  surveyKinds,
  surveyStatuses,
  surveyStatusMoves,
  questionTypes,
  driverTags,
  gapPairings,
  audienceKinds,
  resultGroupings,
  driverQuadrants,
  valueElements,
  DEFAULT_MIN_GROUP_SIZE,
  MIN_GROUP_SIZE_FLOOR,
  TEXT_ANSWER_MAX,
  surveyManagerRoles,
  surveyReaderRoles,
  employeeSurveyRoles,
} from './modules/surveys/constants.ts';
export type {
  SlaPolicy,
  CreateSlaPolicy,
  UpdateSlaPolicy,
  SlaTargets,
  BusinessHours,
  Case,
  CreateCase,
  UpdateCase,
  ListCasesQuery,
  CaseEvent,
  ReplyInput,
  ResolveInput,
  ResolveResult,
  PublicFeedback,
  FeedbackInput,
  Metrics as CaseMetrics,
  MetricsRow as CaseMetricsRow,
  MetricsPeriod as CaseMetricsPeriod,
  AlertRule,
  Alert,
  CreateGrievance,
  GrievanceCreated,
  GrievanceFollowUp,
  MyGrievance,
} from './modules/cases/cases.schema.ts';
export {
  caseTypes,
  casePriorities,
  caseStatuses,
  caseChannels,
  slaStates,
  replyVisibilities,
  rootCauses,
  remedies,
  caseEventKinds,
  metricsGroupings,
  metricsIntervals,
  alertRuleKinds,
  alertStatuses,
  caseStatusMoves,
  AT_RISK_SHARE,
  CSAT_LINK_DAYS,
  GRIEVANCE_ROLES,
  caseStaffRoles,
  caseConfigurerRoles,
} from './modules/cases/constants.ts';
export type {
  CaseType,
  CasePriority,
  CaseStatus,
  SlaState,
  RootCause,
  Remedy,
  AlertRuleKind,
  MetricsInterval,
} from './modules/cases/constants.ts';
export type {
  Product,
  CreateProduct,
  UpdateProduct,
  Transaction,
  TransactionLine,
  CreateTransaction,
  ListTransactionsQuery,
} from './modules/commerce/commerce.schema.ts';
export type { ImportJob, ImportPreview, StartImport } from './modules/imports/imports.schema.ts';
export type { ClvModel, ClvFit, ClvCustomer, ClvCustomersPage, SimpleClv } from './modules/value/clv/clv.schema.ts';
export type { Concentration } from './modules/value/concentration/concentration.schema.ts';
export type { Cohorts } from './modules/value/cohorts/cohorts.schema.ts';
// The value analytics core: summary, RFM, value classes (docs/metrics.md "Customers and value").
export type { ValueSummary, SummaryQuery as ValueSummaryQuery } from './modules/value/summary/summary.schema.ts';
export type {
  RfmSummary,
  RfmCustomer,
  RfmRule,
  RfmRules,
  PutRfmRules,
  RfmQuery,
  RfmCustomersQuery,
} from './modules/value/rfm/rfm.schema.ts';
export type {
  ClassesSummary as ValueClasses,
  ClassCustomer as ValueClassCustomer,
  ClassSettings as ValueClassSettings,
  ClassSettingsReply as ValueClassSettingsReply,
  PutClassSettings as PutValueClassSettings,
  ClassesQuery as ValueClassesQuery,
} from './modules/value/classes/classes.schema.ts';
export {
  loyaltyClasses as valueLoyaltyClasses,
  costClasses as valueCostClasses,
  type LoyaltyClass as ValueLoyaltyClass,
  type CostClass as ValueCostClass,
} from './modules/value/classes/constants.ts';
// Value: segments, snapshots, cross-sell and wallet (modules/value/segments and siblings).
export type {
  Segment,
  CreateSegment,
  UpdateSegment,
  SegmentMember,
  SegmentCount,
  SegmentPreview,
  SegmentHistory,
  AddSegmentMembersOutcome,
} from './modules/value/segments/segments.schema.ts';
export type { BoardValue } from './modules/value/board/board.schema.ts';
export type { SegmentRule, Condition as SegmentCondition } from './modules/value/segments/rule.schema.ts';
export type { SnapshotRun, CustomerValue, PartyValue } from './modules/value/snapshots/snapshots.schema.ts';
export type {
  ValueCustomer,
  ValueCustomersPage,
  ValueCustomersQuery,
} from './modules/value/snapshots/customers.schema.ts';
export type { CrossSell, AssociationRule, Suggestions } from './modules/value/cross-sell/cross-sell.schema.ts';
export type { Wallet, PutWallet, WalletSummary } from './modules/value/wallet/wallet.schema.ts';
export {
  segmentFields,
  segmentEditorRoles,
  valueStaffRoles,
  snapshotRequesterRoles,
  crossSellLevels,
  segmentMemberSorts,
  valueCustomerSorts,
} from './modules/value/segments/constants.ts';
// People (modules/people): types of its API and its zod-free constants.
export type { EmployeeFile, PatchEmployee, Contract, PatchContract } from './modules/people/file/file.schema.ts';
export type { Incentive, CreateIncentive } from './modules/people/incentives/incentives.schema.ts';
export type { Cycle as AppraisalCycle, CreateCycle, UpdateCycle } from './modules/people/appraisals/cycles.schema.ts';
export type {
  Appraisal,
  PatchAppraisal,
  Plan as ImprovementPlan,
  PlanInput,
  PatchPlan,
} from './modules/people/appraisals/appraisals.schema.ts';
export type { OneOnOne, CreateOneOnOne } from './modules/people/conversations/conversations.schema.ts';
export type {
  Separation,
  CreateSeparation,
  ExitInterview,
  CreateExitInterview,
  ExitReasons,
} from './modules/people/exits/exits.schema.ts';
export type { Turnover, TurnoverLine } from './modules/people/analytics/turnover.schema.ts';
export type {
  Pdca as PdcaCycle,
  CreatePdca,
  PatchPdca,
  Vision as VisionReview,
  CreateVision,
  PatchVision,
} from './modules/people/programs/programs.schema.ts';
export type {
  AttritionItem,
  AttritionPage,
  AttritionQuery,
  AttritionFactorOut,
  Backtest as AttritionBacktest,
  Renewals as ContractRenewals,
} from './modules/people/analytics/attrition.schema.ts';
export type {
  PayBand,
  PeopleSettingsOut as PeopleSettings,
  AttritionWeights,
} from './modules/people/settings/settings.schema.ts';
export type { Warning as PeopleWarning } from './modules/people/people.schema.ts';
export {
  incentiveTypes,
  contractTypes,
  renewalIntents,
  exitTypes,
  exitReasons,
  payChangeKinds,
  cycleStatuses,
  appraisalBands,
  conversationKinds,
  attritionFactors,
  defaultPeopleSettings,
  REPLY_DAYS,
  PLAN_MIN_DAYS,
  SCORE_MIN,
  SCORE_MAX,
  riskBands,
  RISK_HIGH,
  RISK_MEDIUM,
  pdcaStatuses,
} from './modules/people/constants.ts';
// Insight: key-person risk, the service-profit chain, the CRM capability index, home cards (docs/metrics.md "Insight",
// docs/capability-index.md).
export type {
  KeyPerson,
  KeyPersonOwner,
  KeyPersonQuery,
  Simulate as KeyPersonSimulation,
  SimulateBody as KeyPersonSimulateBody,
  BackupsBody as KeyPersonBackupsBody,
} from './modules/insight/key-person/key-person.schema.ts';
export type { Chain, ChainPoint, ChainQuery } from './modules/insight/chain/chain.schema.ts';
export type {
  Capability,
  CapabilityQuery,
  CapabilitySettingsBody,
  CapabilitySettingsOut as CapabilitySettings,
  AssessmentsBody as CapabilityAssessmentsBody,
  CapabilityAssessment,
  CapabilitySnapshot,
  SnapshotBody as CapabilitySnapshotBody,
} from './modules/insight/capability/capability.schema.ts';
export type { Home, HomeCard } from './modules/insight/home/home.schema.ts';
export {
  chainLevels,
  employeeMetrics,
  customerMetrics,
  homeRoles,
  capabilityKeys,
  capabilityIndicators,
  capabilityIndicatorKeys,
  capabilityChecklistKeys,
  capabilityAssessableItems,
  defaultCapabilitySettings,
} from './modules/insight/constants.ts';

// Care and the HR-department CRM, in their own files to keep each under the size limit.
export * from './api-care.ts';
export * from './api-outreach.ts';
export * from './api-hrcrm.ts';
export * from './api-practice.ts';
export * from './api-projects.ts';
export type {
  Webhook,
  WebhookWithSecret,
  WebhookDelivery,
  CreateWebhookInput,
  UpdateWebhookInput,
} from './platform/webhooks/webhooks.schema.ts';
export { webhookEventTypes, webhookEventFilters, PING_EVENT } from './platform/webhooks/event-types.ts';
