// The value API's types and role lists, from the server's schemas (type-only, plus zod-free constants).
import type { Role } from '../../../api/types.ts';

export type {
  AddSegmentMembersOutcome,
  AssociationRule,
  BoardValue,
  ClvCustomer,
  ClvCustomersPage,
  ClvFit,
  ClvModel,
  Cohorts,
  Concentration,
  CrossSell,
  CustomerValue,
  PartyValue,
  RfmCustomer,
  RfmRule,
  RfmRules,
  RfmSummary,
  Segment,
  SegmentCondition,
  SegmentCount,
  SegmentHistory,
  SegmentMember,
  SegmentPreview,
  SegmentRule,
  SimpleClv,
  SnapshotRun,
  Suggestions,
  ValueClassCustomer,
  ValueClasses,
  ValueClassSettings,
  ValueClassSettingsReply,
  ValueCustomer,
  ValueCustomersPage,
  ValueSummary,
  Wallet,
  WalletSummary,
} from '@tandem/server/api';
export {
  segmentEditorRoles,
  snapshotRequesterRoles,
  valueCostClasses,
  valueLoyaltyClasses,
  valueCustomerSorts,
  valueStaffRoles,
} from '@tandem/server/api';

/** Who reads value analytics (the server's VALUE_ROLES in modules/value/value.access.ts; not exported to the web). */
export const valueRoles: readonly Role[] = ['admin', 'executive', 'manager', 'marketing', 'agent'];
/** Who fits the CLV model (CLV_FIT_ROLES in modules/value/clv/clv.routes.ts). */
export const clvFitRoles: readonly Role[] = ['admin', 'executive', 'marketing'];
/** Who changes the RFM rules and value-class settings (VALUE_SETTINGS_EDITORS in modules/value/rfm/rfm.routes.ts). */
export const valueSettingsEditors: readonly Role[] = ['admin', 'executive', 'marketing'];
