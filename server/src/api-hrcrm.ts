// Part of api.ts (re-exported there): runtime values come from zod-free files so the web bundle stays small.
// Links between parties and the two relationship scales per role; the HR-department CRM (modules/hrcrm).
export type {
  PartyLink,
  PartyLinkType,
  CreatePartyLink,
  CreatePartyLinkType,
  PartyNetwork,
} from './modules/parties/links/links.schema.ts';
export {
  builtInLinkTypes,
  builtInLinkTypeKeys,
  linkDirections,
  NETWORK_MAX_DEPTH,
  NETWORK_NODE_CAP,
} from './modules/parties/links/constants.ts';
export type {
  RelationshipInput,
  RelationshipState,
  RelationshipHistoryItem,
} from './modules/parties/roles/relationship.schema.ts';
export type {
  HrGroup,
  HrButterfly,
  HrProcess,
  HrProcessStep,
  UpdateProcessStep as HrUpdateProcessStep,
  HrActivity,
  CreateActivity as HrCreateActivity,
  UpdateActivity as HrUpdateActivity,
  HrEvaluation,
  HrContribution,
  CreateContribution as HrCreateContribution,
} from './modules/hrcrm/hrcrm.schema.ts';
export type {
  HrService,
  CreateService as HrCreateService,
  UpdateService as HrUpdateService,
  HrDelivery,
  CreateDelivery as HrCreateDelivery,
} from './modules/hrcrm/services.schema.ts';
export * from './modules/hrcrm/constants.ts';
