// The value API's types and role lists, from the server's schemas (type-only, plus zod-free constants).
import type { Role } from '../../../api/types.ts';

export type {
  AssociationRule,
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
  ValueSummary,
} from '@tandem/server/api';
export { segmentEditorRoles, snapshotRequesterRoles, valueStaffRoles } from '@tandem/server/api';

/** Who reads value analytics (the server's VALUE_ROLES in modules/value/value.access.ts; not exported to the web). */
export const valueRoles: readonly Role[] = ['admin', 'executive', 'manager', 'marketing', 'agent'];
/** Who fits the CLV model (CLV_FIT_ROLES in modules/value/clv/clv.routes.ts). */
export const clvFitRoles: readonly Role[] = ['admin', 'executive', 'marketing'];
